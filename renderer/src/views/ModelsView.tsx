// Models: the inventory with each model's provenance, SHA-256 and safety
// check (MI-06), verified import from a file or an https address (MI-01…MI-04
// run in the core), and delete with a confirmation that names the model.
// "Check files now" re-hashes the stored files (models.verify); a changed one is marked on its card.
// Children see the list only; the core refuses their imports and deletes anyway.
// Pulls from Ollama's registry are not here yet (they arrive with the Ollama client).
import { useEffect, useState } from 'react';
import type { ModelEntry } from '../../../shared/models-contract';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { IconAlert, IconLock, IconModels } from '../components/icons';
import { PageHeader } from '../components/PageHeader';
import { t } from '../i18n/t';
import { useModels } from '../stores/models-store';
import { DeleteDialog } from './models/DeleteDialog';
import { ImportForm } from './models/ImportForm';
import { CheckOutcome } from './models/CheckOutcome';
import { ModelCard } from './models/ModelCard';
import './models/models.css';

export default function ModelsView() {
  const { models, canManage, loadError, run, load, startImport, cancelImport, deleteModel } = useModels();
  const { check, checkFiles } = useModels();
  const [deleting, setDeleting] = useState<ModelEntry>();
  useEffect(() => void load(), [load]);

  const count = models?.length ?? 0;
  return (
    <div className="view models-view">
      <PageHeader title={t('view.models')} lead={t('view.models.lead')} />
      <div className="models-layout">
        <section
          className="models-inventory"
          aria-labelledby="inventory-title"
          aria-busy={!models && !loadError}
        >
          <div className="models-inventory-head">
            <h2 id="inventory-title">{t('models.inventory.title')}</h2>
            {models && (
              <p className="models-count">
                {count === 1 ? t('models.inventory.countOne') : t('models.inventory.count', { count })}
              </p>
            )}
            {canManage && models && count > 0 && (
              <Button
                size="sm"
                className="models-check"
                disabled={check?.state === 'running'}
                onClick={() => void checkFiles()}
              >
                {check?.state === 'running' ? t('models.check.running') : t('models.check.action')}
              </Button>
            )}
          </div>
          <CheckOutcome check={check} />
          {loadError && (
            <div className="notice notice-error models-notice" role="alert">
              <IconAlert />
              <div className="notice-text">
                <strong>{t('models.inventory.loadFailed')}</strong>
                <p className="notice-message">{loadError}</p>
              </div>
              <Button size="sm" onClick={() => void load()}>
                {t('models.inventory.retry')}
              </Button>
            </div>
          )}
          {!models && !loadError && <p className="models-loading">{t('models.inventory.loading')}</p>}
          {models && count === 0 && (
            <EmptyState
              icon={<IconModels size={32} />}
              title={t('models.empty.title')}
              body={canManage ? t('models.empty.body') : t('models.empty.kid')}
              headingLevel={3}
            />
          )}
          {models && count > 0 && (
            <ul className="model-list">
              {models.map((entry) => (
                <ModelCard key={entry.id} entry={entry} canManage={canManage} onDelete={setDeleting} />
              ))}
            </ul>
          )}
        </section>
        {canManage ? (
          <ImportForm
            run={run}
            onImport={(request) => void startImport(request)}
            onCancel={() => void cancelImport()}
          />
        ) : (
          models && (
            <p className="models-kid-note">
              <IconLock size={16} /> {t('models.kidNote')}
            </p>
          )
        )}
      </div>
      <DeleteDialog
        entry={deleting}
        onDelete={(entry) => deleteModel(entry.id)}
        onClose={() => setDeleting(undefined)}
      />
    </div>
  );
}
