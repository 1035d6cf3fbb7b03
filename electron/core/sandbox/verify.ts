// sandbox/verify (CT-10): what the running sandbox really enforces, read back
// from the engine and probed live inside it, never taken from the spec or the
// settings. One inspect, one exec and one API call, all at once.
//
// What a probe can be trusted for: at level 1 the runtime is root on a
// writable root filesystem, so a hostile runtime could replace /bin/sh and
// make the probe lie. That is why every probe-backed fact is paired with the
// engine's own inspect where one exists (mounts, bindings, privileges, limits,
// user, read-only root), so a lying probe can hide a gap only where the
// engine has nothing to say (seccomp mode, the socket path inside).
import type Dockerode from 'dockerode';
import type { VerifyReport } from '../../../shared/sandbox-contract';
import { engineMessage } from './docker-errors';
import type { Upstream } from './runtime-endpoint';
import { fetchVersion } from './runtime-probe';
import { phoneHomeRow } from './verify-egress-row';
import { containerEscapeRow, hostFilesRow, networkExposureRow } from './verify-host-rows';
import { runProbe, type Canary } from './verify-probe';
import { resourceRow, runtimeExploitRow } from './verify-runtime-rows';
import type { Seen, VersionAnswer } from './verify-rows';

export type { Canary } from './verify-probe';

export interface VerifyTarget {
  docker: Dockerode;
  containerId: string;
  /** The level the sandbox is supposed to be at: it decides which rows are promised, not what is seen. */
  level: 1 | 2 | 3;
  /** The one named volume the runtime may have (CT-04). */
  volumeName: string;
  /** Airlock's own path to the runtime's API: the loopback port at levels 1-2, the Docker API at 3. */
  upstream: Upstream;
  /** Addresses of this machine that must be unreachable from level 3; tried at every level. */
  canaries: Canary[];
  /** Upper bound for the in-container probe; its own network waits are 1 s each, in parallel. */
  probeTimeoutMs?: number;
}

/**
 * Inspects and probes the running sandbox and reports each threat row.
 * Throws only when the engine cannot inspect the container at all; every
 * other failure (no shell, exec refused, no answer) becomes failed checks.
 */
export async function verifySandbox(target: VerifyTarget): Promise<VerifyReport> {
  const { docker, containerId } = target;
  const [info, probe, version] = await Promise.all([
    docker
      .getContainer(containerId)
      .inspect()
      .catch((error: unknown) => {
        throw new Error(`The sandbox container could not be inspected: ${engineMessage(error)}`);
      }),
    runProbe(docker, containerId, target.canaries, target.probeTimeoutMs ?? 4000),
    askVersion(target.upstream),
  ]);
  const seen: Seen = {
    level: target.level,
    info,
    probe,
    version,
    volumeName: target.volumeName,
    canaries: target.canaries,
  };
  return {
    level: target.level,
    containerId: info.Id,
    checkedAt: Date.now(),
    rows: [
      hostFilesRow(seen),
      networkExposureRow(seen),
      resourceRow(seen),
      runtimeExploitRow(seen),
      phoneHomeRow(seen),
      containerEscapeRow(seen),
    ],
  };
}

/** For the bench and logs: one verify and how long it took, in milliseconds. */
export async function timedVerify(target: VerifyTarget): Promise<{ report: VerifyReport; ms: number }> {
  const started = performance.now();
  const report = await verifySandbox(target);
  return { report, ms: Math.round(performance.now() - started) };
}

async function askVersion(upstream: Upstream): Promise<VersionAnswer> {
  try {
    return { ok: true, version: await fetchVersion(upstream, 2000) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
