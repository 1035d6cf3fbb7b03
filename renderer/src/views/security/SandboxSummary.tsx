// The running sandbox at a glance: state, level, image and its digest, the
// container, its limits as Docker reports them, and where it is served.
// Stop/Start and the logs live here, next to what they act on.
import type { SandboxStatus } from '../../../../shared/sandbox-contract';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n/t';
import type { Tone } from '../../lib/health-copy';
import { formatCpus, formatMemory, formatPids, shortId } from '../../lib/sandbox-format';
import { levelName } from '../../lib/sandbox-levels';

const stateTones: Record<SandboxStatus['state'], Tone> = {
  running: 'ok',
  switching: 'warn',
  stopped: 'off',
  none: 'off',
  unavailable: 'error',
};

export interface SandboxSummaryProps {
  status: SandboxStatus;
  pending?: 'stop' | 'start';
  busy: boolean;
  onStop: () => void;
  onStart: () => void;
  onLogs: () => void;
}

export function SandboxSummary({ status, pending, busy, onStop, onStart, onLogs }: SandboxSummaryProps) {
  const { container } = status;
  const rows: [string, string, boolean?][] = container
    ? [
        [
          t('security.summary.level'),
          t('security.levelName', { level: container.level, name: levelName(container.level) }),
        ],
        [t('security.summary.image'), container.image, true],
        [t('security.summary.imageId'), shortId(container.imageId), true],
        [t('security.summary.container'), `${container.name} · ${shortId(container.id)}`, true],
        [t('security.summary.memory'), formatMemory(container.memoryBytes)],
        [t('security.summary.cpus'), formatCpus(container.nanoCpus)],
        [t('security.summary.pids'), formatPids(container.pidsLimit)],
        [t('security.summary.endpoint'), status.endpoint ?? t('security.summary.notServed'), true],
      ]
    : [];
  if (status.engine)
    rows.push([t('security.summary.engine'), `${status.engine.product} ${status.engine.version}`]);

  const canStop = status.state === 'running';
  const canStart = status.state === 'stopped';
  return (
    <Card
      as="section"
      tone={stateTones[status.state]}
      className="summary"
      aria-labelledby="summary-title"
      data-state={status.state}
    >
      <div className="summary-head">
        <h2 id="summary-title">{t('security.summary.title')}</h2>
        <StatusBadge tone={stateTones[status.state]} label={t(`state.${status.state}`)} />
      </div>
      {container ? (
        <dl className="summary-list">
          {rows.map(([term, value, mono]) => (
            <div key={term} className="summary-row">
              <dt>{term}</dt>
              <dd className={mono ? 'summary-mono' : undefined} title={mono ? value : undefined}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="summary-empty">{t('security.summary.noContainer')}</p>
      )}
      {status.engine?.advice && <p className="summary-advice">{status.engine.advice}</p>}
      <div className="summary-actions">
        {container && <Button onClick={onLogs}>{t('security.logs')}</Button>}
        {canStop && (
          <Button
            loading={pending === 'stop'}
            aria-disabled={busy || undefined}
            onClick={busy ? undefined : onStop}
          >
            {t('security.stop')}
          </Button>
        )}
        {canStart && (
          <Button
            variant="primary"
            loading={pending === 'start'}
            aria-disabled={busy || undefined}
            onClick={busy ? undefined : onStart}
          >
            {t('security.start')}
          </Button>
        )}
      </div>
    </Card>
  );
}
