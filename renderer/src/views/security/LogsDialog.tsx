// The runtime's last lines in a dialog: monospace, scrollable (and reachable by
// keyboard, since the log box takes focus), closed with Escape or Close.
import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { IconRefresh } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { t } from '../../i18n/t';
import { useDelayed } from '../../lib/use-delayed';
import { defaultLogTail, useSandbox } from '../../stores/sandbox-store';

export function LogsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const logs = useSandbox((state) => state.logs);
  const loading = useSandbox((state) => state.logsLoading);
  const error = useSandbox((state) => state.logsError);
  const loadLogs = useSandbox((state) => state.loadLogs);
  const showProgress = useDelayed(loading);

  useEffect(() => {
    if (open) void loadLogs();
  }, [open, loadLogs]);

  return (
    <Dialog
      open={open}
      title={t('security.logs.title')}
      description={t('security.logs.lead', { count: defaultLogTail })}
      onClose={onClose}
      className="logs-dialog"
      actions={
        <>
          <Button icon={<IconRefresh size={16} />} loading={loading} onClick={() => void loadLogs()}>
            {t('security.logs.refresh')}
          </Button>
          <Button variant="primary" onClick={onClose}>
            {t('security.logs.close')}
          </Button>
        </>
      }
    >
      <div aria-live="polite">{showProgress && <ProgressBar label={t('security.logs.loading')} />}</div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {logs && (
        // A focusable region so the keyboard can scroll it (axe: scrollable-region-focusable).
        <pre className="logs" tabIndex={0} aria-label={t('security.logs.title')} role="region">
          {logs.length > 0 ? logs.join('\n') : t('security.logs.empty')}
        </pre>
      )}
    </Dialog>
  );
}
