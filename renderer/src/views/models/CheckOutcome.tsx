// What "Check files now" found, in a polite live region that is always in the
// page, so a screen reader hears the outcome when it arrives; a failure is
// the core's sentence in place, like an import's.
import { IconAlert, IconCheck } from '../../components/icons';
import { t } from '../../i18n/t';
import type { useModels } from '../../stores/models-store';

type Check = ReturnType<typeof useModels.getState>['check'];

export function CheckOutcome({ check }: { check: Check }) {
  let body = null;
  if (check?.state === 'done') {
    const ok = check.flagged === 0;
    const text = ok
      ? t('models.check.allOk')
      : check.flagged === 1
        ? t('models.check.flaggedOne')
        : t('models.check.flagged', { count: check.flagged });
    body = (
      <div className={`notice models-notice${ok ? '' : ' notice-error'}`} data-check={ok ? 'ok' : 'flagged'}>
        {ok ? <IconCheck /> : <IconAlert />}
        <p className="notice-text">{text}</p>
      </div>
    );
  } else if (check?.state === 'failed') {
    body = (
      <div className="notice notice-error models-notice" data-check="failed">
        <IconAlert />
        <div className="notice-text">
          <strong>{t('models.check.failed')}</strong>
          <p className="notice-message">{check.message}</p>
        </div>
      </div>
    );
  }
  return (
    <div role="status" className="models-check-outcome" data-check-outcome>
      {body}
    </div>
  );
}
