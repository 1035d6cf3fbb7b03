// Buttons in three kinds. While loading, the button stays focusable (so focus
// is not lost mid-action) but ignores presses and says it is busy.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './button.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'sm' | 'md';
  loading?: boolean;
  icon?: ReactNode;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  loading = false,
  icon,
  className,
  children,
  onClick,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, `btn-${size}`, loading ? 'is-loading' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      aria-busy={loading || undefined}
      aria-disabled={loading || rest.disabled || rest['aria-disabled'] || undefined}
      onClick={loading ? undefined : onClick}
    >
      {loading ? <span className="btn-spinner" aria-hidden="true" /> : icon}
      {children !== undefined && <span className="btn-label">{children}</span>}
    </button>
  );
}
