// How the running sandbox's numbers read to a person: memory in MiB or GiB,
// CPUs from Docker's nano-CPUs, short ids and digests. Zero means "no limit"
// in Docker's inspect output, so it says so rather than "0 MiB".
import { t } from '../i18n/t';

const mib = 1024 * 1024;

/** Bytes as MiB below 1 GiB, GiB (up to two decimals) above; 0 or less is no limit. */
export function formatMemory(bytes: number): string {
  if (!(bytes > 0)) return t('security.summary.noLimit');
  return formatMiB(bytes / mib);
}

export function formatMiB(value: number): string {
  if (value < 1024) return t('unit.mib', { value: trim(value) });
  return t('unit.gib', { value: trim(value / 1024) });
}

/** Docker's NanoCpus (1e9 per CPU) as a count; 0 is no limit. */
export function formatCpus(nanoCpus: number): string {
  if (!(nanoCpus > 0)) return t('security.summary.noLimit');
  const count = nanoCpus / 1e9;
  return count === 1 ? t('security.summary.cpuOne') : t('security.summary.cpuCount', { count: trim(count) });
}

/** Docker reports no pids limit as 0 or -1. */
export function formatPids(pidsLimit: number): string {
  if (!(pidsLimit > 0)) return t('security.summary.noLimit');
  return t('security.summary.pidsCount', { count: pidsLimit });
}

/** `sha256:0123…` or a bare id, cut to the 12 hex digits Docker itself shows. */
export function shortId(id: string): string {
  const [algo, hex] = id.includes(':') ? id.split(':', 2) : [undefined, id];
  const short = (hex ?? '').slice(0, 12);
  return algo ? `${algo}:${short}` : short;
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}
