// "Start safe chat": the one primary action on Setup. It shows the core's
// steps in plain words as they happen, a failure as the core's sentence with
// a retry (and, where Docker is missing, chat without a sandbox, said
// plainly), and opens Chat when the run is done.
import { useEffect, useRef, type ReactNode } from 'react';
import { safeChatSteps } from '../../../../shared/setup-contract';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { IconAlert, IconCheck, IconDash, IconLock, IconRefresh } from '../../components/icons';
import { t } from '../../i18n/t';
import { hrefFor } from '../../lib/router';
import type { StepState } from '../../stores/setup-start-run';
import { useSetupStart } from '../../stores/setup-start-store';

const stepIcons: Record<StepState, ReactNode> = {
  waiting: <IconDash size={16} />,
  running: <span className="start-spinner" aria-hidden="true" />,
  done: <IconCheck size={16} />,
  failed: <IconAlert size={16} />,
  skipped: <IconDash size={16} />,
};

export function StartSafeChat() {
  const run = useSetupStart((state) => state.run);
  const start = useSetupStart((state) => state.start);
  const running = run?.status === 'running';

  const seenRunning = useRef(false);
  useEffect(() => {
    if (run?.status === 'running') seenRunning.current = true;
    // Done while watched: Chat is where the user wanted to be. Coming back to Setup later shows the steps.
    // Without a sandbox the user stays to read that it is unprotected, and opens Chat themselves.
    if (run?.status === 'done' && seenRunning.current && run.result?.runtime === 'sandbox') {
      seenRunning.current = false;
      window.location.hash = hrefFor('chat');
    }
  }, [run?.status, run?.result?.runtime]);

  return (
    <Card as="section" className="start-card" aria-labelledby="start-heading">
      <div className="start-head">
        <span className="start-icon" aria-hidden="true">
          <IconLock size={24} />
        </span>
        <div>
          <h2 id="start-heading">{t('setup.start.title')}</h2>
          <p className="start-lead">{t('setup.start.lead')}</p>
        </div>
      </div>
      <div className="start-actions">
        <Button
          variant="primary"
          icon={run?.status === 'failed' ? <IconRefresh size={16} /> : undefined}
          loading={running}
          onClick={() => void start()}
          data-testid="start-safe-chat"
        >
          {run?.status === 'failed' ? t('setup.start.retry') : t('setup.start.action')}
        </Button>
        {run?.failure?.dockerMissing && (
          <Button onClick={() => void start(true)}>{t('setup.start.withoutSandbox')}</Button>
        )}
      </div>
      {run?.failure?.dockerMissing && <p className="start-note">{t('setup.start.withoutSandboxNote')}</p>}
      {run && (
        <ol className="start-steps" aria-label={t('setup.start.steps')} aria-live="polite">
          {safeChatSteps.map((step) => {
            const { state, message } = run.steps[step];
            return (
              <li key={step} className={`start-step start-step-${state}`} data-step={step} data-state={state}>
                <span className="start-step-icon">{stepIcons[state]}</span>
                <span className="start-step-name">{t(`setup.start.step.${step}`)}</span>
                <span className="start-step-state">{t(`setup.start.state.${state}`)}</span>
                {state === 'skipped' && message && <span className="start-step-note">{message}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {run?.status === 'failed' && (
        <div className="start-error" role="alert">
          <strong>{t('setup.start.failed')}</strong>
          <p>{run.failure?.message}</p>
        </div>
      )}
      {run?.status === 'done' && run.result && (
        <div className="start-done" role="status">
          <p>
            {run.result.runtime === 'builtin'
              ? t('setup.start.noSandbox')
              : t('setup.start.done', { level: run.result.level ?? 2 })}
          </p>
          <a className="btn btn-secondary btn-md" href={hrefFor('chat')}>
            {t('setup.start.openChat')}
          </a>
        </div>
      )}
    </Card>
  );
}
