interface FieldProps {
  type?: 'text' | 'email' | 'password' | 'tel';
  autocomplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'tel';
  autocapitalize?: 'off' | 'none' | 'characters' | 'words' | 'sentences';
  spellcheck?: boolean;
  required?: boolean;
  maxLength?: number;
  class?: string;
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  error?: string | undefined;
}

/** A labelled input; hint and error are tied to it with aria-describedby. */
export function Field({ id, label, value, onValue, hint, error, type = 'text', ...rest }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={id}
        type={type as 'text'}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
