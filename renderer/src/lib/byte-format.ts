// Byte counts as a person reads them, in the same binary units the rest of
// the Security view uses (MiB, GiB), for a download's progress.
import { t } from '../i18n/t';
import { formatMiB } from './sandbox-format';

const kib = 1024;
const mib = kib * 1024;

export function formatBytes(bytes: number): string {
  if (!(bytes > 0)) return t('unit.bytes', { value: 0 });
  if (bytes < kib) return t('unit.bytes', { value: Math.round(bytes) });
  if (bytes < mib) return t('unit.kib', { value: Math.round((bytes / kib) * 10) / 10 });
  return formatMiB(Math.round((bytes / mib) * 10) / 10);
}
