import { useState } from 'preact/hooks';
import { resendVerification, verifyEmail } from '../api/allauth';
import { ApiError } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';

const NOT_PENDING = 'There is no code waiting for you right now. Please log in again and we will send a new one.';

export default function Verify({ query }: PageProps) {
  const next = query.get('next');
  // The emailed link (HEADLESS_FRONTEND_URLS) lands here as /verify?key=…
  const [code, setCode] = useState(query.get('key') ?? '');
  const [sent, setSent] = useState<string | null>(null);

  const verify = useSubmit(async () => {
    setSent(null);
    try {
      const { state } = await verifyEmail(code.trim());
      if (state.status === 'authenticated') navigate(afterAuth(next), { replace: true });
      else navigate(withNext('/login?verified=1', next), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        throw new ApiError(409, [{ code: 'not_pending', detail: NOT_PENDING, field: null }]);
      }
      throw err;
    }
  });

  const resend = useSubmit(async () => {
    setSent(null);
    try {
      await resendVerification();
      setSent('We sent you a new code. It can take a minute to arrive.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        throw new ApiError(409, [{ code: 'not_pending', detail: NOT_PENDING, field: null }]);
      }
      throw err;
    }
  });

  const error = verify.error ?? resend.error;
  return (
    <Page title="Verify your email" heading="Check your email">
      <p class="lead">We sent you a short code. Type it here to confirm it's really you.</p>
      {sent && (
        <p class="notice" role="status">
          {sent}
        </p>
      )}
      <form class="form card" onSubmit={verify.onSubmit}>
        <FormError message={error?.detail} />
        <Field
          id="code"
          label="Code"
          class="code-input"
          autocomplete="one-time-code"
          autocapitalize="characters"
          spellcheck={false}
          required
          value={code}
          onValue={setCode}
          error={verify.error?.forField('key')}
        />
        <button type="submit" class="button" disabled={verify.busy}>
          Verify
        </button>
      </form>
      <p class="muted">Nothing arrived? Check your spam folder, or ask for a new one.</p>
      <button type="button" class="button button--quiet" disabled={resend.busy} onClick={() => void resend.onSubmit()}>
        Resend code
      </button>
    </Page>
  );
}
