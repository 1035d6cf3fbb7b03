// When there is no Docker to run a sandbox in: why, in plain words, and the
// way to the Setup view, which says how to fix it on this machine.
import { EmptyState } from '../../components/EmptyState';
import { IconContainer } from '../../components/icons';
import { t } from '../../i18n/t';
import { markNavigated } from '../../lib/navigation-focus';
import { hrefFor } from '../../lib/router';

export function SandboxUnavailable({ message }: { message?: string }) {
  const body = message
    ? `${t('security.unavailable.body')} ${t('security.unavailable.why', { message })}`
    : t('security.unavailable.body');
  return (
    <EmptyState
      icon={<IconContainer size={32} />}
      title={t('security.unavailable.title')}
      body={body}
      action={
        <a className="btn btn-primary btn-md" href={hrefFor('setup')} onClick={markNavigated}>
          {t('security.unavailable.action')}
        </a>
      }
    />
  );
}
