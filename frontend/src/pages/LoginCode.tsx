import { useState } from 'preact/hooks';
import { confirmLoginCode } from '../api/allauth';
import { ApiError } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { msg, t } from '../i18n/i18n';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';

const NOT_PENDING = msg('There is no code waiting for you right now. Please log in again and we will send a new one.');

/** The extra step after several failed logins for this address: a code sent to it. */
export default function LoginCode({ query }: PageProps) {
  const next = query.get('next');
  const [code, setCode] = useState('');

  const { busy, error, onSubmit } = useSubmit(async () => {
    try {
      const { state } = await confirmLoginCode(code.trim());
      if (state.status === 'authenticated') navigate(afterAuth(next), { replace: true });
      else navigate(withNext('/login', next), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        throw new ApiError(409, [{ code: 'not_pending', detail: t(NOT_PENDING), field: null }]);
      }
      throw err;
    }
  });

  return (
    <Page title={t('One more step')} heading={t('Check your email')}>
      <p class="lead">
        {t(
          "Someone tried to log in to this account several times, so we sent a short code to your email to make sure it's you. Type it here.",
        )}
      </p>
      <form class="form card" onSubmit={onSubmit}>
        <FormError message={error?.detail} />
        <Field
          id="code"
          label={t('Code')}
          class="code-input"
          autocomplete="one-time-code"
          autocapitalize="characters"
          spellcheck={false}
          required
          value={code}
          onValue={setCode}
          error={error?.forField('code')}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('Log in')}
        </button>
      </form>
      <p class="muted">{t('Nothing arrived? Check your spam folder, or log in again for a new code.')}</p>
    </Page>
  );
}
