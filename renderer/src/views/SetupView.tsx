// Setup: what app.health found on this machine, one card per component, with
// what to do about anything missing, and "Check again".
import type { ReactNode } from 'react';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { IconAlert, IconCheck, IconDash, IconRefresh } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { ProgressBar } from '../components/ProgressBar';
import { t } from '../i18n/t';
import { readiness, type Tone } from '../lib/health-copy';
import { useDelayed } from '../lib/use-delayed';
import { useApp } from '../stores/app-store';
import { HealthCard } from './setup/HealthCard';
import { StartSafeChat } from './setup/StartSafeChat';
import './setup/setup.css';

const readinessIcons: Record<Tone, ReactNode> = {
  ok: <IconCheck size={16} />,
  warn: <IconAlert size={16} />,
  error: <IconAlert size={16} />,
  off: <IconDash size={16} />,
};

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export default function SetupView() {
  const health = useApp((state) => state.health);
  const healthError = useApp((state) => state.healthError);
  const checking = useApp((state) => state.checking);
  const checkAgain = useApp((state) => state.checkAgain);
  const showProgress = useDelayed(checking);
  const loading = !health && !healthError;

  const onCheckAgain = () => void checkAgain();

  return (
    <div className="view setup">
      <PageHeader
        title={t('view.setup')}
        lead={t('view.setup.lead')}
        actions={
          <>
            {health && (
              <span className="setup-checked">
                {t('setup.lastChecked', { time: timeFormat.format(health.checkedAt) })}
              </span>
            )}
            <Button icon={<IconRefresh size={16} />} loading={checking} onClick={onCheckAgain}>
              {t('setup.checkAgain')}
            </Button>
          </>
        }
      />

      <StartSafeChat />

      <div className="setup-progress" aria-live="polite">
        {(showProgress || loading) && <ProgressBar label={t('setup.checking')} />}
      </div>

      {healthError && !health && (
        <EmptyState icon={<IconAlert size={32} />} title={t('setup.loadFailed')} body={healthError} />
      )}

      {health && (
        <>
          <section className="setup-summary" aria-labelledby="setup-summary-heading">
            <h2 id="setup-summary-heading">{t('setup.summary')}</h2>
            <ul className="readiness">
              {readiness(health.components).map(({ key, tone }) => (
                <li key={key} className={`readiness-item readiness-${tone}`}>
                  <span className="readiness-icon">{readinessIcons[tone]}</span>
                  {t(key)}
                </li>
              ))}
            </ul>
          </section>

          <section className="setup-components" aria-labelledby="setup-components-heading">
            <h2 id="setup-components-heading">{t('setup.components')}</h2>
            <ul className="health-grid">
              {health.components.map((component) => (
                <HealthCard key={component.id} health={component} platform={health.platform} />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
