// How the last switch ended, in words: done and verified; rolled back (which
// step failed, the core's message, and that the previous sandbox still runs);
// or failed outright, with what to do.
import { Button } from '../../components/Button';
import { IconAlert, IconCheck, IconClose } from '../../components/icons';
import { t } from '../../i18n/t';
import { levelName } from '../../lib/sandbox-levels';
import type { SwitchOutcome } from '../../../../shared/sandbox-contract';

export interface OutcomeNoticeProps {
  outcome: SwitchOutcome;
  /** The level asked for. */
  target: number;
  /** The level still running after a rollback. */
  kept?: number;
  onDismiss: () => void;
}

export function OutcomeNotice({ outcome, target, kept, onDismiss }: OutcomeNoticeProps) {
  const dismiss = (
    <Button
      variant="ghost"
      size="sm"
      className="notice-dismiss"
      aria-label={t('security.outcome.dismiss')}
      icon={<IconClose size={16} />}
      onClick={onDismiss}
    />
  );

  if (outcome.outcome === 'switched') {
    return (
      <div className="notice notice-ok" role="status" data-outcome="switched">
        <IconCheck />
        <div className="notice-text">
          <strong>{t('security.outcome.switched', { level: target })}</strong>
          <p>{outcome.message}</p>
        </div>
        {dismiss}
      </div>
    );
  }

  const failedRows = outcome.report?.rows.filter((row) => row.status === 'failed') ?? [];
  const rolledBack = outcome.outcome === 'rolled_back';
  return (
    <div className="notice notice-error" role="alert" data-outcome={outcome.outcome}>
      <IconAlert />
      <div className="notice-text">
        <strong>
          {t(rolledBack ? 'security.outcome.rolledBack.title' : 'security.outcome.failed.title', {
            level: target,
          })}
        </strong>
        {outcome.failedStep && (
          <p>{t('security.outcome.rolledBack.step', { step: t(`step.${outcome.failedStep}`) })}</p>
        )}
        <p className="notice-message">{outcome.message}</p>
        {failedRows.length > 0 && (
          <ul className="notice-rows">
            {failedRows.map((row) => (
              <li key={row.threat}>
                <strong>{t(`threat.${row.threat}`)}</strong>: {row.evidence}
              </li>
            ))}
          </ul>
        )}
        <p>
          {!rolledBack
            ? t('security.outcome.failed.hint')
            : kept === undefined
              ? t('security.outcome.rolledBack.keptSome')
              : t('security.outcome.rolledBack.kept', { level: kept, name: levelName(kept) })}
        </p>
      </div>
      {dismiss}
    </div>
  );
}
