// Finds which Docker-compatible engine to use and says why, in the Docker
// CLI's order: DOCKER_HOST, then the active context, then the first default
// socket that exists. Pure over an injected environment and file system.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import {
  activeContext,
  contextEndpoint,
  contextMetaPath,
  dockerConfigDir,
  type ContextFs,
} from './docker-context';
import { fromDockerHostEnv, type DockerEndpoint, type EndpointRefusal } from './docker-endpoint';
import { defaultSockets } from './engine-sockets';

export interface DiscoveryEnv extends ContextFs {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** For rootless Podman's /run/user/<uid>; undefined where there are no uids (Windows). */
  uid?: number;
}

/** One place discovery looked, in order, for the status view and for support. */
export interface Candidate {
  label: string;
  /** The address or file looked at; empty when the setting was not set. */
  address: string;
  present: boolean;
}

export type EngineDiscovery =
  | { ok: true; endpoint: DockerEndpoint; why: string; candidates: Candidate[] }
  | (EndpointRefusal & { candidates: Candidate[] });

export function systemDiscoveryEnv(): DiscoveryEnv {
  return {
    env: process.env,
    platform: process.platform,
    home: homedir(),
    ...(typeof process.getuid === 'function' ? { uid: process.getuid() } : {}),
    exists: existsSync,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

export function discoverEngine(input: DiscoveryEnv = systemDiscoveryEnv()): EngineDiscovery {
  const candidates: Candidate[] = [];

  // The Docker CLI lets DOCKER_HOST override any context, so Airlock does too.
  const host = input.env.DOCKER_HOST?.trim();
  candidates.push({ label: 'DOCKER_HOST', address: host ?? '', present: Boolean(host) });
  if (host) {
    const parsed = fromDockerHostEnv(host, input.env);
    return parsed.ok ? { ...parsed, why: 'DOCKER_HOST is set', candidates } : { ...parsed, candidates };
  }

  const configDir = dockerConfigDir(input.env, input.home);
  const context = activeContext(input.env, configDir, input);
  if (context) {
    const metaPath = contextMetaPath(configDir, context.name);
    candidates.push({
      label: `Docker context '${context.name}'`,
      address: metaPath,
      present: input.exists(metaPath),
    });
    const parsed = contextEndpoint(configDir, context, input);
    const chosen = context.chosenBy === 'DOCKER_CONTEXT' ? ' (DOCKER_CONTEXT is set)' : '';
    return parsed.ok
      ? { ...parsed, why: `the active Docker context '${context.name}'${chosen}`, candidates }
      : { ...parsed, candidates };
  }

  const sockets = defaultSockets(input);
  const checked = sockets.map((s) => ({ ...s, present: input.exists(s.path) }));
  candidates.push(...checked.map((s) => ({ label: s.label, address: s.path, present: s.present })));
  const found = checked.find((s) => s.present);
  if (found) {
    return {
      ok: true,
      endpoint: { kind: 'socket', path: found.path, source: `${found.label} at ${found.path}` },
      why: `the first socket found: ${found.label}`,
      candidates,
    };
  }
  // Nothing exists: name the platform's usual engine so the error says where Airlock looked first.
  const first = sockets[0]!;
  return {
    ok: true,
    endpoint: { kind: 'socket', path: first.path, source: `${first.label} at ${first.path}` },
    why: `no engine socket was found, so Airlock tries the usual one: ${first.label}`,
    candidates,
  };
}
