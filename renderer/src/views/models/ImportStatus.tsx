// How an import goes: after 300 ms a bar over the bytes copied (or a sweep
// while the structure is checked) with Cancel beside it; then the new model's
// name, or the core's sentence for why it was refused, in place.
import { Button } from '../../components/Button';
import { IconAlert, IconCheck } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { t } from '../../i18n/t';
import { formatBytes } from '../../lib/byte-format';
import { useDelayed } from '../../lib/use-delayed';
import { runFraction, type ImportRun } from '../../stores/models-store-import';

export interface ImportStatusProps {
  run: ImportRun;
  onCancel: () => void;
}

export function ImportStatus({ run, onCancel }: ImportStatusProps) {
  const running = run.state === 'running';
  const showBar = useDelayed(running);
  const phase = run.phase === 'done' || run.phase === 'failed' ? 'scanning' : run.phase;
  return (
    <>
      {showBar && (
        <div className="import-progress" data-import="running">
          <ProgressBar
            label={t(`models.import.phase.${phase}`, { source: run.source })}
            value={runFraction(run)}
          />
          <div className="import-progress-row">
            <p className="import-bytes">
              {run.totalBytes
                ? t('models.import.bytes', {
                    current: formatBytes(run.bytes),
                    total: formatBytes(run.totalBytes),
                  })
                : t('models.import.bytesOnly', { current: formatBytes(run.bytes) })}
            </p>
            <Button size="sm" onClick={onCancel} disabled={run.operationId === undefined}>
              {t('models.import.cancel')}
            </Button>
          </div>
        </div>
      )}
      {/* Always there, so a screen reader hears the result when it lands. */}
      <div className="import-result" aria-live="polite">
        {run.state === 'done' && (
          <div className="notice models-notice" data-import="done">
            <IconCheck />
            <p className="notice-message">
              {t('models.import.done', { name: run.entry?.name ?? run.source })}
            </p>
          </div>
        )}
      </div>
      {run.state === 'failed' && (
        <div
          className="notice notice-error models-notice"
          role="alert"
          data-import="failed"
          data-reason={run.reason}
        >
          <IconAlert />
          <div className="notice-text">
            <strong>{t('models.import.failed', { source: run.source })}</strong>
            <p className="notice-message">{run.error}</p>
          </div>
        </div>
      )}
    </>
  );
}
