import { useId, type ReactNode } from 'react';
import { ApiError } from '../api/problem';

interface FieldProps {
  label: string;
  /** The field name as the API reports it in a validation problem's `errors`. */
  name: string;
  error?: unknown;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}

/** A labelled form control with its hint and the server's message for it, both announced. */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const id = useId();
  const message = error instanceof ApiError ? error.fieldError(name) : undefined;
  const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        name,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(message ? { 'aria-invalid': true } : {}),
      })}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
    </div>
  );
}
