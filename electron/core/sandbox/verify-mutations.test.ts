// CT-10's mutation tests: the sandbox is created by hand from the level's own
// create options with one field flipped, and verify must report exactly the
// matching row as failed while every other row stays as it was. This is what
// "verify never trusts the spec" means: the spec says level 2, the engine
// runs something else, and the report says so.
import type Dockerode from 'dockerode';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreatId } from '../../../shared/sandbox-contract';
import { pinImage } from './docker-sandbox';
import { docker, removeInstance, testInstance } from './testing/docker-kit';
import { buildTestRuntimeImage } from './testing/runtime-image';
import {
  buildNoShellImage,
  checkOf,
  removeQuietly,
  rowStatuses,
  startHostCanary,
  startSandbox,
} from './testing/verify-stand';
import { verifySandbox } from './verify';
import { noShellReason } from './verify-probe';

const instance = testInstance();
const hostDir = mkdtempSync(join(tmpdir(), 'airlock-verify-bind-'));
let image = '';
let pinned = '';
let hostCanary: Awaited<ReturnType<typeof startHostCanary>>;

beforeAll(async () => {
  image = await buildTestRuntimeImage();
  pinned = await pinImage(docker, image);
  hostCanary = await startHostCanary();
}, 120_000);

afterAll(async () => {
  await hostCanary?.close();
  await removeInstance(instance);
  rmSync(hostDir, { recursive: true, force: true });
});

/** What an unmutated sandbox reports at each level (verify.test.ts proves these). */
const baseline: Record<2 | 3, Record<ThreatId, string>> = {
  2: {
    host_files: 'verified',
    network_exposure: 'verified',
    resource_exhaustion: 'verified',
    runtime_exploit: 'verified',
    phone_home: 'not_covered',
    container_escape: 'not_covered',
  },
  3: {
    host_files: 'verified',
    network_exposure: 'verified',
    resource_exhaustion: 'verified',
    runtime_exploit: 'verified',
    phone_home: 'verified',
    container_escape: 'not_covered',
  },
};

type Mutation = [
  name: string,
  mutate: (o: Dockerode.ContainerCreateOptions) => void,
  row: ThreatId,
  checks: string[],
];

const host = (o: Dockerode.ContainerCreateOptions) => o.HostConfig!;
const bindMount = (o: Dockerode.ContainerCreateOptions) => {
  host(o).Mounts!.push({ Type: 'bind', Source: hostDir, Target: '/host', ReadOnly: true });
};
const noReadonly = (o: Dockerode.ContainerCreateOptions) => {
  host(o).ReadonlyRootfs = false;
};
const noMemory = (o: Dockerode.ContainerCreateOptions) => {
  delete host(o).Memory;
  delete host(o).MemorySwap;
};

const mutations: Record<2 | 3, Mutation[]> = {
  2: [
    ['ReadonlyRootfs false', noReadonly, 'runtime_exploit', ['rootfs_read_only', 'etc_write_refused']],
    ['User root', (o) => void (o.User = '0:0'), 'runtime_exploit', ['non_root']],
    ['CapDrop []', (o) => void (host(o).CapDrop = []), 'runtime_exploit', ['caps_dropped']],
    [
      'no-new-privileges removed',
      (o) => void (host(o).SecurityOpt = []),
      'runtime_exploit',
      ['no_new_privs'],
    ],
    [
      'PidsLimit 0',
      (o) => void (host(o).PidsLimit = 0),
      'resource_exhaustion',
      ['pids_limit', 'kernel_pids_limit'],
    ],
    ['no memory limit', noMemory, 'resource_exhaustion', ['memory_limit', 'kernel_memory_limit']],
    ['a bind mount of a temp folder', bindMount, 'host_files', ['volume_or_tmpfs_only']],
    [
      'published on every interface',
      (o) => void (host(o).PortBindings = { '11434/tcp': [{ HostIp: '', HostPort: '' }] }),
      'network_exposure',
      ['bindings_loopback', 'published_loopback'],
    ],
  ],
  3: [
    [
      'NetworkMode bridge',
      (o) => void (host(o).NetworkMode = 'bridge'),
      'phone_home',
      ['only_loopback', 'no_route', 'dns_fails'],
    ],
    ['a bind mount of a temp folder', bindMount, 'host_files', ['volume_or_tmpfs_only']],
    ['ReadonlyRootfs false', noReadonly, 'runtime_exploit', ['rootfs_read_only', 'etc_write_refused']],
    ['no memory limit', noMemory, 'resource_exhaustion', ['memory_limit', 'kernel_memory_limit']],
  ],
};

for (const level of [2, 3] as const) {
  describe(`level ${level} with one field flipped by hand`, () => {
    const cases = mutations[level].map(([name, mutate, row, checks]) => ({ name, mutate, row, checks }));
    it.each(cases)(
      '$name: only $row turns failed',
      async ({ mutate, row, checks }) => {
        const stand = await startSandbox(level, { instance, image, pinned, mutate });
        try {
          const report = await verifySandbox({
            docker,
            containerId: stand.id,
            level,
            volumeName: stand.spec.volume.name,
            upstream: stand.upstream,
            canaries: [hostCanary.canary],
          });
          expect(rowStatuses(report)).toEqual({ ...baseline[level], [row]: 'failed' });
          for (const id of checks) expect(checkOf(report, row, id).status, id).toBe('failed');
          // The row's evidence names what failed, in the failing checks' own words.
          const failed = report.rows.find((r) => r.threat === row)!;
          expect(failed.evidence).toContain(checkOf(report, row, checks[0]!).evidence.replace(/\.$/, ''));
        } finally {
          await removeQuietly(stand.id);
        }
      },
      30_000,
    );
  });
}

describe('an image without a shell', () => {
  it('fails every probe-backed check with that reason, and keeps what inspect proves', async () => {
    const noShell = await buildNoShellImage();
    const stand = await startSandbox(1, {
      instance,
      image: noShell,
      pinned: await pinImage(docker, noShell),
    });
    try {
      const report = await verifySandbox({
        docker,
        containerId: stand.id,
        level: 1,
        volumeName: stand.spec.volume.name,
        upstream: stand.upstream,
        canaries: [hostCanary.canary],
      });
      expect(rowStatuses(report)).toEqual({
        host_files: 'failed',
        network_exposure: 'verified',
        resource_exhaustion: 'not_covered',
        runtime_exploit: 'not_covered',
        phone_home: 'not_covered',
        container_escape: 'not_covered',
      });
      const sentence = 'The image has no shell to probe with.';
      expect(noShellReason).toBe('the image has no shell to probe with');
      for (const [row, id] of [
        ['host_files', 'no_socket_inside'],
        ['host_files', 'seccomp_on'],
        ['runtime_exploit', 'etc_write_refused'],
        ['resource_exhaustion', 'kernel_pids_limit'],
        ['phone_home', 'only_loopback'],
        ['phone_home', 'canaries_unreachable'],
      ] as const) {
        expect(checkOf(report, row, id), id).toEqual({ id, status: 'failed', evidence: sentence });
      }
      expect(checkOf(report, 'host_files', 'volume_or_tmpfs_only').status).toBe('verified');
      expect(checkOf(report, 'runtime_exploit', 'runtime_version').status).toBe('verified');
    } finally {
      await removeQuietly(stand.id);
    }
  }, 60_000);
});
