// "Import a model": a file path or an https address, the publisher's SHA-256
// and an optional name, each checked as the contract checks them once the
// owner presses Import; how the import goes shows underneath.
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { t } from '../../i18n/t';
import type { ImportRequest } from '../../stores/models-store';
import type { ImportRun } from '../../stores/models-store-import';
import { FormField } from '../security/FormField';
import { checkImport, type ImportDraft, type ImportFrom } from './import-input';
import { ImportStatus } from './ImportStatus';

export interface ImportFormProps {
  run?: ImportRun;
  onImport: (request: ImportRequest) => void;
  onCancel: () => void;
}

const empty: ImportDraft = { from: 'file', path: '', url: '', sha256: '', name: '' };

export function ImportForm({ run, onImport, onCancel }: ImportFormProps) {
  const [draft, setDraft] = useState(empty);
  const [checked, setChecked] = useState(false);
  const pathRef = useRef<HTMLInputElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const shaRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const importing = run?.state === 'running';
  const { problems, input } = checkImport(draft);
  const shown = checked ? problems : {};
  const error = (key: keyof typeof problems) => {
    const problem = shown[key];
    return problem ? t(problem) : undefined;
  };
  const edit = (key: keyof ImportDraft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (importing) return;
    setChecked(true);
    if (!input) {
      // The first field that needs fixing takes focus, in the order they are shown.
      const first = [
        [problems.path, pathRef],
        [problems.url, urlRef],
        [problems.sha256, shaRef],
        [problems.name, nameRef],
      ] as const;
      first.find(([problem]) => problem)?.[1].current?.focus();
      return;
    }
    onImport(input);
  };

  const chooseFrom = (from: ImportFrom) => setDraft((d) => ({ ...d, from }));

  return (
    <Card as="section" className="import-card" aria-labelledby="import-title">
      <form className="import-form" onSubmit={submit} noValidate>
        <div>
          <h2 id="import-title">{t('models.import.title')}</h2>
          <p className="import-lead">{t('models.import.lead')}</p>
        </div>
        <fieldset className="import-from">
          <legend>{t('models.import.from')}</legend>
          {(['file', 'url'] as const).map((from) => (
            <label key={from} className="import-from-option">
              <input
                type="radio"
                name="import-from"
                value={from}
                checked={draft.from === from}
                onChange={() => chooseFrom(from)}
              />
              {t(from === 'file' ? 'models.import.fromFile' : 'models.import.fromUrl')}
            </label>
          ))}
        </fieldset>
        {draft.from === 'file' ? (
          <FormField
            ref={pathRef}
            name="path"
            label={t('models.import.path')}
            hint={t('models.import.pathHint')}
            error={error('path')}
            value={draft.path}
            onChange={edit('path')}
          />
        ) : (
          <FormField
            ref={urlRef}
            name="url"
            label={t('models.import.url')}
            hint={t('models.import.urlHint')}
            error={error('url')}
            value={draft.url}
            onChange={edit('url')}
          />
        )}
        <FormField
          ref={shaRef}
          name="sha256"
          className="import-sha"
          label={t('models.import.sha256')}
          hint={t('models.import.sha256Hint')}
          error={error('sha256')}
          value={draft.sha256}
          onChange={edit('sha256')}
        />
        <FormField
          ref={nameRef}
          name="name"
          label={t('models.import.name')}
          hint={t('models.import.nameHint')}
          error={error('name')}
          value={draft.name}
          onChange={edit('name')}
        />
        <div className="import-actions">
          <Button type="submit" variant="primary" loading={importing}>
            {t('models.import.action')}
          </Button>
        </div>
        {run && <ImportStatus run={run} onCancel={onCancel} />}
      </form>
    </Card>
  );
}
