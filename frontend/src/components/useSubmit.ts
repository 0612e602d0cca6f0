import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { t } from '../i18n/i18n';

/** Submit handler state for a form: busy flag and the last error, as an ApiError. */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onSubmit = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err
          : new ApiError(0, [{ code: 'error', detail: t('Something went wrong. Please try again.'), field: null }]),
      );
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, onSubmit };
}
