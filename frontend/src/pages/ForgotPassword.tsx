import { useState } from 'preact/hooks';
import { requestPasswordReset } from '../api/allauth';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';

export default function ForgotPassword({ query }: PageProps) {
  const next = query.get('next');
  const [email, setEmail] = useState('');

  const { busy, error, onSubmit } = useSubmit(async () => {
    // 200 or a 401 with the pending `password_reset_by_code` flow both mean "code sent".
    await requestPasswordReset(email.trim());
    navigate(withNext('/password/reset', next));
  });

  return (
    <Page title={t('Forgot password')} heading={t('Forgot your password?')}>
      <p class="lead">{t("It happens. Tell us your email and we'll send you a code to choose a new one.")}</p>
      <form class="form card" onSubmit={onSubmit}>
        <FormError message={error?.detail} />
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
        <button type="submit" class="button" disabled={busy}>
          {t('Send code')}
        </button>
      </form>
      <div class="links">
        <a href={withNext('/login', next)}>{t('Log in')}</a>
      </div>
    </Page>
  );
}
