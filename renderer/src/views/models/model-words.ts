// An inventory entry's facts in words: where it came from, who brought it in
// and when, and what the safety check found.
import type { ModelEntry } from '../../../../shared/models-contract';
import { lookup, t } from '../../i18n/t';

export function sourceWords(entry: ModelEntry): string {
  return t(`models.source.${entry.source.kind}`, { label: entry.source.label });
}

export function importedWords(entry: ModelEntry): string {
  const when = new Date(entry.importedAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const who = lookup(`models.by.${entry.importedBy}`) ?? entry.importedBy;
  return t('models.imported', { when, who });
}

/** The verdict, then what it rests on, as sentences. */
export function scanWords(entry: ModelEntry): { verdict: string; details: string[] } {
  const verdict = t(`models.scan.${entry.scan.verdict}`);
  if (entry.format === 'safetensors') return { verdict, details: [t('models.scan.safetensors')] };
  const template =
    entry.templateVerdict === 'flagged'
      ? t('models.scan.templateFlagged', { findings: entry.scan.findings.join('; ') })
      : t(entry.templateVerdict === 'safe' ? 'models.scan.templateSafe' : 'models.scan.templateNone');
  return { verdict, details: [t('models.scan.gguf'), template] };
}

/** "1.2M", "7.6B": parameter counts as model pages write them. */
export function parameterWords(count: number | undefined): string | undefined {
  if (count === undefined) return undefined;
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B`;
  if (count >= 1e6) return `${(count / 1e6).toFixed(1)}M`;
  if (count >= 1e3) return `${(count / 1e3).toFixed(1)}K`;
  return String(count);
}
