// Reads the active Docker CLI context the way `docker` does, so Airlock talks
// to the same engine as the user's terminal (Colima, Docker Desktop, remote).
// Layout: https://docs.docker.com/engine/manage-resources/contexts/ and
// docker/cli cli/context/store (meta and tls folders keyed by sha256(name)).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseDockerHost, type HostParse } from './docker-endpoint';

export interface ContextFs {
  /** The file's text, or undefined when it is absent or unreadable. */
  readText: (path: string) => string | undefined;
  exists: (path: string) => boolean;
}

export interface ActiveContext {
  name: string;
  /** Which setting chose it, for the "why" sentence. */
  chosenBy: 'DOCKER_CONTEXT' | 'config.json';
}

/** `$DOCKER_CONFIG`, else `~/.docker`, as the Docker CLI resolves it. */
export function dockerConfigDir(env: Record<string, string | undefined>, home: string): string {
  return env.DOCKER_CONFIG?.trim() || join(home, '.docker');
}

/**
 * DOCKER_CONTEXT wins over config.json's currentContext. `default` means the
 * CLI's built-in context (DOCKER_HOST or the platform socket): no override.
 * An unreadable config.json is treated as absent, as the CLI only warns.
 */
export function activeContext(
  env: Record<string, string | undefined>,
  configDir: string,
  fs: ContextFs,
): ActiveContext | undefined {
  const fromEnv = env.DOCKER_CONTEXT?.trim();
  if (fromEnv) return fromEnv === 'default' ? undefined : { name: fromEnv, chosenBy: 'DOCKER_CONTEXT' };
  const text = fs.readText(join(configDir, 'config.json'));
  if (text === undefined) return undefined;
  let current: unknown;
  try {
    current = (JSON.parse(text) as { currentContext?: unknown }).currentContext;
  } catch {
    return undefined;
  }
  if (typeof current !== 'string' || current === '' || current === 'default') return undefined;
  return { name: current, chosenBy: 'config.json' };
}

/** The context store names folders by the hex sha256 of the context name. */
export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export function contextMetaPath(configDir: string, name: string): string {
  return join(configDir, 'contexts/meta', contextDigest(name), 'meta.json');
}

export function contextTlsDir(configDir: string, name: string): string {
  return join(configDir, 'contexts/tls', contextDigest(name), 'docker');
}

/** The Docker endpoint a context names, with its TLS folder when ca, cert and key are all there. */
export function contextEndpoint(configDir: string, context: ActiveContext, fs: ContextFs): HostParse {
  const subject = `The active Docker context '${context.name}'`;
  const metaPath = contextMetaPath(configDir, context.name);
  const text = fs.readText(metaPath);
  if (text === undefined) {
    return {
      ok: false,
      reason: 'failed',
      message: `${subject} is not defined on this machine (no ${metaPath}). Run "docker context use default" or create the context again.`,
    };
  }
  let host: unknown;
  try {
    const meta = JSON.parse(text) as { Endpoints?: { docker?: { Host?: unknown } } };
    host = meta.Endpoints?.docker?.Host;
  } catch {
    return { ok: false, reason: 'failed', message: `${subject} has a damaged definition (${metaPath}).` };
  }
  if (typeof host !== 'string' || host.trim() === '') {
    return { ok: false, reason: 'failed', message: `${subject} has no Docker endpoint (${metaPath}).` };
  }
  const tlsDir = contextTlsDir(configDir, context.name);
  const hasTls = ['ca.pem', 'cert.pem', 'key.pem'].every((file) => fs.exists(join(tlsDir, file)));
  return parseDockerHost(host.trim(), {
    subject,
    source: `the active Docker context '${context.name}'`,
    ...(hasTls ? { certPath: tlsDir } : {}),
    tlsHint: `Give the context TLS material (docker context update ${context.name} --docker "host=…,ca=…,cert=…,key=…") or use the local socket.`,
  });
}
