import { useState } from 'preact/hooks';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Sheet } from '../components/Sheet';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import {
  passkeyReauthOptions,
  reauthenticateWithCode,
  reauthenticateWithPasskey,
  reauthenticateWithPassword,
} from './api';
import type { ReauthFlow } from './reauth';

interface Props {
  flows: ReauthFlow[];
  onDone: (ok: boolean) => void;
}

type PublicKeyJSON = {
  parseRequestOptionsFromJSON?: (json: unknown) => PublicKeyCredentialRequestOptions;
};

function passkeysWork(): boolean {
  const pkc = (globalThis as { PublicKeyCredential?: PublicKeyJSON }).PublicKeyCredential;
  return typeof pkc?.parseRequestOptionsFromJSON === 'function';
}

/** The calm "Confirm it's you" step before a sensitive change. */
export function ReauthSheet({ flows, onDone }: Props) {
  const mfa = flows.find((f) => f.id === 'mfa_reauthenticate');
  const hasPassword = flows.some((f) => f.id === 'reauthenticate');
  const hasTotp = !!mfa?.types?.some((t) => t === 'totp' || t === 'recovery_codes');
  const hasPasskey = !!mfa?.types?.includes('webauthn') && passkeysWork();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [ok, setOk] = useState(false);

  const finish = () => {
    setOk(true);
    onDone(true);
  };

  const withPassword = useSubmit(async () => {
    if (hasPassword && password) await reauthenticateWithPassword(password);
    else await reauthenticateWithCode(code.trim());
    finish();
  });

  const withPasskey = useSubmit(async () => {
    const json = (await passkeyReauthOptions()) as { publicKey?: unknown };
    const pkc = (globalThis as unknown as { PublicKeyCredential: Required<PublicKeyJSON> }).PublicKeyCredential;
    const publicKey = pkc.parseRequestOptionsFromJSON(json.publicKey ?? json);
    const credential = (await navigator.credentials.get({ publicKey })) as (Credential & { toJSON(): unknown }) | null;
    if (!credential) return;
    await reauthenticateWithPasskey(credential.toJSON());
    finish();
  });

  const error = withPassword.error ?? withPasskey.error;
  return (
    <Sheet id="reauth" title={t("Confirm it's you")} onClose={() => (ok ? undefined : onDone(false))}>
      <p class="muted">{t("This is a big change, so we check it's really you. It only takes a moment.")}</p>
      <form class="form" onSubmit={withPassword.onSubmit}>
        <FormError message={error?.detail} />
        {hasPassword && (
          <Field
            id="reauth-password"
            type="password"
            label={t('Your password')}
            autocomplete="current-password"
            value={password}
            onValue={setPassword}
            error={withPassword.error?.forField('password')}
          />
        )}
        {hasTotp && (
          <Field
            id="reauth-code"
            label={hasPassword ? t('Or a code from your authenticator app') : t('A code from your authenticator app')}
            autocomplete="one-time-code"
            inputMode="numeric"
            value={code}
            onValue={setCode}
            error={withPassword.error?.forField('code')}
          />
        )}
        <button type="submit" class="button" disabled={withPassword.busy || !(password || code)}>
          {t('Confirm')}
        </button>
      </form>
      {hasPasskey && (
        <button
          type="button"
          class="button button--quiet"
          disabled={withPasskey.busy}
          onClick={() => void withPasskey.onSubmit()}
        >
          {t('Use a passkey')}
        </button>
      )}
    </Sheet>
  );
}
