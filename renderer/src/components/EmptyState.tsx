// What a view shows when it has nothing to show yet: an icon, a title, one
// honest sentence, and optionally a way forward.
import type { ReactNode } from 'react';
import './empty-state.css';

export interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  body: string;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}

export function EmptyState({ icon, title, body, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <div className="empty-state-icon">{icon}</div>
      <Heading className="empty-state-title">{title}</Heading>
      <p className="empty-state-body">{body}</p>
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
