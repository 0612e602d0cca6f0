import { useState } from 'preact/hooks';
import { FormError } from '../components/FormError';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { downloadExport } from './api';
import { withReauth } from './reauth';

/** "Download my data" and the way to the delete screen. */
export function YourData() {
  const [saved, setSaved] = useState<string | null>(null);
  const download = useSubmit(async () => {
    setSaved(null);
    setSaved(await withReauth(downloadExport));
  });
  return (
    <section class="card" aria-labelledby="data-title">
      <h2 id="data-title">{t('Your data')}</h2>
      <p class="muted">
        {t('Everything your account holds — your circles, check-ins, answers and notes — in one file you can keep.')}
      </p>
      <FormError message={download.error?.detail} />
      {saved && (
        <p class="notice" role="status">
          {t('Saved as {file}.', { file: saved })}
        </p>
      )}
      <button
        type="button"
        class="button button--quiet"
        disabled={download.busy}
        onClick={() => void download.onSubmit()}
      >
        {t('Download my data')}
      </button>
      <a class="button button--quiet" href="/account/delete">
        {t('Delete my account')}
      </a>
    </section>
  );
}
