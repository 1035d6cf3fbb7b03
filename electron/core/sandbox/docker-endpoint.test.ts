import { describe, expect, it } from 'vitest';
import { fromDockerHostEnv, parseDockerHost } from './docker-endpoint';

describe('Docker host addresses', () => {
  it('reads unix sockets and Windows named pipes', () => {
    expect(fromDockerHostEnv('unix:///run/user/1000/podman/podman.sock', {})).toEqual({
      ok: true,
      endpoint: {
        kind: 'socket',
        path: '/run/user/1000/podman/podman.sock',
        source: 'the DOCKER_HOST environment variable',
      },
    });
    expect(fromDockerHostEnv('npipe:////./pipe/docker_engine', {})).toMatchObject({
      ok: true,
      endpoint: { kind: 'socket', path: '\\\\.\\pipe\\docker_engine' },
    });
  });

  it('refuses tcp:// without TLS, and accepts it with TLS', () => {
    const plain = fromDockerHostEnv('tcp://10.0.0.5:2375', {});
    expect(plain).toMatchObject({ ok: false, reason: 'insecure_endpoint' });
    expect(!plain.ok && plain.message).toMatch(
      /^DOCKER_HOST points at 10\.0\.0\.5:2375 over plain TCP without TLS/,
    );
    // DOCKER_CERT_PATH alone is not TLS: the CLI needs DOCKER_TLS_VERIFY=1 too.
    expect(fromDockerHostEnv('tcp://box:2376', { DOCKER_CERT_PATH: '/c' })).toMatchObject({ ok: false });
    const tls = fromDockerHostEnv('tcp://box:2376', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' });
    expect(tls).toMatchObject({
      ok: true,
      endpoint: { kind: 'tls', host: 'box', port: 2376, certPath: '/c' },
    });
    expect(fromDockerHostEnv('tcp://box', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' })).toMatchObject({
      endpoint: { port: 2376 },
    });
  });

  it('names the setting and its fix in the refusal', () => {
    const refused = parseDockerHost('tcp://192.168.1.9:2375', {
      subject: "The active Docker context 'lab'",
      source: "the active Docker context 'lab'",
      tlsHint: 'Give the context TLS material.',
    });
    expect(refused).toMatchObject({ ok: false, reason: 'insecure_endpoint' });
    expect(!refused.ok && refused.message).toBe(
      "The active Docker context 'lab' points at 192.168.1.9:2375 over plain TCP without TLS. Anyone who can reach it controls that machine, so Airlock will not use it. Give the context TLS material.",
    );
  });

  it('refuses schemes it does not know, such as ssh://', () => {
    expect(fromDockerHostEnv('ssh://me@box', {})).toMatchObject({
      ok: false,
      reason: 'failed',
      message: 'DOCKER_HOST has a scheme Airlock does not know: ssh.',
    });
  });
});
