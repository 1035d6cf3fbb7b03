// CT-06 live, on the busybox stand-in with the real level-2 spec: the limits
// verify reads back really bite. Not part of verify itself (a fork storm and
// an OOM kill are no thing to run against the owner's runtime).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execCapture } from './docker-exec';
import { pinImage } from './docker-sandbox';
import { sandboxPidsLimit } from './levels';
import { waitForRuntime } from './runtime-probe';
import { docker, removeInstance, testInstance } from './testing/docker-kit';
import { buildTestRuntimeImage, testRuntimeVersion } from './testing/runtime-image';
import { removeQuietly, startSandbox } from './testing/verify-stand';

const run = promisify(execFile);
const instance = testInstance();
let image = '';
let pinned = '';

beforeAll(async () => {
  image = await buildTestRuntimeImage();
  pinned = await pinImage(docker, image);
}, 120_000);
afterAll(() => removeInstance(instance));

interface PidsStats {
  pids_stats?: { current?: number; limit?: number };
}

describe('level 2 limits, live', () => {
  it('a fork storm of twice the pids limit is stopped at the limit, and the host is unharmed', async () => {
    const stand = await startSandbox(2, { instance, image, pinned });
    try {
      const storm = await execCapture(
        docker,
        stand.id,
        [
          'sh',
          '-c',
          `i=0; while [ $i -lt ${2 * sandboxPidsLimit} ]; do sleep 8 & i=$((i+1)); done; echo forked=$i`,
        ],
        { timeoutMs: 20_000 },
      );
      // busybox ash gives up the loop at the first failed fork.
      expect(storm.stdout + storm.stderr).toMatch(/can't fork|Resource temporarily unavailable/);
      expect(storm.stdout).not.toContain(`forked=${2 * sandboxPidsLimit}`);
      // one-shot: one sample now, not the two a second apart a plain stats call waits for.
      const stats = (await docker
        .getContainer(stand.id)
        .stats({ stream: false, 'one-shot': true } as { stream: false })) as PidsStats;
      console.log(`pids during the storm: ${stats.pids_stats?.current} of ${stats.pids_stats?.limit}`);
      expect(stats.pids_stats?.current).toBeGreaterThan(sandboxPidsLimit / 2);
      expect(stats.pids_stats?.current).toBeLessThanOrEqual(sandboxPidsLimit);
      // The host still forks and the engine still answers while the sandbox is full.
      await expect(run('/bin/true')).resolves.toBeDefined();
      await expect(docker.ping()).resolves.toBeDefined();
      // Once the sleepers end, the runtime answers again.
      await expect(
        waitForRuntime(
          stand.upstream,
          15_000,
          async () => (await docker.getContainer(stand.id).inspect()).State.Running,
        ),
      ).resolves.toBe(testRuntimeVersion);
    } finally {
      await removeQuietly(stand.id);
    }
  }, 60_000);

  it('allocating twice the memory limit gets the process OOM-killed, not the machine', async () => {
    // The level-2 spec, with a command that holds twice its memory limit in one shell variable.
    let limit = 0;
    const hog = await startSandbox(2, {
      instance,
      image,
      pinned,
      skipReady: true,
      mutate: (o) => {
        limit = o.HostConfig!.Memory!;
        o.Cmd = ['sh', '-c', `x=$(head -c ${2 * limit} /dev/zero | tr '\\0' a); echo survived`];
      },
    });
    try {
      const container = docker.getContainer(hog.id);
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      const state = (await container.inspect()).State;
      // The kernel kills whichever process in the cgroup holds the most (the shell, or head/tr in its
      // pipe), so the container's exit code varies (137 most runs, 0 seen once behind docker-init);
      // the engine's OOMKilled flag or a SIGKILL exit, and no "survived", are what prove the limit.
      console.log(`memory hog: exit ${StatusCode}, OOMKilled ${state.OOMKilled}`);
      expect(state.OOMKilled || StatusCode === 137).toBe(true);
      const logs = (await container.logs({ stdout: true, stderr: true })).toString('utf8');
      expect(logs).not.toContain('survived');
      await expect(docker.ping()).resolves.toBeDefined();
    } finally {
      await removeQuietly(hog.id);
    }
  }, 60_000);
});
