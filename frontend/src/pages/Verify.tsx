import { useState } from 'preact/hooks';
import { codeAddress, resendVerification, verifyEmail } from '../api/allauth';
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

// allauth sends one verification code per address every 3 minutes (`confirm_email`), and
// logging in again is what sends it: so the way forward says "in a few minutes".
const STUCK = msg(
  "That code can't be used any more (too many tries, or it expired). In a few minutes, log in again and we'll send you a new one.",
);

export default function Verify({ query }: PageProps) {
  const next = query.get('next');
  // The emailed link (HEADLESS_FRONTEND_URLS) lands here as /verify?key=…
  const [code, setCode] = useState(query.get('key') ?? '');
  const [sent, setSent] = useState<string | null>(null);
  // allauth ends the pending verification after three wrong codes: resend answers 409 then.
  const [stuck, setStuck] = useState(false);
  const address = codeAddress();

  const notPending = (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) {
      setStuck(true);
      return new ApiError(409, [{ code: 'not_pending', detail: t(STUCK), field: null }]);
    }
    return err;
  };

  const verify = useSubmit(async () => {
    setSent(null);
    try {
      const { state } = await verifyEmail(code.trim());
      if (state.status === 'authenticated') navigate(afterAuth(next), { replace: true });
      else navigate(withNext('/login?verified=1', next), { replace: true });
    } catch (err) {
      throw notPending(err);
    }
  });

  const resend = useSubmit(async () => {
    setSent(null);
    try {
      await resendVerification();
      setSent(t('We sent you a new code. It can take a minute to arrive.'));
    } catch (err) {
      throw notPending(err);
    }
  });

  const error = verify.error ?? resend.error;
  return (
    <Page title={t('Verify your email')} heading={t('Check your email')}>
      <p class="lead">
        {address
          ? rich(t("We sent a short code to <0>{address}</0>. Type it here to confirm it's really you.", { address }), [
              (text) => <strong>{text}</strong>,
            ])
          : t("We sent a short code to your email. Type it here to confirm it's really you.")}
      </p>
      {sent && (
        <p class="notice" role="status">
          {sent}
        </p>
      )}
      {stuck ? (
        <section class="card">
          <FormError message={t(STUCK)} />
          <a class="button" href={withNext('/login', next)}>
            {t('Log in again for a new code')}
          </a>
        </section>
      ) : (
        <>
          <form class="form card" onSubmit={verify.onSubmit}>
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
              error={verify.error?.forField('key')}
            />
            <button type="submit" class="button" disabled={verify.busy}>
              {t('Verify')}
            </button>
          </form>
          <p class="muted">{t('Nothing arrived? Check your spam folder, or ask for a new one.')}</p>
          <button
            type="button"
            class="button button--quiet"
            disabled={resend.busy}
            onClick={() => void resend.onSubmit()}
          >
            {t('Send a new code')}
          </button>
        </>
      )}
      <div class="links">
        <span>
          {rich(t('Wrong email? <0>Sign up with another address</0>'), [
            (text) => <a href={withNext('/signup', next)}>{text}</a>,
          ])}
        </span>
      </div>
    </Page>
  );
}
