// Which engine answers (Docker Engine or Podman, and its version), and what
// that version means for Airlock's loopback-only publishing (SECURITY.md CT-02).
import type Docker from 'dockerode';

export type EngineProduct = 'Docker Engine' | 'Podman';

export interface EngineIdentity {
  product: EngineProduct;
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
  /** Docker Desktop and others name themselves here, e.g. "Docker Desktop 4.41.2 (191736)". */
  platformName?: string;
}

interface VersionComponent {
  Name?: unknown;
  Version?: unknown;
}

/**
 * Podman's Docker-compatible /version lists a component named "Podman Engine"
 * (podman pkg/api/handlers/compat/version.go); Docker's lists "Engine". Some
 * Podman builds also put "Podman" in Platform.Name, so either marks Podman.
 */
export async function identifyEngine(docker: Docker): Promise<EngineIdentity> {
  const answer = await docker.version();
  const components = (Array.isArray(answer.Components) ? answer.Components : []) as VersionComponent[];
  const podman = components.find((c) => c.Name === 'Podman Engine');
  const platformName =
    typeof answer.Platform?.Name === 'string' && answer.Platform.Name ? answer.Platform.Name : undefined;
  return {
    product: podman || /podman/i.test(platformName ?? '') ? 'Podman' : 'Docker Engine',
    version: podman && typeof podman.Version === 'string' ? podman.Version : String(answer.Version),
    apiVersion: String(answer.ApiVersion),
    os: String(answer.Os),
    arch: String(answer.Arch),
    ...(platformName ? { platformName } : {}),
  };
}

/** Major, minor, patch of "20.10.24+dfsg1", "28.0.0-rc.1" or "v27.5.1"; undefined for anything else. */
export function parseEngineVersion(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+~].*)?$/.exec(version.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/**
 * A warning sentence when Docker Engine on Linux is older than 28.0: before
 * 28.0, ports published on 127.0.0.1 were reachable from hosts on the same
 * L2 segment through Docker's DNAT rules (moby/moby#45610, fixed in v28.0).
 * Docker Desktop and Podman machines run the engine in a VM, so the host's
 * LAN never reaches those rules; the check is for Linux hosts only.
 */
export function engineVersionAdvice(
  version: string,
  platform: NodeJS.Platform,
  product: EngineProduct = 'Docker Engine',
): string | undefined {
  if (platform !== 'linux' || product !== 'Docker Engine') return undefined;
  const parsed = parseEngineVersion(version);
  if (!parsed) {
    return `Airlock cannot read this Docker Engine's version (${version.slice(0, 40)}), so it cannot tell whether ports it publishes on 127.0.0.1 are reachable from your local network (fixed in Docker Engine 28.0, moby#45610). Update Docker Engine to 28.0 or later.`;
  }
  if (parsed[0] >= 28) return undefined;
  return `Docker Engine ${version} is older than 28.0: other machines on your local network may reach ports published on 127.0.0.1 (moby#45610). Update Docker Engine to 28.0 or later.`;
}
