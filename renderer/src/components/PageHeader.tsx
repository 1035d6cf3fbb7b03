// The top of every view: its one h1, a sentence on what it is for, and actions.
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { takeNavigated } from '../lib/navigation-focus';
import './page.css';

export interface PageHeaderProps {
  title: string;
  lead?: string;
  actions?: ReactNode;
}

export function PageHeader({ title, lead, actions }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (takeNavigated()) heading.current?.focus();
  }, []);
  return (
    <header className="page-header">
      <div className="page-header-text">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead && <p className="page-lead">{lead}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}
