import { describe, expect, it } from 'vitest';
import { chooseDockerEndpoint, type EndpointEnv } from './docker-endpoint';

const base = (over: Partial<EndpointEnv> = {}): EndpointEnv => ({
  env: {},
  platform: 'linux',
  home: '/home/a',
  exists: () => false,
  ...over,
});

describe('Docker endpoint', () => {
  it('uses DOCKER_HOST when set, and says so', () => {
    expect(
      chooseDockerEndpoint(base({ env: { DOCKER_HOST: 'unix:///run/user/1000/podman/podman.sock' } })),
    ).toEqual({
      ok: true,
      endpoint: {
        kind: 'socket',
        path: '/run/user/1000/podman/podman.sock',
        source: 'the DOCKER_HOST environment variable',
      },
    });
  });

  it('refuses tcp:// without TLS, and accepts it with TLS', () => {
    const plain = chooseDockerEndpoint(base({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375' } }));
    expect(plain).toMatchObject({ ok: false, reason: 'insecure_endpoint' });
    const tls = chooseDockerEndpoint(
      base({ env: { DOCKER_HOST: 'tcp://box:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/c' } }),
    );
    expect(tls).toMatchObject({ ok: true, endpoint: { kind: 'tls', host: 'box', port: 2376 } });
  });

  it('picks the platform default socket', () => {
    expect(chooseDockerEndpoint(base({ exists: (p) => p === '/var/run/docker.sock' }))).toMatchObject({
      endpoint: { path: '/var/run/docker.sock' },
    });
    expect(
      chooseDockerEndpoint(
        base({ platform: 'darwin', exists: (p) => p.endsWith('.docker/run/docker.sock') }),
      ),
    ).toMatchObject({
      endpoint: { path: '/home/a/.docker/run/docker.sock', source: 'Docker Desktop (macOS)' },
    });
    expect(chooseDockerEndpoint(base({ platform: 'win32' }))).toMatchObject({
      endpoint: { path: '//./pipe/docker_engine' },
    });
  });
});
