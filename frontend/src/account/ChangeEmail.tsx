import { useEffect, useState } from 'preact/hooks';
import { loadMe } from '../auth/me';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { addEmail, type EmailAddress, listEmails, resendEmailCode, verifyEmailCode } from './api';
import { withReauth } from './reauth';

/** Change the sign-in email: the new address gets a code; once confirmed it replaces the old
 * one, and the old one is told. */
export function ChangeEmail() {
  const [emails, setEmails] = useState<EmailAddress[]>([]);
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () => listEmails().then(setEmails);
  useEffect(() => {
    void reload().catch(() => undefined);
  }, []);
  const waiting = emails.find((e) => !e.verified);
  const primary = emails.find((e) => e.primary);

  const add = useSubmit(async () => {
    setNotice(null);
    await withReauth(() => addEmail(email.trim()));
    setEmail('');
    await reload();
  });
  const confirm = useSubmit(async () => {
    await verifyEmailCode(code.trim());
    setCode('');
    setNotice(t('Your email is changed. We told your old address, just in case.'));
    await reload();
    await loadMe(true);
  });
  const resend = useSubmit(async () => {
    await resendEmailCode();
    setNotice(t('We sent a new code.'));
  });

  const error = add.error ?? confirm.error ?? resend.error;
  return (
    <section class="card" aria-labelledby="email-title">
      <h2 id="email-title">{t('Email')}</h2>
      {primary && <p class="muted">{t('You sign in with {email}.', { email: primary.email })}</p>}
      <FormError message={error?.detail} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {waiting ? (
        <form class="form" onSubmit={confirm.onSubmit}>
          <p>{t('We sent a code to {email}. Type it here to switch to that address.', { email: waiting.email })}</p>
          <Field
            id="email_code"
            label={t('Code')}
            class="code-input"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            required
            value={code}
            onValue={setCode}
          />
          <div class="actions">
            <button type="submit" class="button" disabled={confirm.busy}>
              {t('Confirm new email')}
            </button>
            <button
              type="button"
              class="button button--quiet"
              disabled={resend.busy}
              onClick={() => void resend.onSubmit()}
            >
              {t('Send a new code')}
            </button>
          </div>
        </form>
      ) : (
        <form class="form" onSubmit={add.onSubmit}>
          <Field
            id="new_email"
            type="email"
            label={t('New email')}
            autocomplete="email"
            inputMode="email"
            required
            value={email}
            onValue={setEmail}
            error={add.error?.forField('email')}
          />
          <button type="submit" class="button button--quiet" disabled={add.busy}>
            {t('Change email')}
          </button>
        </form>
      )}
    </section>
  );
}
