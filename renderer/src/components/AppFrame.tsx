// The window's frame: skip link, navigation, the view in <main>, the status
// bar and the notification corner. Landmarks: nav, main, contentinfo.
import type { MouseEvent, ReactNode } from 'react';
import { t } from '../i18n/t';
import type { ViewId } from '../lib/router';
import { ConnectionBanner } from './ConnectionBanner';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';
import './app-frame.css';

export function AppFrame({ current, children }: { current: ViewId; children: ReactNode }) {
  return (
    <div className="frame">
      <a className="skip-link" href="#content" onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <Sidebar current={current} />
      <main id="content" className="frame-main" tabIndex={-1}>
        <ConnectionBanner />
        {children}
      </main>
      <StatusBar />
      <Toasts />
    </div>
  );
}

/** `#content` would be read as a route; move focus ourselves and leave the hash alone. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById('content');
  const heading = main?.querySelector<HTMLElement>('h1');
  (heading ?? main)?.focus();
}
