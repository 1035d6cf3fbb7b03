// One component of app.health in plain words: state, version, GPUs, what to
// do about it on this platform, and the core's technical detail for support.
import type { JSX } from 'react';
import type { ComponentHealth } from '../../../../shared/contract';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { IconContainer, IconCopy, IconCpu, IconGpu, IconVm, type IconProps } from '../../components/icons';
import { StatusBadge } from '../../components/StatusBadge';
import { t } from '../../i18n/t';
import { describeHealth, formatGiB, type Platform } from '../../lib/health-copy';
import { useToasts } from '../../stores/toast-store';

const icons: Record<ComponentHealth['id'], (props: IconProps) => JSX.Element> = {
  docker: IconContainer,
  multipass: IconVm,
  lima: IconVm,
  nvidia: IconGpu,
  engine: IconCpu,
};

export function HealthCard({ health, platform }: { health: ComponentHealth; platform: Platform }) {
  const copy = describeHealth(health, platform);
  const Icon = icons[health.id];
  const headingId = `health-${health.id}`;
  return (
    <Card
      as="li"
      tone={copy.tone}
      className="health-card"
      aria-labelledby={headingId}
      data-component={health.id}
      data-status={health.status}
      data-reason={health.reason}
    >
      <div className="health-card-head">
        <span className={`health-card-icon health-card-icon-${copy.tone}`}>
          <Icon size={24} />
        </span>
        <div className="health-card-title">
          <h3 id={headingId}>{copy.name}</h3>
          <StatusBadge tone={copy.tone} label={copy.label} />
        </div>
      </div>
      <p className="health-card-role">{copy.role}</p>

      <p className="health-card-sentence">{copy.sentence}</p>
      {health.version && (
        <p className="health-card-version">{t('setup.version', { version: health.version })}</p>
      )}

      {health.gpus && health.gpus.length > 0 && (
        <div className="health-card-gpus">
          <h4>{t('setup.gpus')}</h4>
          <ul>
            {health.gpus.map((gpu, index) => (
              <li key={`${gpu.name}-${index}`}>
                {t('setup.gpu', { name: gpu.name, memory: formatGiB(gpu.memoryMiB), driver: gpu.driver })}
              </li>
            ))}
          </ul>
        </div>
      )}

      {copy.fix && (
        <div className="health-card-fix">
          <p>
            <strong>{t('setup.whatToDo')}: </strong>
            {copy.fix}
          </p>
          {copy.command && <CommandLine command={copy.command} />}
        </div>
      )}

      <details className="health-card-detail">
        <summary>{t('setup.detail')}</summary>
        <p>{health.detail}</p>
      </details>
    </Card>
  );
}

function CommandLine({ command }: { command: string }) {
  const show = useToasts((state) => state.show);
  const copy = () => {
    // Promise.resolve first: navigator.clipboard is missing outside secure contexts and would throw.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(command))
      .then(
        () => show('info', t('toast.copied')),
        () => show('error', t('toast.copyFailed')),
      );
  };
  return (
    <div className="command">
      <code>{command}</code>
      <Button
        size="sm"
        variant="ghost"
        icon={<IconCopy size={16} />}
        aria-label={t('setup.copyCommand', { command })}
        onClick={copy}
      >
        {t('setup.copy')}
      </Button>
    </div>
  );
}
