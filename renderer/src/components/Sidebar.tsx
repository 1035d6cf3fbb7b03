// The left navigation: plain links (so Tab, Enter and the browser's own
// history all work), the current one marked with aria-current="page".
import { t } from '../i18n/t';
import { markNavigated } from '../lib/navigation-focus';
import { hrefFor, type ViewId } from '../lib/router';
import { views } from '../views/registry';
import { IconLock } from './icons';
import './sidebar.css';

export function Sidebar({ current }: { current: ViewId }) {
  return (
    <div className="sidebar">
      <div className="brand">
        <span className="brand-mark">
          <IconLock size={20} />
        </span>
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      </div>
      <nav className="nav" aria-label={t('app.navLabel')}>
        <ul className="nav-list">
          {views.map(({ id, label, Icon }) => (
            <li key={id} className={id === 'setup' ? 'nav-item nav-item-bottom' : 'nav-item'}>
              <a
                className="nav-link"
                href={hrefFor(id)}
                aria-current={id === current ? 'page' : undefined}
                onClick={() => {
                  if (id !== current) markNavigated();
                }}
              >
                <Icon size={20} />
                <span>{t(label)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
