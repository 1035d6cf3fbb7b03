// A modal dialog on the native <dialog>: the browser traps focus inside it and
// closes it on Escape; we hand focus back to whatever opened it, since a
// keyboard user must land where they were (WCAG 2.4.3).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { t } from '../i18n/t';
import { Button } from './Button';
import { IconClose } from './icons';
import './dialog.css';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called however it closes: Escape, the close button, or an action. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; the one that should take focus on open carries data-autofocus. */
  actions?: ReactNode;
  className?: string;
  /** A sentence under the title, read with it. */
  description?: string;
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({
  open,
  title,
  onClose,
  children,
  actions,
  className,
  description,
  role,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // showModal focuses the first focusable element (the close button); React's autoFocus ran
      // while the dialog was still hidden. So the chosen element is focused here, once it can be.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // The dialog may unmount while open (the view changes): give focus back then too.
  useEffect(() => () => opener.current?.focus(), []);

  const onDialogClose = () => {
    opener.current?.focus();
    opener.current = null;
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onDialogClose}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <Button
              variant="ghost"
              size="sm"
              className="dialog-close"
              aria-label={t('dialog.close')}
              icon={<IconClose size={16} />}
              onClick={() => ref.current?.close()}
            />
          </header>
          {description && (
            <p id={descriptionId} className="dialog-description">
              {description}
            </p>
          )}
          <div className="dialog-body">{children}</div>
          {actions && <footer className="dialog-actions">{actions}</footer>}
        </>
      )}
    </dialog>
  );
}
