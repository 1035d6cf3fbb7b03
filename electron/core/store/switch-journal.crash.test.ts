// TX-01's durability promise under a real crash: a child process runs the real
// journal (bundled from this folder's source) and SIGKILLs itself between two
// steps; the parent reopens the file and must see exactly the last committed step.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { switchSteps } from '../../../shared/sandbox-contract';
import { openDatabase } from './database';
import { pragmaValue } from './pragma';
import { createSwitchJournal } from './switch-journal';

const root = join(import.meta.dirname, '..', '..', '..');
const childFile = join(mkdtempSync(join(tmpdir(), 'airlock-crash-bin-')), 'crash-child.cjs');

// argv: dataDir, the step after which to die, and "commit" (die after the step
// commits) or "open" (die inside the step's transaction, before COMMIT).
const childSource = `
import { switchSteps } from '../../../shared/sandbox-contract';
import { openDatabase } from './database';
import { createSwitchJournal } from './switch-journal';

const [dataDir, crashAt, when] = process.argv.slice(2);
const { db } = openDatabase(dataDir);
const journal = createSwitchJournal(db);
const from = { level: 1, image: 'ollama/ollama:0.17.1', memoryMb: 8192, cpus: 4, gpu: false, port: 41234, volume: 'airlock-models' };
journal.begin({ id: 'crash', from, fromContainer: 'old-1', to: { ...from, level: 2 } });
if (crashAt === 'prepare') process.kill(process.pid, 'SIGKILL');
for (const step of switchSteps.slice(1)) {
  if (step === crashAt && when === 'open') {
    // The same write step() makes, left uncommitted when the process dies.
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE switch_intents SET step = ?, new_container = 'new-1' WHERE id = 'crash'").run(step);
    process.kill(process.pid, 'SIGKILL');
  }
  journal.step('crash', step, step === 'create' ? { newContainer: 'new-1' } : undefined);
  if (step === crashAt) process.kill(process.pid, 'SIGKILL');
}
console.error('the child was meant to die before the end');
process.exit(3);
`;

beforeAll(async () => {
  await build({
    stdin: {
      contents: childSource,
      resolveDir: import.meta.dirname,
      loader: 'ts',
      sourcefile: 'crash-child.ts',
    },
    outfile: childFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The native module loads from the repo's node_modules, as the app's bundle does.
    external: ['libsql'],
    logLevel: 'warning',
  });
});

const crashChild = (crashAt: string, when: 'commit' | 'open') => {
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-crash-'));
  chmodSync(dataDir, 0o700);
  const run = spawnSync(process.execPath, [childFile, dataDir, crashAt, when], {
    env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(run.stderr).toBe('');
  expect(run.signal).toBe('SIGKILL');
  return dataDir;
};

/** Reopens after the crash the way the app would at startup. */
const afterRestart = (dataDir: string) => {
  const store = openDatabase(dataDir);
  try {
    expect(pragmaValue(store.db, 'integrity_check')).toBe('ok');
    const journal = createSwitchJournal(store.db);
    return { unfinished: journal.unfinished(), history: journal.history(10) };
  } finally {
    store.close();
  }
};

describe('switch journal across SIGKILL', () => {
  it.each(switchSteps.map((step) => [step]))(
    'a kill right after "%s" commits keeps exactly that step',
    (step) => {
      const { unfinished, history } = afterRestart(crashChild(step, 'commit'));
      expect(history).toHaveLength(1);
      expect(unfinished).toMatchObject({
        id: 'crash',
        state: 'running',
        step,
        fromContainer: 'old-1',
        // The container id is committed with "create" and never lost after it.
        newContainer: step === 'prepare' ? null : 'new-1',
      });
      expect(unfinished?.to.level).toBe(2);
    },
  );

  it.each([['create'], ['verify'], ['remove_old']])(
    'a kill inside the "%s" transaction leaves the step before it',
    (step) => {
      const before = switchSteps[switchSteps.indexOf(step as (typeof switchSteps)[number]) - 1];
      const { unfinished } = afterRestart(crashChild(step, 'open'));
      expect(unfinished?.step).toBe(before);
      expect(unfinished?.newContainer).toBe(step === 'create' ? null : 'new-1');
    },
  );
});
