// What sandbox/verify saw, and how checks become a threat row (CT-10): a row
// is verified when every check passed, failed when one did, and not covered
// when the level does not promise it (its checks still say what was seen).
import type { CheckStatus, ThreatId, VerifyCheck, VerifyRow } from '../../../shared/sandbox-contract';
import type { ContainerInfo } from './docker-sandbox';
import type { Canary, ProbeOutcome } from './verify-probe';

/** The level from which PRODUCT.md's threat table promises each row; 4 is the VM. */
export const promisedFrom: Record<ThreatId, 1 | 2 | 3 | 4> = {
  host_files: 1,
  network_exposure: 1,
  resource_exhaustion: 2,
  runtime_exploit: 2,
  phone_home: 3,
  container_escape: 4,
};

export type VersionAnswer = { ok: true; version: string } | { ok: false; error: string };

/** Everything one verify gathered: the engine's inspect, the in-container probe, the API answer. */
export interface Seen {
  level: 1 | 2 | 3;
  info: ContainerInfo;
  probe: ProbeOutcome;
  version: VersionAnswer;
  volumeName: string;
  canaries: readonly Canary[];
}

export function check(id: string, pass: boolean, evidence: string): VerifyCheck {
  return { id, status: pass ? 'verified' : 'failed', evidence };
}

/**
 * A check answered by one probe line. No probe (no shell, exec failed) or a
 * missing line fails the check with that reason: absence is never a pass.
 */
export function fromProbe(
  seen: Seen,
  id: string,
  key: string,
  judge: (value: string) => [boolean, string],
): VerifyCheck {
  if (!seen.probe.ok) return check(id, false, capitalize(seen.probe.reason));
  const value = seen.probe.values.get(key);
  if (value === undefined) return check(id, false, `The probe did not report ${key.replace(/_/g, ' ')}.`);
  const [pass, evidence] = judge(value);
  return check(id, pass, evidence);
}

export function rowOf(threat: ThreatId, level: number, checks: VerifyCheck[]): VerifyRow {
  const failing = checks.filter((c) => c.status === 'failed');
  const from = promisedFrom[threat];
  if (level < from) {
    const seenText = failing.length ? ` Seen: ${joinEvidence(failing)}` : ' Every check passed anyway.';
    return {
      threat,
      status: 'not_covered',
      evidence: `Level ${level} does not promise this; it is covered from level ${from}.${seenText}`,
      checks,
    };
  }
  const status: CheckStatus = failing.length ? 'failed' : 'verified';
  const passed = checks.filter((c) => c.status === 'verified').length;
  return {
    threat,
    status,
    evidence: failing.length
      ? joinEvidence(failing)
      : `All ${passed} checks passed against the running container.`,
    checks,
  };
}

function joinEvidence(checks: VerifyCheck[]): string {
  return checks.map((c) => c.evidence.replace(/\.$/, '')).join('; ') + '.';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/** Bytes as an owner reads them: "256 MiB". */
export function mib(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MiB`;
}
