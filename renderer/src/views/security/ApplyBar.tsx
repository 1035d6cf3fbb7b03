// The Apply button and its confirm step. Apply says why it cannot run when it
// cannot (no Docker, level 4, a bad field, nothing to change); the confirm
// dialog says what will change and how the switch protects the running one.
import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { IconShield } from '../../components/icons';
import { t, type MessageKey } from '../../i18n/t';
import { describeChanges, type AdvancedInput } from '../../lib/advanced-settings';
import { canApply, levelKeys, levelName, type Level } from '../../lib/sandbox-levels';

export interface ApplyBarProps {
  picked: Level;
  /** The level running now, if a sandbox runs. */
  running?: number;
  changes: AdvancedInput;
  invalid: boolean;
  unavailable: boolean;
  switching: boolean;
  onApply: () => void;
}

export function ApplyBar({
  picked,
  running,
  changes,
  invalid,
  unavailable,
  switching,
  onApply,
}: ApplyBarProps) {
  const [confirming, setConfirming] = useState(false);
  const reasonId = useId();
  const changeWords = describeChanges(changes);
  const unchanged = running === picked && changeWords.length === 0;
  const reason: MessageKey | undefined = unavailable
    ? 'security.apply.noDocker'
    : !canApply(picked)
      ? 'security.vmUnavailable'
      : invalid
        ? 'security.invalid.summary'
        : undefined;
  const blocked = reason !== undefined || unchanged;

  const confirm = () => {
    setConfirming(false);
    onApply();
  };

  return (
    <div className="apply-bar">
      <Button
        variant="primary"
        icon={<IconShield size={16} />}
        loading={switching}
        // aria-disabled, not disabled: the button keeps focus when a finished switch makes it moot.
        aria-disabled={blocked || undefined}
        aria-describedby={reason ? reasonId : undefined}
        onClick={blocked ? undefined : () => setConfirming(true)}
      >
        {unchanged ? t('security.applyCurrent', { level: picked }) : t('security.apply', { level: picked })}
      </Button>
      {reason && (
        <p id={reasonId} className="apply-reason">
          {t(reason)}
        </p>
      )}

      <Dialog
        open={confirming}
        title={t('security.confirm.title', { level: picked, name: levelName(picked) })}
        onClose={() => setConfirming(false)}
        actions={
          <>
            <Button onClick={() => setConfirming(false)}>{t('security.confirm.cancel')}</Button>
            <Button variant="primary" data-autofocus onClick={confirm}>
              {t('security.confirm.yes')}
            </Button>
          </>
        }
      >
        <p>
          {running === undefined
            ? t('security.confirm.first', { to: picked, toName: levelName(picked) })
            : t('security.confirm.from', {
                from: running,
                fromName: levelName(running),
                to: picked,
                toName: levelName(picked),
              })}
          {changeWords.length > 0 && ` ${t('security.confirm.changes', { changes: changeWords.join(', ') })}`}
        </p>
        <p>{t('security.switchHow')}</p>
        <p className="confirm-tradeoff">{t(levelKeys(picked).tradeoff)}</p>
      </Dialog>
    </div>
  );
}
