// Asks before a link from an answer leaves Airlock, showing the whole address
// (and its host on its own, where look-alike tricks hide), with Cancel taking
// focus so a stray Enter opens nothing.
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { t } from '../../i18n/t';
import { useLinks } from '../../stores/link-store';

function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).host : undefined;
}

export function LinkDialog() {
  const { pending, opening, error, cancel, confirm } = useLinks();
  const host = pending === undefined ? undefined : hostOf(pending);
  return (
    <Dialog
      open={pending !== undefined}
      title={t('chat.link.title')}
      description={t('chat.link.description')}
      onClose={cancel}
      className="chat-link-dialog"
      actions={
        <>
          <Button data-autofocus onClick={cancel}>
            {t('chat.link.cancel')}
          </Button>
          <Button variant="primary" loading={opening} onClick={() => void confirm()}>
            {opening ? t('chat.link.opening') : t('chat.link.confirm')}
          </Button>
        </>
      }
    >
      <dl className="chat-link-facts">
        {host && (
          <>
            <dt>{t('chat.link.site')}</dt>
            <dd className="chat-link-host">{host}</dd>
          </>
        )}
        <dt>{t('chat.link.address')}</dt>
        <dd className="chat-link-url" data-link-url>
          {pending}
        </dd>
      </dl>
      {error && (
        <p className="chat-link-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
