// "Download an image": a name, checked as the contract checks it (once the
// owner has left the field or pressed the button, so half-typed names do not
// shout), and the button; how the download goes shows underneath.
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { t } from '../../i18n/t';
import { canUseImage, checkImageName } from '../../lib/image-input';
import type { PullRun } from '../../stores/image-pull';
import { FormField } from './FormField';
import { PullStatus } from './PullStatus';

export interface PullFormProps {
  run?: PullRun;
  nextImage?: string;
  onPull: (image: string) => void;
  onChoose: (image: string | undefined) => void;
}

export function PullForm({ run, nextImage, onPull, onChoose }: PullFormProps) {
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const problem = checkImageName(name);
  const pulling = run?.state === 'running';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pulling) return;
    setChecked(true);
    if (problem) input.current?.focus();
    else onPull(name.trim());
  };

  return (
    <form className="image-form" aria-labelledby="image-pull-title" onSubmit={submit} noValidate>
      <h3 id="image-pull-title">{t('security.image.pull.title')}</h3>
      <FormField
        ref={input}
        name="image"
        label={t('security.image.pull.field')}
        hint={t('security.image.pull.hint')}
        error={checked && problem ? t(problem) : undefined}
        value={name}
        onChange={(event) => setName(event.target.value)}
        // Checked on leaving the form, not on the way to its button: an error appearing under the
        // field would move the button between press and release, and the press would be lost.
        onBlur={(event) => {
          if (!event.currentTarget.form?.contains(event.relatedTarget)) setChecked(name.trim() !== '');
        }}
      />
      <div className="image-actions">
        <Button type="submit" loading={pulling}>
          {t('security.image.pull.action')}
        </Button>
      </div>
      {run && (
        <PullStatus run={run} nextImage={nextImage} canUse={canUseImage(run.image)} onChoose={onChoose} />
      )}
    </form>
  );
}
