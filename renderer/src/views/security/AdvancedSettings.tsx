// The optional settings for the next switch (memory, CPUs, GPU, port) behind
// a disclosure. Each field says what is wrong with it right under it, and is
// tied to that message for screen readers (aria-invalid, aria-describedby).
import { useId, type ChangeEvent } from 'react';
import { t, type MessageKey } from '../../i18n/t';
import type { AdvancedDraft, AdvancedField } from '../../lib/advanced-settings';

export interface AdvancedSettingsProps {
  draft: AdvancedDraft;
  errors: Partial<Record<AdvancedField, MessageKey>>;
  onChange: (draft: AdvancedDraft) => void;
  disabled?: boolean;
}

const numberFields: { field: AdvancedField; label: MessageKey; mode: 'numeric' | 'decimal' }[] = [
  { field: 'memoryMb', label: 'security.field.memoryMb', mode: 'numeric' },
  { field: 'cpus', label: 'security.field.cpus', mode: 'decimal' },
  { field: 'port', label: 'security.field.port', mode: 'numeric' },
];

export function AdvancedSettings({ draft, errors, onChange, disabled }: AdvancedSettingsProps) {
  const id = useId();
  return (
    <details className="advanced">
      <summary>{t('security.advanced')}</summary>
      <p className="advanced-hint">{t('security.advanced.hint')}</p>
      <div className="advanced-fields">
        {numberFields.map(({ field, label, mode }) => {
          const error = errors[field];
          const errorId = `${id}-${field}-error`;
          return (
            <div key={field} className="field">
              <label htmlFor={`${id}-${field}`}>{t(label)}</label>
              <input
                id={`${id}-${field}`}
                name={field}
                type="text"
                inputMode={mode}
                autoComplete="off"
                spellCheck={false}
                value={draft[field]}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(event: ChangeEvent<HTMLInputElement>) =>
                  onChange({ ...draft, [field]: event.target.value })
                }
              />
              {error && (
                <p id={errorId} className="field-error">
                  {t(error)}
                </p>
              )}
            </div>
          );
        })}
        <div className="field field-check">
          <input
            id={`${id}-gpu`}
            type="checkbox"
            checked={draft.gpu}
            disabled={disabled}
            aria-describedby={`${id}-gpu-hint`}
            onChange={(event) => onChange({ ...draft, gpu: event.target.checked })}
          />
          <label htmlFor={`${id}-gpu`}>{t('security.field.gpu')}</label>
          <p id={`${id}-gpu-hint`} className="field-hint">
            {t('security.field.gpuHint')}
          </p>
        </div>
      </div>
    </details>
  );
}
