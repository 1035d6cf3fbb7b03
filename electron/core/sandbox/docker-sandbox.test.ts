// Levels applied to the real engine: what the engine reads back, and the
// runtime answering through the right path at each level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execCapture, execPipe } from './docker-exec';
import { ensureVolume, handVolumeTo, pinImage, publishedPort, toCreateOptions } from './docker-sandbox';
import { buildRuntimeSpec, sandboxUser } from './levels';
import { fetchVersion } from './runtime-probe';
import { tcpUpstream } from './runtime-endpoint';
import { upstreamFor } from './sandbox-upstream';
import { docker, removeInstance, testInstance } from './testing/docker-kit';
import { buildTestRuntimeImage, testRuntimeVersion } from './testing/runtime-image';

const instance = testInstance();
let pinned = '';
let image = '';

beforeAll(async () => {
  image = await buildTestRuntimeImage();
  pinned = await pinImage(docker, image);
}, 120_000);
afterAll(() => removeInstance(instance));

async function start(level: 1 | 2 | 3, tag = '') {
  const settings = {
    level,
    image,
    memoryMb: 256,
    cpus: 0.5,
    gpu: false,
    port: 0,
    volume: `airlock-${instance}-models`,
  };
  const spec = buildRuntimeSpec({
    settings,
    pinnedImage: pinned,
    instance,
    operationId: `op${level}${tag}${instance}`,
  });
  await ensureVolume(docker, spec.volume.name, instance);
  if (spec.user) await handVolumeTo(docker, spec, instance, sandboxUser);
  const container = await docker.createContainer(toCreateOptions(spec));
  await container.start();
  return { spec, container, info: await container.inspect() };
}

describe('docker sandbox', () => {
  it('pins a local image by its content id', () => {
    expect(pinned).toMatch(/^sha256:[a-f0-9]{64}$/);
  });

  it('level 1 publishes on 127.0.0.1 only and answers there', async () => {
    const { info } = await start(1);
    const port = publishedPort(info, 11434);
    expect(port).toBeGreaterThan(1024);
    const bindings = Object.values(
      (info.HostConfig.PortBindings ?? {}) as Record<string, { HostIp: string }[]>,
    ).flat();
    expect(bindings.map((b) => b.HostIp)).toEqual(['127.0.0.1']);
    await expect(retry(() => fetchVersion(tcpUpstream(port!)))).resolves.toBe(testRuntimeVersion);
    expect(info.HostConfig.Privileged).toBe(false);
    expect(info.Mounts.map((m) => m.Type)).toEqual(['volume']);
  });

  it('level 1 keeps answering when the engine moves its published port', async () => {
    const { info, container } = await start(1, 'm');
    const upstream = upstreamFor(docker, container.id, 1, info, 11434);
    await expect(retry(() => fetchVersion(upstream))).resolves.toBe(testRuntimeVersion);
    // Joining a network makes this engine re-publish on a new random port.
    const network = await docker.createNetwork({
      Name: `airlock-${instance}-net`,
      Labels: { 'airlock.instance': instance },
    });
    try {
      await network.connect({ Container: container.id });
      const moved = publishedPort(await container.inspect(), 11434);
      console.log(`published port ${publishedPort(info, 11434)} → ${moved}`);
      await expect(retry(() => fetchVersion(upstream))).resolves.toBe(testRuntimeVersion);
    } finally {
      await container.remove({ force: true });
      await network.remove();
    }
  });

  it('level 2 reads back every restriction from the engine', async () => {
    const { info, container } = await start(2);
    expect(info.HostConfig.ReadonlyRootfs).toBe(true);
    expect(info.Config.User).toBe(sandboxUser);
    expect(info.HostConfig.CapDrop).toEqual(['ALL']);
    expect(info.HostConfig.SecurityOpt).toContain('no-new-privileges:true');
    expect(info.HostConfig.Memory).toBe(256 * 1024 * 1024);
    expect(info.HostConfig.NanoCpus).toBe(5e8);
    expect(info.HostConfig.PidsLimit).toBeGreaterThan(0);
    const write = await execCapture(docker, container.id, ['sh', '-c', 'touch /models/ok && touch /etc/x']);
    expect(write.exitCode).not.toBe(0);
    expect(write.stderr).toMatch(/Read-only file system/);
  });

  it('level 3 has no network, yet answers through the Docker API', async () => {
    const { info, container } = await start(3);
    expect(info.HostConfig.NetworkMode).toBe('none');
    expect(publishedPort(info, 11434)).toBeUndefined();
    const version = await retry(() => fetchVersion(() => execPipe(docker, container.id, 11434)));
    expect(version).toBe(testRuntimeVersion);
  });
});

async function retry<T>(fn: () => Promise<T>, tries = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
