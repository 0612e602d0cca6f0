import { useState } from 'preact/hooks';
import { LanguagePicker } from '../account/LanguagePicker';
import { login, loginWithPasskey, passkeysSupported } from '../api/allauth';
import { ApiError } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { msg, t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';

const NO_PASSKEY = msg('No passkey was used. You can try again, or log in with your email and password.');

export default function Login({ query }: PageProps) {
  const next = query.get('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const { busy, error, onSubmit } = useSubmit(async () => {
    setMessage(null);
    const { state } = await login({ email: email.trim(), password });
    if (state.status === 'authenticated') navigate(afterAuth(next), { replace: true });
    else if (state.pending.includes('verify_email')) navigate(withNext('/verify', next));
    else if (state.pending.includes('login_by_code')) navigate(withNext('/login/code', next));
    else if (state.pending.includes('mfa_authenticate')) navigate(withNext('/login/2fa', next));
    else setMessage(t("We couldn't finish logging you in. Please try again in a moment."));
  });

  const passkey = useSubmit(async () => {
    setMessage(null);
    try {
      const { state } = await loginWithPasskey();
      if (state.status === 'authenticated') navigate(afterAuth(next), { replace: true });
      else setMessage(t("We couldn't log you in with that passkey. Try your email and password."));
    } catch (err) {
      // The person closed the passkey prompt, or this device has none for us.
      if (err instanceof DOMException) throw new ApiError(0, [{ code: 'passkey', detail: t(NO_PASSKEY), field: null }]);
      throw err;
    }
  });

  const notice = query.has('reset')
    ? t('Your password is changed. Log in with your new password.')
    : query.has('verified')
      ? t('Your email is confirmed. Log in to carry on.')
      : null;

  return (
    <Page title={t('Log in')} heading={t('Welcome back')}>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <form class="form card" onSubmit={onSubmit} noValidate={false}>
        <FormError message={error?.detail ?? passkey.error?.detail ?? message} />
        <Field
          id="email"
          label={t('Email')}
          type="email"
          autocomplete="email"
          inputMode="email"
          required
          value={email}
          onValue={setEmail}
          error={error?.forField('email')}
        />
        <Field
          id="password"
          label={t('Password')}
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
          error={error?.forField('password')}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('Log in')}
        </button>
        {passkeysSupported() && (
          <button
            type="button"
            class="button button--quiet"
            disabled={passkey.busy}
            onClick={() => void passkey.onSubmit()}
          >
            {t('Use a passkey')}
          </button>
        )}
      </form>
      <div class="links">
        <a href={withNext('/password/forgot', next)}>{t('Forgot password?')}</a>
        <span>{rich(t('New here? <0>Sign up</0>'), [(text) => <a href={withNext('/signup', next)}>{text}</a>])}</span>
      </div>
      <LanguagePicker beforeSignIn />
    </Page>
  );
}
