import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n';
import './Sheet.css';

interface SheetProps {
  id: string;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}

/**
 * A bottom sheet on a native modal <dialog>: the browser traps focus, closes on Escape,
 * makes the page behind inert and hands focus back to the opener.
 */
export function Sheet({ id, title, onClose, children }: SheetProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const close = () => ref.current?.close();
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard closes a <dialog> natively (Escape); the click is the backdrop tap.
    <dialog
      ref={ref}
      class="sheet"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onClick={(event) => {
        // A tap on the backdrop (the dialog box itself, outside its content) closes it.
        if (event.target === ref.current) close();
      }}
    >
      <div class="sheet-body">
        <div class="sheet-head">
          <h2 id={`${id}-title`}>{title}</h2>
          <button type="button" class="sheet-close" onClick={close}>
            {t('Close')}
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
