import { useEffect, useState } from 'preact/hooks';
import {
  type AuthenticatorType,
  authenticateSecondFactor,
  authenticateWithPasskey,
  passkeysSupported,
  pendingSecondFactors,
} from '../api/allauth';
import { ApiError } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { msg, t } from '../i18n/i18n';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';

const NOT_PENDING = msg('This step has timed out. Please log in again.');

/** The second step of a login for someone with two-factor on: a code, or one of their passkeys. */
export default function LoginSecondFactor({ query }: PageProps) {
  const next = query.get('next');
  const [code, setCode] = useState('');
  const [types, setTypes] = useState<AuthenticatorType[]>([]);

  useEffect(() => {
    pendingSecondFactors()
      .then((found) => {
        if (found.length === 0) navigate(withNext('/login', next), { replace: true });
        setTypes(found);
      })
      .catch(() => setTypes([]));
  }, [next]);

  const finish = (authenticated: boolean) =>
    navigate(authenticated ? afterAuth(next) : withNext('/login', next), { replace: true });

  const withCode = useSubmit(async () => {
    try {
      const { state } = await authenticateSecondFactor(code.replace(/\s/g, ''));
      finish(state.status === 'authenticated');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        throw new ApiError(409, [{ code: 'not_pending', detail: t(NOT_PENDING), field: null }]);
      }
      throw err;
    }
  });

  const withPasskey = useSubmit(async () => {
    try {
      const { state } = await authenticateWithPasskey();
      finish(state.status === 'authenticated');
    } catch (err) {
      if (err instanceof DOMException) {
        throw new ApiError(0, [{ code: 'passkey', detail: t('No passkey was used. You can try again.'), field: null }]);
      }
      throw err;
    }
  });

  const totp = types.includes('totp');
  const recovery = types.includes('recovery_codes');
  const passkey = types.includes('webauthn') && passkeysSupported();
  const error = withCode.error ?? withPasskey.error;

  return (
    <Page title={t('One more step')} heading={t('One more step')}>
      <p class="lead">
        {totp
          ? t('Open your authenticator app and type the code it shows for Shoulder.')
          : t('Confirm it is you with your passkey.')}
      </p>
      <FormError message={error && !error.forField('code') ? error.detail : null} />
      {(totp || recovery) && (
        <form class="form card" onSubmit={withCode.onSubmit}>
          <Field
            id="code"
            label={t('Code')}
            hint={recovery ? t('Lost your phone? A recovery code works here too, once.') : undefined}
            class="code-input"
            autocomplete="one-time-code"
            spellcheck={false}
            required
            value={code}
            onValue={setCode}
            error={withCode.error?.forField('code')}
          />
          <button type="submit" class="button" disabled={withCode.busy}>
            {t('Log in')}
          </button>
        </form>
      )}
      {passkey && (
        <button
          type="button"
          class="button button--quiet"
          disabled={withPasskey.busy}
          onClick={() => void withPasskey.onSubmit()}
        >
          {t('Use a passkey instead')}
        </button>
      )}
    </Page>
  );
}
