// One labelled text field with its hint and, once shown, what is wrong with
// it, both tied to the input for screen readers (aria-describedby,
// aria-invalid), as the advanced settings do it.
import { useId, type InputHTMLAttributes, type Ref } from 'react';

export interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  hint?: string;
  /** The sentence to show under the field; undefined when it is fine (or not yet worth saying). */
  error?: string;
  /** React 19 passes a ref as a plain prop. */
  ref?: Ref<HTMLInputElement>;
}

export function FormField({ label, hint, error, className, ref, ...input }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        ref={ref}
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
