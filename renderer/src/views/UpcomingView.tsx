// The honest page for a view whose feature has not landed yet: its name, what
// will live here, and the way to the one view that works today. No fake data.
import type { ReactNode } from 'react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { t } from '../i18n/t';
import { markNavigated } from '../lib/navigation-focus';
import { hrefFor } from '../lib/router';
import '../components/button.css';

type UpcomingId = 'chat' | 'security' | 'monitor' | 'models' | 'family' | 'audit';

export function UpcomingView({ id, icon }: { id: UpcomingId; icon: ReactNode }) {
  return (
    <div className="view">
      <PageHeader title={t(`view.${id}`)} lead={t(`view.${id}.lead`)} />
      <EmptyState
        icon={icon}
        title={t('empty.title')}
        body={t('empty.body')}
        action={
          <a className="btn btn-secondary btn-md" href={hrefFor('setup')} onClick={markNavigated}>
            {t('empty.action')}
          </a>
        }
      />
    </div>
  );
}
