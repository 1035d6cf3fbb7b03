// "Delete tiny:latest?": the confirmation names the model and what goes with
// it; Keep it takes focus, so Enter never deletes by accident. A refusal (the
// model is answering a chat) stays in the dialog as the core's sentence.
import { useState } from 'react';
import type { ModelEntry } from '../../../../shared/models-contract';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { IconAlert } from '../../components/icons';
import { t } from '../../i18n/t';
import { formatBytes } from '../../lib/byte-format';

export interface DeleteDialogProps {
  entry?: ModelEntry;
  onDelete: (entry: ModelEntry) => Promise<string | undefined>;
  onClose: () => void;
}

export function DeleteDialog({ entry, onDelete, onClose }: DeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const close = () => {
    setError(undefined);
    onClose();
  };
  const confirm = async () => {
    if (!entry) return;
    setBusy(true);
    const refused = await onDelete(entry);
    setBusy(false);
    if (refused) setError(refused);
    else close();
  };
  const name = entry?.name ?? '';
  return (
    <Dialog
      open={entry !== undefined}
      title={t('models.delete.title', { name })}
      role="alertdialog"
      onClose={close}
      actions={
        <>
          <Button data-autofocus onClick={close}>
            {t('models.delete.cancel')}
          </Button>
          <Button variant="danger" loading={busy} onClick={() => void confirm()}>
            {t('models.delete.confirm', { name })}
          </Button>
        </>
      }
    >
      <p>{t('models.delete.body', { size: formatBytes(entry?.size ?? 0) })}</p>
      {error && (
        <div className="notice notice-error models-notice" role="alert">
          <IconAlert />
          <div className="notice-text">
            <strong>{t('models.delete.failed', { name })}</strong>
            <p className="notice-message">{error}</p>
          </div>
        </div>
      )}
    </Dialog>
  );
}
