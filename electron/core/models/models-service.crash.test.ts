// An import killed with SIGKILL at its two risky points, in a real child
// process (bundled from this folder's source): right after its row is
// recorded (file not yet renamed in) and right after the rename (row not yet
// ready). The next start must leave either a ready model or nothing at all,
// never a file without a row or a row without a file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoModel } from '../engines/demo-model';
import { encodeGguf } from '../engines/gguf-write';
import { EventHub } from '../event-hub';
import { openDatabase } from '../store/database';
import { createModelInventory } from '../store/model-inventory';
import { ModelsService } from './models-service';

const root = join(import.meta.dirname, '..', '..', '..');
const childFile = join(mkdtempSync(join(tmpdir(), 'airlock-import-crash-bin-')), 'import-child.cjs');

// argv: dataDir, model path, its sha256, and the step after which to die.
const childSource = `
import { join } from 'node:path';
import { EventHub } from '../event-hub';
import { openDatabase } from '../store/database';
import { ModelsService } from './models-service';

const [dataDir, path, sha256, crashAt] = process.argv.slice(2);
const { db } = openDatabase(dataDir);
const service = new ModelsService({
  modelsDir: join(dataDir, 'models'), db, events: new EventHub(), log: () => undefined, crashAt,
});
service.startImport({ path, sha256 }, 'admin').then(() => setTimeout(() => {
  console.error('the child was meant to die before the end');
  process.exit(3);
}, 10_000));
`;

beforeAll(async () => {
  await build({
    stdin: { contents: childSource, resolveDir: import.meta.dirname, loader: 'ts', sourcefile: 'child.ts' },
    outfile: childFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['libsql'],
    logLevel: 'warning',
  });
});

const model = encodeGguf(buildDemoModel(5));
const modelSha = createHash('sha256').update(model).digest('hex');

function crashDuringImport(crashAt: 'recorded' | 'renamed'): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-import-crash-'));
  const path = join(dataDir, 'source.gguf');
  writeFileSync(path, model);
  const run = spawnSync(process.execPath, [childFile, dataDir, path, modelSha, crashAt], {
    env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.stderr).toBe('');
  expect(run.signal).toBe('SIGKILL');
  return dataDir;
}

/** Starts the service again on the same folder, as the next launch would, and reports what it holds. */
async function afterRestart(dataDir: string) {
  const modelsDir = join(dataDir, 'models');
  const before = readdirSync(modelsDir).sort();
  const store = openDatabase(dataDir);
  try {
    const service = new ModelsService({
      modelsDir,
      db: store.db,
      events: new EventHub(),
      log: () => undefined,
    });
    const { models } = await service.list('admin');
    return {
      before,
      models,
      rows: createModelInventory(store.db).all(),
      after: readdirSync(modelsDir).sort(),
    };
  } finally {
    store.close();
  }
}

describe('an import killed mid-way', () => {
  it('after its row was recorded, before the rename: the next start keeps nothing', async () => {
    const { before, models, rows, after } = await afterRestart(crashDuringImport('recorded'));
    // What the crash left: the verified temp file and an 'importing' row.
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(/^\.import-\d+-.*\.partial$/);
    expect(models).toEqual([]);
    expect(rows).toEqual([]);
    expect(after).toEqual([]);
  });

  it('after the rename, before the row was ready: the next start finishes it', async () => {
    const { before, models, rows, after } = await afterRestart(crashDuringImport('renamed'));
    expect(before).toEqual(['source.gguf']);
    expect(rows).toHaveLength(1);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ fileName: 'source.gguf', sha256: modelSha, source: { kind: 'file' } });
    expect(after).toEqual(['source.gguf']);
  });
});
