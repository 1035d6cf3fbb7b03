// PRODUCT.md's level table as data: each level adds exactly its controls, and
// no level ever asks the engine for privilege, host namespaces or host paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCreateOptions } from './docker-sandbox';
import { buildRuntimeSpec, runtimeProfile, sandboxUser } from './levels';

const settings = (level: number, gpu = false) => ({
  level,
  image: 'ollama/ollama:0.20.2',
  memoryMb: 4096,
  cpus: 2,
  gpu,
  port: 0,
  volume: 'airlock-models-x',
});
const spec = (level: number, gpu = false) =>
  buildRuntimeSpec({
    settings: settings(level, gpu),
    pinnedImage: 'sha256:' + 'a'.repeat(64),
    instance: 'x',
    operationId: 'op-1234567',
  });

describe('levels', () => {
  it('level 1: named volume, loopback publish, image user, no limits', () => {
    const options = toCreateOptions(spec(1));
    expect(options.HostConfig?.PortBindings).toEqual({
      '11434/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
    });
    expect(options.HostConfig?.Mounts).toMatchObject([
      { Type: 'volume', Source: 'airlock-models-x', Target: '/models' },
    ]);
    expect(options.User).toBeUndefined();
    expect(options.HostConfig?.ReadonlyRootfs).toBe(false);
    expect(options.HostConfig?.Memory).toBeUndefined();
    expect(options.HostConfig?.NetworkMode).toBe('bridge');
  });

  it('level 2 adds limits, read-only root with a noexec /tmp, a non-root user, no capabilities', () => {
    const options = toCreateOptions(spec(2));
    expect(options).toMatchObject({
      User: sandboxUser,
      HostConfig: {
        Memory: 4096 * 1024 * 1024,
        NanoCpus: 2e9,
        PidsLimit: 512,
        ReadonlyRootfs: true,
        CapDrop: ['ALL'],
        CapAdd: [],
        SecurityOpt: ['no-new-privileges:true'],
        Tmpfs: { '/tmp': expect.stringContaining('noexec') as unknown },
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 },
      },
    });
  });

  it('level 3 takes the network away and publishes nothing', () => {
    const options = toCreateOptions(spec(3));
    expect(options.HostConfig?.NetworkMode).toBe('none');
    expect(options.HostConfig?.PortBindings).toEqual({});
    expect(options.ExposedPorts).toEqual({});
    expect(options.HostConfig?.ReadonlyRootfs).toBe(true);
  });

  it('asks for the NVIDIA GPUs only when the owner turns the GPU on', () => {
    expect(toCreateOptions(spec(2)).HostConfig?.DeviceRequests).toBeUndefined();
    expect(toCreateOptions(spec(2, true)).HostConfig?.DeviceRequests).toEqual([
      { Driver: 'nvidia', Count: -1, Capabilities: [['gpu']] },
    ]);
  });

  it('never asks for privilege, host namespaces, devices or host paths at any level (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3), fc.boolean(), (level, gpu) => {
        const host = toCreateOptions(spec(level, gpu)).HostConfig!;
        expect(host.Privileged).toBe(false);
        expect(host.Binds).toBeUndefined();
        expect(host.Devices).toBeUndefined();
        for (const mode of [host.NetworkMode, host.PidMode, host.IpcMode, host.UTSMode, host.UsernsMode])
          expect(mode).not.toBe('host');
        expect((host.Mounts ?? []).every((m) => m.Type === 'volume')).toBe(true);
        expect(host.Init).toBe(true);
      }),
    );
  });

  it('runs Ollama with its home on the model volume and any other image as a generic runtime', () => {
    expect(runtimeProfile('ollama/ollama@sha256:' + 'b'.repeat(64)).env).toContain('HOME=/models');
    expect(runtimeProfile('docker.io/ollama/ollama:0.20.2').healthcheck[0]).toBe('CMD');
    expect(runtimeProfile('airlock-test-runtime:1').healthcheck).toEqual([
      'CMD-SHELL',
      expect.stringContaining('/api/version') as unknown,
    ]);
  });

  it('refuses level 4, which runs in a VM', () => {
    expect(() => spec(4)).toThrow(RangeError);
  });
});
