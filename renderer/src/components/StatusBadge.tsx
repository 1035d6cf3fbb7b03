// A state in colour and in words: the dot or tint is a hint, the label is the
// meaning (colour alone never carries it, WCAG 1.4.1).
import type { Tone } from '../lib/health-copy';
import { IconAlert, IconCheck, IconMinus } from './icons';
import './status.css';

export function StatusDot({ tone, label }: { tone: Tone | 'pending'; label?: string }) {
  return (
    <span
      className={`status-dot status-dot-${tone}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}

export function StatusBadge({ tone, label }: { tone: Tone; label: string }) {
  const Icon = tone === 'ok' ? IconCheck : tone === 'off' ? IconMinus : IconAlert;
  return (
    <span className={`badge badge-${tone}`}>
      <Icon size={16} />
      {label}
    </span>
  );
}
