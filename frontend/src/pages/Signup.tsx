import { useState } from 'preact/hooks';
import { LanguagePicker } from '../account/LanguagePicker';
import { signup } from '../api/allauth';
import { DISPLAY_NAME_MAX } from '../api/limits';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';
import { deviceTimeZone } from '../timezones';

export default function Signup({ query }: PageProps) {
  const next = query.get('next');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const { busy, error, onSubmit } = useSubmit(async () => {
    const { state } = await signup({
      email: email.trim(),
      password,
      display_name: name.trim(),
      timezone: deviceTimeZone() || undefined,
    });
    if (state.status === 'authenticated') navigate(afterAuth(next), { replace: true });
    else navigate(withNext('/verify', next));
  });

  return (
    <Page title={t('Sign up')} heading={t('Create your account')}>
      <p class="lead">{t('Shoulder is for a few people you trust, for the days when one of you needs the others.')}</p>
      <form class="form card" onSubmit={onSubmit}>
        <FormError message={error?.detail} />
        <Field
          id="display_name"
          label={t('Your name')}
          hint={t('What your friends call you.')}
          autocomplete="nickname"
          required
          maxLength={DISPLAY_NAME_MAX}
          value={name}
          onValue={setName}
          error={error?.forField('display_name')}
        />
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
          hint={t('At least 10 characters. A few words strung together works well.')}
          type="password"
          autocomplete="new-password"
          required
          value={password}
          onValue={setPassword}
          error={error?.forField('password')}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('Create account')}
        </button>
      </form>
      <div class="links">
        <span>
          {rich(t('Already have an account? <0>Log in</0>'), [(text) => <a href={withNext('/login', next)}>{text}</a>])}
        </span>
      </div>
      <LanguagePicker beforeSignIn />
    </Page>
  );
}
