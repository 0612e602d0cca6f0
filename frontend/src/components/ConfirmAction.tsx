import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import './ConfirmAction.css';

interface ConfirmActionProps {
  /** The first button, e.g. "Delete circle". */
  label: string;
  /** The button that does it, e.g. "Yes, delete it". */
  confirmLabel: string;
  /** What will happen, said plainly before it does. */
  children: ComponentChildren;
  busy?: boolean;
  onConfirm: () => void;
}

/** A two-step action: nothing irreversible happens on the first tap. */
export function ConfirmAction({ label, confirmLabel, children, busy, onConfirm }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="button button--quiet" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={label}>
      <div class="confirm-text">{children}</div>
      <div class="actions">
        <button ref={confirmRef} type="button" class="button" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="button button--quiet" onClick={() => setAsking(false)}>
          {t('Cancel')}
        </button>
      </div>
    </div>
  );
}
