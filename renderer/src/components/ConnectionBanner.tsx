// Says plainly when this window cannot reach the core at all because its
// access key was refused: retrying cannot help, the user has to act.
import { t } from '../i18n/t';
import { useApp } from '../stores/app-store';
import { IconWifiOff } from './icons';

export function ConnectionBanner() {
  const connection = useApp((state) => state.connection);
  if (connection !== 'unauthorized') return null;
  return (
    <div className="connection-banner" role="alert">
      <IconWifiOff />
      <div>
        <strong>{t('connection.unauthorized.title')}</strong>
        <p>{t('connection.unauthorized.hint')}</p>
      </div>
    </div>
  );
}
