// sandbox/verify against the real engine at each level (CT-10): every row,
// including the negatives a lower level shows, and a canary that level 1
// really reaches, so level 3's "unreachable" cannot pass vacuously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReportSchema } from '../../../shared/sandbox-contract';
import { pinImage } from './docker-sandbox';
import { docker, removeInstance, testInstance } from './testing/docker-kit';
import { buildTestRuntimeImage, testRuntimeVersion } from './testing/runtime-image';
import {
  checkOf,
  removeQuietly,
  rowStatuses,
  startCanary,
  startHostCanary,
  startSandbox,
  type CanaryNet,
} from './testing/verify-stand';
import { timedVerify } from './verify';

const instance = testInstance();
let image = '';
let pinned = '';
let net: CanaryNet;
let hostCanary: Awaited<ReturnType<typeof startHostCanary>>;

beforeAll(async () => {
  image = await buildTestRuntimeImage();
  pinned = await pinImage(docker, image);
  net = await startCanary(instance, image);
  hostCanary = await startHostCanary();
}, 120_000);

afterAll(async () => {
  await hostCanary?.close();
  await removeInstance(instance);
  await net?.remove();
});

async function verifyAt(level: 1 | 2 | 3, onNetwork = false) {
  const stand = await startSandbox(level, {
    instance,
    image,
    pinned,
    network: onNetwork ? net.network : undefined,
  });
  const { report, ms } = await timedVerify({
    docker,
    containerId: stand.id,
    level,
    volumeName: stand.spec.volume.name,
    upstream: stand.upstream,
    canaries: [net.canary, hostCanary.canary],
  });
  // The level switch has a 3 s budget for verification; this is the number to watch (not asserted).
  console.log(`verify at level ${level} took ${ms} ms`);
  expect(verifyReportSchema.parse(report)).toEqual(report);
  expect(report.containerId).toBe(stand.id);
  return { report, stand };
}

