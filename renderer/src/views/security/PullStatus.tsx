// How a download goes: after 300 ms a bar over the bytes of all layers, the
// bytes in words, and each layer's bytes behind a disclosure (for anyone who
// wants them, screen readers included); then the image id, or the core's
// sentence for why it failed.
import { useId } from 'react';
import { IconAlert } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { t } from '../../i18n/t';
import { formatBytes } from '../../lib/byte-format';
import { useDelayed } from '../../lib/use-delayed';
import { pullBytes, shortLayer, type PullRun } from '../../stores/image-pull';
import { UseImageButton } from './UseImageButton';

export interface PullStatusProps {
  run: PullRun;
  nextImage?: string;
  canUse: boolean;
  onChoose: (image: string | undefined) => void;
}

export function PullStatus({ run, nextImage, canUse, onChoose }: PullStatusProps) {
  const showBar = useDelayed(run.state === 'running');
  const nameId = useId();
  const bytes = pullBytes(run);
  return (
    <>
      {showBar && (
        <div className="image-progress" data-pull="running">
          <ProgressBar
            label={t('security.image.pull.progress', { image: run.image })}
            value={bytes.fraction}
          />
          <p className="image-bytes">
            {bytes.total > 0
              ? t('security.image.pull.bytes', {
                  current: formatBytes(bytes.current),
                  total: formatBytes(bytes.total),
                })
              : t('security.image.pull.waiting')}
          </p>
          {run.layers.length > 0 && (
            <details className="image-layers">
              <summary>{t('security.image.pull.layers', { count: run.layers.length })}</summary>
              <ul>
                {run.layers.map((layer) => (
                  <li key={layer.id}>
                    <code>{shortLayer(layer.id)}</code>{' '}
                    <span>
                      {layer.total > 0
                        ? t('security.image.pull.layer', {
                            current: formatBytes(Math.min(layer.current, layer.total)),
                            total: formatBytes(layer.total),
                          })
                        : t('security.image.pull.layerUnsized')}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {/* A live region that is always there, so a screen reader hears the result when it lands. */}
      <div className="image-result" aria-live="polite">
        {run.state === 'done' && (
          <div className="image-done" data-pull="done">
            <p id={nameId}>{t('security.image.pull.done', { image: run.image })}</p>
            <p className="image-id">
              {t('security.image.imageId')} <code>{run.imageId}</code>
            </p>
            {canUse && (
              <UseImageButton
                image={run.image}
                chosen={nextImage === run.image}
                describedBy={nameId}
                onChoose={onChoose}
              />
            )}
          </div>
        )}
      </div>
      {run.state === 'failed' && (
        <div className="notice notice-error image-failed" role="alert" data-pull="failed">
          <IconAlert />
          <div className="notice-text">
            <strong>{t('security.image.pull.failed', { image: run.image })}</strong>
            <p className="notice-message">{run.error}</p>
          </div>
        </div>
      )}
    </>
  );
}
