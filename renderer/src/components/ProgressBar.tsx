// Progress for anything that takes more than a moment. A native <progress>
// carries the ARIA semantics (and needs no inline style, which the CSP forbids);
// without a value it is indeterminate.
import './progress.css';

export interface ProgressBarProps {
  /** Read by screen readers, and shown above the bar unless hideLabel. */
  label: string;
  /** 0 to 1; leave out when the length of the work is unknown. */
  value?: number;
  hideLabel?: boolean;
  className?: string;
}

export function ProgressBar({ label, value, hideLabel = false, className }: ProgressBarProps) {
  const clamped = value === undefined ? undefined : Math.min(1, Math.max(0, value));
  return (
    <div className={`progress${className ? ` ${className}` : ''}`}>
      <div className={hideLabel ? 'sr-only' : 'progress-label'}>
        <span>{label}</span>
        {clamped !== undefined && <span className="progress-value">{Math.round(clamped * 100)}%</span>}
      </div>
      <progress className="progress-bar" aria-label={label} max={1} value={clamped} />
    </div>
  );
}
