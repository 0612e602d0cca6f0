import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { ReportSheet, type ReportTarget } from './ReportSheet';

/** A quiet "Report" button that opens the report sheet for `target`. */
export function ReportButton({ target, label }: { target: ReportTarget; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class="button button--quiet" onClick={() => setOpen(true)}>
        {label ?? t('Report')}
      </button>
      {open && <ReportSheet target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