describe('verifySandbox on the real engine', () => {
  it('level 1: files and exposure verified; the rest not covered, with what was seen', async () => {
    const { report, stand } = await verifyAt(1, true);
    expect(rowStatuses(report)).toEqual({
      host_files: 'verified',
      network_exposure: 'verified',
      resource_exhaustion: 'not_covered',
      runtime_exploit: 'not_covered',
      phone_home: 'not_covered',
      container_escape: 'not_covered',
    });
    expect(checkOf(report, 'host_files', 'only_model_volume').evidence).toContain(stand.spec.volume.name);
    expect(checkOf(report, 'host_files', 'seccomp_on').status).toBe('verified');
    expect(checkOf(report, 'network_exposure', 'published_loopback').evidence).toMatch(/127\.0\.0\.1:\d+/);
    expect(checkOf(report, 'network_exposure', 'runtime_answers').evidence).toContain(testRuntimeVersion);
    for (const id of [
      'memory_limit',
      'cpu_limit',
      'pids_limit',
      'kernel_memory_limit',
      'kernel_pids_limit',
    ]) {
      expect(checkOf(report, 'resource_exhaustion', id).status, id).toBe('failed');
    }
    expect(checkOf(report, 'runtime_exploit', 'rootfs_read_only')).toMatchObject({ status: 'failed' });
    expect(checkOf(report, 'runtime_exploit', 'etc_write_refused').evidence).toMatch(
      /root filesystem is writable/,
    );
    expect(checkOf(report, 'runtime_exploit', 'tmp_noexec').evidence).toMatch(/ran/);
    expect(checkOf(report, 'runtime_exploit', 'non_root').evidence).toMatch(/root \(uid 0\)/);
    expect(checkOf(report, 'runtime_exploit', 'caps_dropped').status).toBe('failed');
    expect(checkOf(report, 'runtime_exploit', 'image_pinned').status).toBe('verified');
    expect(checkOf(report, 'runtime_exploit', 'runtime_version').status).toBe('verified');
    // The canary is reachable from level 1: the level-3 "could not reach" below means something.
    const canaries = checkOf(report, 'phone_home', 'canaries_unreachable');
    expect(canaries.status).toBe('failed');
    expect(canaries.evidence.toLowerCase()).toContain(`reached canary ${net.canary.host}:${net.canary.port}`);
    expect(checkOf(report, 'phone_home', 'only_loopback').evidence).toMatch(/eth0/);
    expect(checkOf(report, 'phone_home', 'dns_fails').evidence).toMatch(/No DNS lookup was tried/);
    const row = report.rows.find((r) => r.threat === 'phone_home')!;
    expect(row.evidence).toMatch(/^Level 1 does not promise this; it is covered from level 3\. Seen: /);
    await removeQuietly(stand.id);
  }, 30_000);

  it('level 2: limits, read-only root, non-root, no capabilities, all verified live', async () => {
    const { report, stand } = await verifyAt(2);
    expect(rowStatuses(report)).toEqual({
      host_files: 'verified',
      network_exposure: 'verified',
      resource_exhaustion: 'verified',
      runtime_exploit: 'verified',
      phone_home: 'not_covered',
      container_escape: 'not_covered',
    });
    expect(checkOf(report, 'resource_exhaustion', 'kernel_memory_limit').evidence).toBe(
      'The kernel caps memory at 256 MiB.',
    );
    expect(checkOf(report, 'resource_exhaustion', 'kernel_pids_limit').evidence).toBe(
      `The kernel caps processes at ${stand.spec.limits!.pidsLimit}.`,
    );
    expect(checkOf(report, 'resource_exhaustion', 'kernel_cpu_limit').evidence).toMatch(/allows 0\.5 CPUs/);
    expect(checkOf(report, 'runtime_exploit', 'etc_write_refused').evidence).toMatch(/read-only file system/);
    expect(checkOf(report, 'runtime_exploit', 'tmp_noexec').evidence).toMatch(/cannot run/);
    expect(checkOf(report, 'runtime_exploit', 'non_root').evidence).toBe(
      'The runtime runs as uid 10001, not root.',
    );
    expect(checkOf(report, 'phone_home', 'only_loopback').status).toBe('failed');
    expect(report.rows.every((r) => r.evidence.length > 0)).toBe(true);
    await removeQuietly(stand.id);
  }, 30_000);

  it('level 3: only loopback, no route, no DNS, no canary reached, and the model still answers', async () => {
    const { report, stand } = await verifyAt(3);
    expect(rowStatuses(report)).toEqual({
      host_files: 'verified',
      network_exposure: 'verified',
      resource_exhaustion: 'verified',
      runtime_exploit: 'verified',
      phone_home: 'verified',
      container_escape: 'not_covered',
    });
    expect(checkOf(report, 'network_exposure', 'published_loopback').evidence).toBe(
      'No port is published on the host.',
    );
    expect(checkOf(report, 'phone_home', 'only_loopback').status).toBe('verified');
    expect(checkOf(report, 'phone_home', 'no_route').status).toBe('verified');
    expect(checkOf(report, 'phone_home', 'dns_fails').evidence).toMatch(
      /^A DNS lookup of example\.com fails/,
    );
    const canaries = checkOf(report, 'phone_home', 'canaries_unreachable');
    expect(canaries.status).toBe('verified');
    expect(canaries.evidence).toContain(`Could not reach canary ${net.canary.host}:${net.canary.port}`);
    expect(canaries.evidence).toContain(
      `could not reach canary ${hostCanary.canary.host}:${hostCanary.canary.port}`,
    );
    expect(checkOf(report, 'phone_home', 'model_reachable').evidence).toContain(testRuntimeVersion);
    expect(checkOf(report, 'container_escape', 'own_kernel').evidence).toMatch(/shares the kernel/);
    await removeQuietly(stand.id);
  }, 30_000);
});
