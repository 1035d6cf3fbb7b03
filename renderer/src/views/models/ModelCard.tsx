// One model in the inventory: its name, where it came from and who brought it
// in when (MI-06 provenance), its SHA-256, size and format facts, the safety
// check in words, and Delete for those who may.
import type { ModelEntry } from '../../../../shared/models-contract';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { IconAlert } from '../../components/icons';
import { t } from '../../i18n/t';
import { formatBytes } from '../../lib/byte-format';
import { importedWords, parameterWords, scanWords, sourceWords } from './model-words';
import { ShaValue } from './ShaValue';

export interface ModelCardProps {
  entry: ModelEntry;
  canManage: boolean;
  onDelete: (entry: ModelEntry) => void;
}

export function ModelCard({ entry, canManage, onDelete }: ModelCardProps) {
  const titleId = `model-${entry.id}`;
  const warning = integrityWords(entry);
  const scan = scanWords(entry);
  const unknown = t('models.fact.unknown');
  const facts: [string, string, string][] = [
    ['format', t('models.fact.format'), t(`models.format.${entry.format}`)],
    ['architecture', t('models.fact.architecture'), entry.architecture ?? unknown],
    ['parameters', t('models.fact.parameters'), parameterWords(entry.parameterCount) ?? unknown],
    ['quantization', t('models.fact.quantization'), entry.quantization ?? unknown],
    [
      'context',
      t('models.fact.context'),
      entry.contextLength !== undefined ? t('models.tokens', { count: entry.contextLength }) : unknown,
    ],
    ['size', t('models.fact.size'), formatBytes(entry.size)],
  ];
  return (
    <Card
      as="li"
      className="model-card"
      tone={entry.scan.verdict === 'passed' && !warning ? 'plain' : 'error'}
      aria-labelledby={titleId}
      data-model={entry.name}
      data-integrity={entry.integrity.state}
    >
      <div className="model-head">
        <div className="model-title">
          <h3 id={titleId}>{entry.name}</h3>
          <p className="model-source">{sourceWords(entry)}</p>
        </div>
        {canManage && (
          <Button
            variant="danger"
            size="sm"
            aria-label={t('models.delete.label', { name: entry.name })}
            onClick={() => onDelete(entry)}
          >
            {t('models.delete')}
          </Button>
        )}
      </div>
      {warning && (
        <div className="notice notice-error models-notice model-integrity" data-integrity-warning>
          <IconAlert />
          <div className="notice-text">
            <strong>
              {t(
                entry.integrity.state === 'missing'
                  ? 'models.integrity.titleMissing'
                  : 'models.integrity.title',
              )}
            </strong>
            <p className="notice-message">{warning}</p>
            {entry.integrity.found && (
              <p className="notice-message model-integrity-found">
                {t('models.integrity.found', { sha256: entry.integrity.found })}
              </p>
            )}
          </div>
        </div>
      )}
      <dl className="model-facts">
        <div className="model-fact" data-fact="imported">
          <dt>{t('models.fact.imported')}</dt>
          <dd>{importedWords(entry)}</dd>
        </div>
        <div className="model-fact model-fact-wide" data-fact="sha256">
          <dt>{t('models.fact.sha256')}</dt>
          <dd>
            <ShaValue sha256={entry.sha256} name={entry.name} />
          </dd>
        </div>
        {facts.map(([key, term, value]) => (
          <div key={key} className="model-fact" data-fact={key}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="model-fact model-fact-wide" data-fact="scan">
          <dt>{t('models.fact.scan')}</dt>
          <dd>
            <span className={`model-verdict model-verdict-${entry.scan.verdict}`}>{scan.verdict}</span>
            {scan.details.map((line) => (
              <span key={line} className="model-verdict-detail">
                {' '}
                {line}
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** The flag from the last on-disk check (MI-06) in words, or undefined when the file is as imported. */
function integrityWords(entry: ModelEntry): string | undefined {
  const { state, where } = entry.integrity;
  if (state === 'ok') return undefined;
  if (state === 'missing') return t('models.integrity.missing');
  return t(where === 'sandbox' ? 'models.integrity.changedSandbox' : 'models.integrity.changed');
}
