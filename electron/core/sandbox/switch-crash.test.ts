// TX-01: the core killed with SIGKILL right after journalling each step of a
// switch. The next start finishes or rolls back that switch: exactly one
// runtime runs, at the old level before the move and the new one after, the
// journal's row is terminal, and the model volume's files are intact.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchSteps, type SandboxStatus } from '../../../shared/sandbox-contract';
import { execCapture } from './docker-exec';
import { listOwn } from './docker-sandbox';
import { instanceId } from './sandbox-settings';
import { docker, removeInstance } from './testing/docker-kit';
import { buildTestRuntimeImage } from './testing/runtime-image';

const root = join(import.meta.dirname, '..', '..', '..');
const cliBin = join(root, 'dist/cli/index.cjs');
const dataDir = mkdtempSync(join(tmpdir(), 'airlock-crash-'));
const instance = instanceId(dataDir);

function cli(call: string, input: object, crashAt?: string) {
  return spawnSync(
    process.execPath,
    [cliBin, call, JSON.stringify(input), '--json', '--local', '--data', dataDir],
    {
      env: { ...process.env, ...(crashAt ? { AIRLOCK_CRASH_AT: crashAt } : { AIRLOCK_CRASH_AT: '' }) },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

async function running() {
  return (await listOwn(docker, instance, 'runtime')).filter((c) => c.State === 'running');
}

beforeAll(async () => {
  if (!existsSync(cliBin)) throw new Error('Build first: npm run build (npm test does this).');
  const image = await buildTestRuntimeImage();
  const first = cli('sandbox.setLevel', { level: 1, image });
  expect(first.status, first.stderr).toBe(0);
  const [runtime] = await running();
  await execCapture(docker, runtime!.Id, ['sh', '-c', 'echo kept > /models/marker']);
}, 120_000);

afterAll(async () => {
  await removeInstance(instance);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a switch interrupted by SIGKILL at each step', () => {
  let level = 1;
  for (const step of switchSteps) {
    it(`is settled on the next start when the core dies at “${step}”`, async () => {
      const target = level === 1 ? 2 : 1;
      const crashed = cli('sandbox.setLevel', { level: target }, step);
      expect(crashed.signal).toBe('SIGKILL');

      const after = cli('sandbox.status', {});
      expect(after.status, after.stderr).toBe(0);
      const status = JSON.parse(after.stdout) as SandboxStatus;
      // Before the move the old sandbox is kept; from the move on the verified new one is.
      const expected = step === 'move' || step === 'remove_old' ? target : level;
      expect(status).toMatchObject({ state: 'running', container: { level: expected } });
      expect(status.lastSwitch?.outcome).toBe(expected === target ? 'switched' : 'rolled_back');
      const serving = await running();
      expect(serving).toHaveLength(1);
      expect((await listOwn(docker, instance, 'runtime')).length).toBe(1);
      const marker = await execCapture(docker, serving[0]!.Id, ['cat', '/models/marker']);
      expect(marker.stdout).toBe('kept\n');
      level = expected;
    });
  }
});
