// Finds which Docker Engine endpoint to use and why. Refuses plain TCP:
// an unauthenticated Docker API is root on that host (CIS Docker 2.7).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type DockerEndpoint =
  | { kind: 'socket'; path: string; source: string }
  | { kind: 'tls'; host: string; port: number; certPath: string; source: string };

export type EndpointChoice =
  | { ok: true; endpoint: DockerEndpoint }
  | { ok: false; reason: 'insecure_endpoint' | 'failed'; message: string };

export interface EndpointEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  exists: (path: string) => boolean;
}

const defaultEnv = (): EndpointEnv => ({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  exists: existsSync,
});

/** The default sockets of each platform, most specific first. */
export function defaultSockets(platform: NodeJS.Platform, home: string): { path: string; source: string }[] {
  if (platform === 'win32')
    return [{ path: '//./pipe/docker_engine', source: 'Docker Desktop (Windows named pipe)' }];
  const linuxish = [
    { path: '/var/run/docker.sock', source: 'the system Docker Engine socket' },
    { path: join(home, '.docker/desktop/docker.sock'), source: 'Docker Desktop for Linux' },
  ];
  if (platform === 'darwin')
    return [{ path: join(home, '.docker/run/docker.sock'), source: 'Docker Desktop (macOS)' }, ...linuxish];
  return linuxish;
}

export function chooseDockerEndpoint(input: EndpointEnv = defaultEnv()): EndpointChoice {
  const host = input.env.DOCKER_HOST?.trim();
  if (host) return fromDockerHost(host, input.env);
  const sockets = defaultSockets(input.platform, input.home);
  const found = sockets.find((s) => input.platform === 'win32' || input.exists(s.path)) ?? sockets[0];
  return { ok: true, endpoint: { kind: 'socket', path: found!.path, source: found!.source } };
}

function fromDockerHost(host: string, env: EndpointEnv['env']): EndpointChoice {
  const source = 'the DOCKER_HOST environment variable';
  if (host.startsWith('unix://'))
    return { ok: true, endpoint: { kind: 'socket', path: host.slice(7), source } };
  if (host.startsWith('npipe://'))
    return { ok: true, endpoint: { kind: 'socket', path: host.slice(8).replace(/\//g, '\\'), source } };
  if (host.startsWith('tcp://')) {
    const url = new URL(host.replace(/^tcp:/, 'https:'));
    const certPath = env.DOCKER_CERT_PATH;
    if (env.DOCKER_TLS_VERIFY === '1' && certPath) {
      return {
        ok: true,
        endpoint: { kind: 'tls', host: url.hostname, port: Number(url.port || 2376), certPath, source },
      };
    }
    return {
      ok: false,
      reason: 'insecure_endpoint',
      message: `DOCKER_HOST points at ${url.host} over plain TCP without TLS. Anyone who can reach it controls that machine, so Airlock will not use it. Turn on TLS (DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH) or use the local socket.`,
    };
  }
  return {
    ok: false,
    reason: 'failed',
    message: `DOCKER_HOST has a scheme Airlock does not know: ${host.split(':')[0]}.`,
  };
}
