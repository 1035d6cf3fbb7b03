// A level switch step by step: each of the contract's steps pending, running,
// done, failed or not run, with the core's message, under one progress bar.
// A sentence in a live region tells screen readers which step is under way.
import type { ReactNode } from 'react';
import { IconAlert, IconCheck, IconDash, IconMinus } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { t, type MessageKey } from '../../i18n/t';
import { progressOf, type StepState, type SwitchRun } from '../../stores/sandbox-switch';

const stepIcons: Record<StepState, ReactNode> = {
  pending: <IconDash size={16} />,
  running: <span className="step-spinner" />,
  done: <IconCheck size={16} />,
  failed: <IconAlert size={16} />,
  skipped: <IconMinus size={16} />,
};

const rollbackWords = {
  running: 'security.progress.rollingBack',
  done: 'security.progress.rolledBack',
  failed: 'security.progress.rollbackFailed',
} as const satisfies Record<Exclude<SwitchRun['rollback'], 'none'>, MessageKey>;

export function SwitchProgress({ run }: { run: SwitchRun }) {
  const title =
    run.level === undefined
      ? t('security.progress.titleUnknown')
      : t(run.finished ? 'security.progress.finished' : 'security.progress.title', { level: run.level });
  const current = run.steps.find((view) => view.state === 'running' || view.state === 'failed');
  const live =
    run.rollback === 'running'
      ? t('security.progress.rollingBack')
      : current
        ? `${t(`stepState.${current.state}`)}: ${t(`step.${current.step}`)}`
        : '';
  return (
    <section className="switch-progress" aria-labelledby="switch-progress-title" data-finished={run.finished}>
      <h2 id="switch-progress-title">{title}</h2>
      {/* Once finished, the steps say how it went; a full bar would read as success either way. */}
      {!run.finished && <ProgressBar label={t('security.progress.label')} value={progressOf(run)} />}
      <ol className="steps">
        {run.steps.map((view) => (
          <li
            key={view.step}
            className={`step step-${view.state}`}
            data-step={view.step}
            data-state={view.state}
          >
            <span className="step-icon" aria-hidden="true">
              {stepIcons[view.state]}
            </span>
            <span className="step-text">
              <span className="step-name">{t(`step.${view.step}`)}</span>
              {view.message && <span className="step-message">{view.message}</span>}
            </span>
            <span className="step-state">{t(`stepState.${view.state}`)}</span>
          </li>
        ))}
      </ol>
      {run.rollback !== 'none' && <p className="switch-rollback">{t(rollbackWords[run.rollback])}</p>}
      <p className="sr-only" role="status">
        {run.finished ? '' : live}
      </p>
    </section>
  );
}
