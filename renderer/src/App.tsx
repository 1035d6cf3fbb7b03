// The app: starts the stores once, follows the route, and frames the view.
import { useEffect } from 'react';
import { AppFrame } from './components/AppFrame';
import { ViewHost } from './components/ViewHost';
import { t } from './i18n/t';
import { useRoute } from './lib/use-route';
import { useApp } from './stores/app-store';

export function App() {
  const view = useRoute();
  const start = useApp((state) => state.start);
  useEffect(() => start(), [start]);

  const title = t(`view.${view}`);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);

  return (
    <AppFrame current={view}>
      <ViewHost view={view} title={title} />
    </AppFrame>
  );
}
