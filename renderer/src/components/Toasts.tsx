// The notification corner. The live region is always in the page (screen
// readers only announce changes to a region they already know); each toast
// can be dismissed with its button or with Escape while focus is inside it.
import type { KeyboardEvent } from 'react';
import { t } from '../i18n/t';
import { useToasts, type Toast } from '../stores/toast-store';
import { Button } from './Button';
import { IconAlert, IconClose, IconInfo } from './icons';
import './toast.css';

export function Toasts() {
  const toasts = useToasts((state) => state.toasts);
  return (
    <section className="toasts" aria-label={t('toast.region')}>
      <ol className="toasts-list" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToasts((state) => state.dismiss);
  // The focused button is about to vanish; hand focus to the view's heading, not to <body>.
  const close = (event: { currentTarget: HTMLElement }) => {
    if (event.currentTarget.closest('li')?.contains(document.activeElement)) {
      const main = document.getElementById('content');
      (main?.querySelector<HTMLElement>('h1') ?? main)?.focus();
    }
    dismiss(toast.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key === 'Escape') close(event);
  };
  return (
    <li className={`toast toast-${toast.tone}`} onKeyDown={onKeyDown}>
      <span className="toast-icon">{toast.tone === 'error' ? <IconAlert /> : <IconInfo />}</span>
      <p className="toast-message">{toast.message}</p>
      <Button
        variant="ghost"
        size="sm"
        className="toast-dismiss"
        aria-label={t('toast.dismiss')}
        icon={<IconClose size={16} />}
        onClick={close}
      />
    </li>
  );
}
