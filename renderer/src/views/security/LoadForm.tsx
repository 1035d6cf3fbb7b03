// "Load from a file", for machines that cannot reach a registry: the path of
// a `docker save` archive on the machine where Airlock runs (a file dialog
// comes with the Electron shell), the images it held, or the core's sentence.
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { IconAlert } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { t } from '../../i18n/t';
import { canUseImage, checkTarPath } from '../../lib/image-input';
import { useDelayed } from '../../lib/use-delayed';
import type { LoadRun } from '../../stores/image-store';
import { FormField } from './FormField';
import { UseImageButton } from './UseImageButton';

export interface LoadFormProps {
  run?: LoadRun;
  nextImage?: string;
  onLoad: (path: string) => void;
  onChoose: (image: string | undefined) => void;
}

export function LoadForm({ run, nextImage, onLoad, onChoose }: LoadFormProps) {
  const [path, setPath] = useState('');
  const [checked, setChecked] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const problem = checkTarPath(path);
  const loading = run?.state === 'running';
  const showBar = useDelayed(loading);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    setChecked(true);
    if (problem) input.current?.focus();
    else onLoad(path.trim());
  };

  return (
    <form className="image-form" aria-labelledby="image-load-title" onSubmit={submit} noValidate>
      <h3 id="image-load-title">{t('security.image.load.title')}</h3>
      <FormField
        ref={input}
        name="path"
        label={t('security.image.load.field')}
        hint={t('security.image.load.hint')}
        error={checked && problem ? t(problem) : undefined}
        value={path}
        onChange={(event) => setPath(event.target.value)}
        // Checked on leaving the form, not on the way to its button: an error appearing under the
        // field would move the button between press and release, and the press would be lost.
        onBlur={(event) => {
          if (!event.currentTarget.form?.contains(event.relatedTarget)) setChecked(path.trim() !== '');
        }}
      />
      <div className="image-actions">
        <Button type="submit" loading={loading}>
          {t('security.image.load.action')}
        </Button>
      </div>
      {showBar && <ProgressBar label={t('security.image.load.running')} />}
      <div className="image-result" aria-live="polite">
        {run?.state === 'done' && (
          <div className="image-done" data-load="done">
            <p>{t('security.image.load.done', { path: run.path })}</p>
            <ul className="image-list">
              {(run.images ?? []).map((image, index) => (
                <li key={image} data-image={image}>
                  <code id={`${id}-${index}`}>{image}</code>
                  {canUseImage(image) ? (
                    <UseImageButton
                      image={image}
                      chosen={nextImage === image}
                      describedBy={`${id}-${index}`}
                      onChoose={onChoose}
                    />
                  ) : (
                    <span className="field-hint">{t('security.image.load.untagged')}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {run?.state === 'failed' && (
        <div className="notice notice-error image-failed" role="alert" data-load="failed">
          <IconAlert />
          <div className="notice-text">
            <strong>{t('security.image.load.failed')}</strong>
            <p className="notice-message">{run.error}</p>
          </div>
        </div>
      )}
    </form>
  );
}
