import { useState } from 'preact/hooks';
import { login } from '../api/allauth';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';

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
    else setMessage("We couldn't finish logging you in. Please try again in a moment.");
  });

  const notice = query.has('reset')
    ? 'Your password is changed. Log in with your new password.'
    : query.has('verified')
      ? 'Your email is confirmed. Log in to carry on.'
      : null;

  return (
    <Page title="Log in" heading="Welcome back">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <form class="form card" onSubmit={onSubmit} noValidate={false}>
        <FormError message={error?.detail ?? message} />
        <Field
          id="email"
          label="Email"
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
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
          error={error?.forField('password')}
        />
        <button type="submit" class="button" disabled={busy}>
          Log in
        </button>
      </form>
      <div class="links">
        <a href={withNext('/password/forgot', next)}>Forgot password?</a>
        <span>
          New here? <a href={withNext('/signup', next)}>Sign up</a>
        </span>
      </div>
    </Page>
  );
}
