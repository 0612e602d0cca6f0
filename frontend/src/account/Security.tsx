import { useEffect, useState } from 'preact/hooks';
import {
  type Authenticator,
  activateTotp,
  addPasskey,
  deactivateTotp,
  listAuthenticators,
  passkeysSupported,
  recoveryCodes,
  regenerateRecoveryCodes,
  removePasskey,
  totpSetup,
} from '../api/allauth';
import { ApiError } from '../api/client';
import { QrCode } from '../circles/QrCode';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { afterAuth } from '../guard';
import { navigate, safeNext } from '../router';
import type { PageProps } from '../routes';
import { ReauthCancelled, withReauth } from './reauth';
// The QR code's own styles live beside it.
import '../circles/InviteSheet.css';
import './Security.css';
import { intlLocale, t } from '../i18n/i18n';

function since(seconds: number): string {
  return new Date(seconds * 1000).toLocaleDateString(intlLocale(), { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Two-factor login and passkeys: an authenticator app, recovery codes, passkeys. */
export default function Security({ query }: PageProps) {
  const next = safeNext(query.get('next'));
  const [list, setList] = useState<Authenticator[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Recovery codes, the one time they are shown.
  const [codes, setCodes] = useState<string[] | null>(null);

  const reload = () =>
    listAuthenticators()
      .then(setList)
      .catch((err: ApiError) => setLoadError(err));
  useEffect(() => {
    void reload();
  }, []);

  const totp = list?.find((a) => a.type === 'totp') ?? null;
  const recovery = list?.find((a) => a.type === 'recovery_codes') ?? null;
  const passkeys = list?.filter((a) => a.type === 'webauthn') ?? [];

  const changed = async (message: string, showCodes = false) => {
    setNotice(message);
    if (showCodes) {
      const rc = await withReauth(recoveryCodes);
      if (rc?.unused_codes?.length) setCodes(rc.unused_codes);
    }
    await reload();
  };

  const leave = () => navigate(afterAuth(next), { replace: true });

  return (
    <Page title={t('Login and security')} heading={t('Keep your account yours')}>
      <p class="lead">
        {t(
          "A second step when you log in means a stolen password alone can't open your circles. Use an authenticator app, a passkey on this phone, or both.",
        )}
      </p>
      {next && (
        <p class="notice" role="status">
          {next.startsWith('/admin/')
            ? t('The moderation tools open once your account has a second factor. Set one up below.')
            : t('Set up a second factor to carry on.')}
        </p>
      )}
      <FormError message={loadError?.detail} />
      {notice && !codes && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {codes ? (
        <RecoveryCodesOnce codes={codes} next={next} onDone={() => (next ? leave() : setCodes(null))} />
      ) : (
        list && (
          <>
            <TotpSection totp={totp} onChange={changed} />
            <PasskeySection passkeys={passkeys} onChange={changed} />
            {recovery && <RecoverySection recovery={recovery} onNewCodes={setCodes} />}
          </>
        )
      )}
    </Page>
  );
}

type OnChange = (message: string, showCodes?: boolean) => Promise<void>;

/** Errors worth showing: a cancelled confirmation changed nothing and says nothing. */
function shown(error: ApiError | null): string | undefined {
  return error && !(error instanceof ReauthCancelled) ? error.detail : undefined;
}

function TotpSection({ totp, onChange }: { totp: Authenticator | null; onChange: OnChange }) {
  const [setup, setSetup] = useState<{ secret: string; url: string } | null>(null);
  const [code, setCode] = useState('');

  const start = useSubmit(async () => {
    setSetup(await totpSetup());
  });
  const confirm = useSubmit(async () => {
    await withReauth(() => activateTotp(code.replace(/\s/g, '')));
    setSetup(null);
    setCode('');
    await onChange(t('Your authenticator app is set up.'), true);
  });
  const remove = useSubmit(async () => {
    await withReauth(deactivateTotp);
    await onChange(t('Your authenticator app no longer logs you in.'));
  });

  return (
    <section class="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('Authenticator app')}</h2>
      {totp ? (
        <>
          <p>
            {t('On since {when}. When you log in, we ask for a code from the app.', { when: since(totp.created_at) })}
          </p>
          <FormError message={shown(remove.error)} />
          <button
            type="button"
            class="button button--quiet"
            disabled={remove.busy}
            onClick={() => void remove.onSubmit()}
          >
            {t('Turn off the authenticator app')}
          </button>
        </>
      ) : setup ? (
        <form class="form" onSubmit={confirm.onSubmit}>
          <p class="muted">{t('Scan this with your authenticator app, or type the key into it.')}</p>
          <figure class="qr-figure">
            <QrCode text={setup.url} label={t('QR code for your authenticator app')} />
            <figcaption>
              {t('Key:')} <code class="totp-secret">{setup.secret}</code>
            </figcaption>
          </figure>
          <FormError message={shown(confirm.error) && !confirm.error?.forField('code') ? shown(confirm.error) : null} />
          <Field
            id="totp-code"
            label={t('Code from the app')}
            class="code-input"
            inputMode="numeric"
            autocomplete="one-time-code"
            required
            value={code}
            onValue={setCode}
            error={confirm.error?.forField('code')}
          />
          <button type="submit" class="button" disabled={confirm.busy}>
            {t('Turn on')}
          </button>
        </form>
      ) : (
        <>
          <p class="muted">
            {t('An app like Google Authenticator, 1Password or Aegis shows a new six-digit code every 30 seconds.')}
          </p>
          <FormError message={shown(start.error)} />
          <button type="button" class="button" disabled={start.busy} onClick={() => void start.onSubmit()}>
            {t('Set up an authenticator app')}
          </button>
        </>
      )}
    </section>
  );
}

function PasskeySection({ passkeys, onChange }: { passkeys: Authenticator[]; onChange: OnChange }) {
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState<number | null>(null);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const supported = passkeysSupported();

  const add = useSubmit(async () => {
    try {
      const { recoveryCodesGenerated } = await withReauth(() => addPasskey(name.trim() || t('My passkey')));
      setName('');
      await onChange(t('Your passkey is ready. Next time, log in with it.'), recoveryCodesGenerated);
    } catch (err) {
      if (err instanceof DOMException) {
        throw new ApiError(0, [{ code: 'passkey', detail: t('No passkey was made. You can try again.'), field: null }]);
      }
      throw err;
    }
  });

  const remove = async (key: Authenticator) => {
    if (key.id === undefined) return;
    const id = key.id;
    setRemoving(id);
    setRemoveError(null);
    try {
      await withReauth(() => removePasskey(id));
      await onChange(t('The passkey “{name}” is removed.', { name: key.name ?? '' }));
    } catch (err) {
      if (err instanceof ApiError) setRemoveError(err);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <section class="card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t('Passkeys')}</h2>
      <p class="muted">
        {t(
          'A passkey lives on your phone or security key and is unlocked with your fingerprint, face or screen lock. It logs you in without a password.',
        )}
      </p>
      <FormError message={shown(removeError)} />
      {passkeys.length > 0 && (
        <ul class="passkey-list">
          {passkeys.map((key) => (
            <li key={key.id} class="passkey-row">
              <span id={`passkey-${key.id}`}>
                <strong>{key.name}</strong>
                <span class="muted"> · {t('added {when}', { when: since(key.created_at) })}</span>
              </span>
              <button
                type="button"
                class="button button--quiet button--inline"
                aria-describedby={`passkey-${key.id}`}
                disabled={removing === key.id}
                onClick={() => void remove(key)}
              >
                {t('Remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {supported ? (
        <form class="form" onSubmit={add.onSubmit}>
          <FormError message={shown(add.error) && !add.error?.forField('name') ? shown(add.error) : null} />
          <Field
            id="passkey-name"
            label={t('Name for the new passkey')}
            hint={t('So you can tell them apart, e.g. “My phone”.')}
            maxLength={100}
            value={name}
            onValue={setName}
            error={add.error?.forField('name')}
          />
          <button type="submit" class="button" disabled={add.busy}>
            {t('Add a passkey')}
          </button>
        </form>
      ) : (
        <p class="muted">{t("This browser can't make passkeys.")}</p>
      )}
    </section>
  );
}

function RecoverySection({ recovery, onNewCodes }: { recovery: Authenticator; onNewCodes: (codes: string[]) => void }) {
  const regenerate = useSubmit(async () => {
    const rc = await withReauth(regenerateRecoveryCodes);
    if (rc.unused_codes) onNewCodes(rc.unused_codes);
  });
  return (
    <section class="card" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('Recovery codes')}</h2>
      <p>
        {t('{left} of {total} left. Each one logs you in once if your phone is lost.', {
          left: recovery.unused_code_count ?? 0,
          total: recovery.total_code_count ?? 0,
        })}
      </p>
      <p class="muted">{t('We showed them once. New codes replace all the old ones.')}</p>
      <FormError message={shown(regenerate.error)} />
      <button
        type="button"
        class="button button--quiet"
        disabled={regenerate.busy}
        onClick={() => void regenerate.onSubmit()}
      >
        {t('Make new recovery codes')}
      </button>
    </section>
  );
}

function RecoveryCodesOnce({ codes, next, onDone }: { codes: string[]; next: string | null; onDone: () => void }) {
  return (
    <section class="card" aria-labelledby="codes-title">
      <h2 id="codes-title">{t('Your recovery codes')}</h2>
      <p>
        {t(
          "If you lose your phone, each of these logs you in once. Keep them somewhere safe, away from this phone. We won't show them again.",
        )}
      </p>
      <ul class="recovery-codes" aria-label={t('Recovery codes')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" class="button" onClick={onDone}>
        {next?.startsWith('/admin/') ? t("I've saved them — open the moderation tools") : t("I've saved them")}
      </button>
    </section>
  );
}
