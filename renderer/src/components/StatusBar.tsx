// The bottom bar: one live indicator per component of app.health, the link to
// the core, and the version. Each indicator says its state in words for
// screen readers and in a tooltip; the dot is only a hint.
import { componentIds, type ComponentHealth } from '../../../shared/contract';
import { t } from '../i18n/t';
import { describeHealth, type Platform } from '../lib/health-copy';
import { hrefFor } from '../lib/router';
import { useApp } from '../stores/app-store';
import { StatusDot } from './StatusBadge';
import './status-bar.css';

export function StatusBar() {
  const health = useApp((state) => state.health);
  const connection = useApp((state) => state.connection);
  const version = useApp((state) => state.info?.version);
  const connectionTone = connection === 'open' ? 'ok' : connection === 'unauthorized' ? 'error' : 'warn';

  return (
    <footer className="statusbar">
      <a className="statusbar-health" href={hrefFor('setup')}>
        <span className="sr-only">{t('status.health')}: </span>
        <ul className="statusbar-items">
          {componentIds.map((id) => (
            <Indicator
              key={id}
              id={id}
              health={health?.components.find((c) => c.id === id)}
              platform={health?.platform ?? 'other'}
            />
          ))}
        </ul>
      </a>
      <div className="statusbar-right">
        <span className={`statusbar-connection statusbar-connection-${connection}`} role="status">
          <StatusDot tone={connectionTone} />
          {t(`connection.${connection}`)}
        </span>
        {version && <span className="statusbar-version">{t('status.version', { version })}</span>}
      </div>
    </footer>
  );
}

function Indicator({
  id,
  health,
  platform,
}: {
  id: ComponentHealth['id'];
  health: ComponentHealth | undefined;
  platform: Platform;
}) {
  if (!health) {
    const name = t(`component.${id}.short`);
    return (
      <li className="statusbar-item" title={`${t(`component.${id}`)}: ${t('status.healthUnknown')}`}>
        <StatusDot tone="pending" />
        {name}
        <span className="sr-only">: {t('status.healthUnknown')}</span>
      </li>
    );
  }
  const copy = describeHealth(health, platform);
  return (
    <li
      className="statusbar-item"
      title={`${copy.name}: ${copy.label}`}
      data-component={id}
      data-tone={copy.tone}
    >
      <StatusDot tone={copy.tone} />
      {copy.shortName}
      <span className="sr-only">: {copy.label}</span>
    </li>
  );
}
