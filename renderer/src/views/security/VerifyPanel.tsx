// The threat table for the level in force, each row checked live against the
// running sandbox: verified, failed (with what was seen), or not covered at
// this level; each row's individual checks open underneath it.
import type { JSX } from 'react';
import type { CheckStatus, VerifyReport, VerifyRow } from '../../../../shared/sandbox-contract';
import { Button } from '../../components/Button';
import { IconAlert, IconCheck, IconMinus, IconRefresh } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { t } from '../../i18n/t';
import { useDelayed } from '../../lib/use-delayed';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

const statusIcons: Record<CheckStatus, (props: { size?: 16 }) => JSX.Element> = {
  verified: IconCheck,
  failed: IconAlert,
  not_covered: IconMinus,
};

export interface VerifyPanelProps {
  report?: VerifyReport;
  verifying: boolean;
  canVerify: boolean;
  onVerify: () => void;
}

export function VerifyPanel({ report, verifying, canVerify, onVerify }: VerifyPanelProps) {
  const showProgress = useDelayed(verifying);
  return (
    <section className="verify card" aria-labelledby="verify-title" aria-busy={verifying || undefined}>
      <div className="verify-head">
        <div>
          <h2 id="verify-title">{t('security.verify.title')}</h2>
          <p className="verify-lead">{t('security.verify.lead')}</p>
        </div>
        <Button
          icon={<IconRefresh size={16} />}
          loading={verifying}
          aria-disabled={!canVerify || undefined}
          onClick={canVerify ? onVerify : undefined}
        >
          {t('security.verify.now')}
        </Button>
      </div>
      <div aria-live="polite">{showProgress && <ProgressBar label={t('security.verify.running')} />}</div>
      {report ? (
        <>
          <p className="verify-checked">
            {t('security.verify.checkedAt', {
              time: timeFormat.format(report.checkedAt),
              level: report.level,
            })}
          </p>
          <ul className="verify-rows">
            {report.rows.map((row) => (
              <VerifyRowItem key={row.threat} row={row} />
            ))}
          </ul>
        </>
      ) : (
        <p className="verify-none">{t('security.verify.none')}</p>
      )}
    </section>
  );
}

function VerifyRowItem({ row }: { row: VerifyRow }) {
  const Icon = statusIcons[row.status];
  const headingId = `verify-row-${row.threat}`;
  return (
    <li
      className={`verify-row verify-row-${row.status}`}
      data-threat={row.threat}
      data-status={row.status}
      aria-labelledby={headingId}
    >
      <span className={`verify-badge verify-badge-${row.status}`}>
        <Icon size={16} />
        {t(row.status === 'not_covered' ? 'verify.not_covered.short' : `verify.${row.status}`)}
      </span>
      <div className="verify-row-text">
        <h3 id={headingId}>{t(`threat.${row.threat}`)}</h3>
        <p className="verify-evidence">
          {row.status === 'not_covered' && <span className="sr-only">{t('verify.not_covered')}. </span>}
          {row.evidence}
        </p>
        {row.checks.length > 0 && (
          <details className="verify-checks">
            <summary>{t('security.verify.checks', { count: row.checks.length })}</summary>
            <ul>
              {row.checks.map((check) => {
                // In a row this level does not promise, a check that finds the protection absent
                // is the expected answer, not an alarm: it reads as "not covered", evidence intact.
                const shown =
                  row.status === 'not_covered' && check.status === 'failed' ? 'not_covered' : check.status;
                const CheckIcon = statusIcons[shown];
                return (
                  <li key={check.id} data-check={check.id} data-status={check.status}>
                    <span className={`verify-check-icon verify-badge-${shown}`}>
                      <CheckIcon size={16} />
                      <span className="sr-only">{t(`verify.${shown}`)}</span>
                    </span>
                    <code>{check.id}</code>
                    <span>{check.evidence}</span>
                  </li>
                );
              })}
            </ul>
          </details>
        )}
      </div>
    </li>
  );
}
