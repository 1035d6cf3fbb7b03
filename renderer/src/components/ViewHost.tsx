// Shows the current view: loads its code lazily, and catches what it throws so
// one broken view never takes the window down (a kind sentence and a reload).
import { Component, Suspense, useState, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/t';
import type { ViewId } from '../lib/router';
import { retryView, viewComponents } from '../views/registry';
import { Button } from './Button';
import { EmptyState } from './EmptyState';
import { IconAlert, IconRefresh } from './icons';
import { PageHeader } from './PageHeader';
import { ProgressBar } from './ProgressBar';

export function ViewHost({ view, title }: { view: ViewId; title: string }) {
  const [attempt, setAttempt] = useState(0);
  const View = viewComponents[view];
  const reload = () => {
    retryView(view);
    setAttempt((n) => n + 1);
  };
  return (
    <ViewBoundary key={`${view}:${attempt}`} title={title} onReload={reload}>
      <Suspense fallback={<ViewLoading />}>
        <View />
      </Suspense>
    </ViewBoundary>
  );
}

function ViewLoading() {
  return (
    <div className="view-loading">
      <ProgressBar label={t('view.loading')} hideLabel />
    </div>
  );
}

interface BoundaryProps {
  children: ReactNode;
  title: string;
  onReload: () => void;
}

class ViewBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the developer tools; the user reads the sentence below.
    console.error('[airlock] a view failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="view">
        <PageHeader title={this.props.title} />
        <EmptyState
          icon={<IconAlert size={32} />}
          title={t('view.failed.title')}
          body={t('view.failed.body')}
          action={
            <Button variant="primary" icon={<IconRefresh size={16} />} onClick={this.props.onReload}>
              {t('view.failed.reload')}
            </Button>
          }
        />
      </div>
    );
  }
}
