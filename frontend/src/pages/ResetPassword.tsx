import { useState } from 'preact/hooks';
import { resetPassword } from '../api/allauth';
import { ApiError } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { t } from '../i18n/i18n';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';

export default function ResetPassword({ query }: PageProps) {
  const next = query.get('next');
  const [code, setCode] = useState(query.get('key') ?? '');
  const [password, setPassword] = useState('');

  const { busy, error, onSubmit } = useSubmit(async () => {
    try {
      const { state } = await resetPassword({ key: code.trim(), password });
      if (state.status === 'authenticated') navigate(afterAuth(next), { replace: true });
      else navigate(withNext('/login?reset=done', next), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        throw new ApiError(409, [
          {
            code: 'not_pending',
            detail: t('This code has run out. Please ask for a new one.'),
            field: null,
          },
        ]);
      }
      throw err;
    }
  });

  return (
    <Page title={t('Reset password')} heading={t('Choose a new password')}>
      <p class="lead">
        {t('If that email has an account with us, a code is on its way. Type it here with your new password.')}
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
          error={error?.forField('key')}
        />
        <Field
          id="new-password"
          label={t('New password')}
          type="password"
          autocomplete="new-password"
          required
          value={password}
          onValue={setPassword}
          error={error?.forField('password')}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('Reset password')}
        </button>
      </form>
      <div class="links">
        <a href={withNext('/password/forgot', next)}>{t('Send a new code')}</a>
        <a href={withNext('/login', next)}>{t('Log in')}</a>
      </div>
    </Page>
  );
}
