/**
 * Sensitive changes (two-factor, passkeys) answer 401 until the person confirms who they are.
 * `withReauth` runs the change; on that answer it asks for the password, confirms it with
 * allauth and runs the change once more.
 *
 * Minimal version (password only); the account work replaces it with one that also offers a
 * code from the authenticator app or a passkey. Same signature.
 */
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { reauthenticate } from '../api/allauth';
import { ApiError } from '../api/client';
import { FormError } from '../components/FormError';
import { Sheet } from '../components/Sheet';

function isReauthRequired(err: unknown): boolean {
  if (!(err instanceof ApiError) || err.status !== 401) return false;
  const body = err.body as { meta?: { is_authenticated?: boolean } } | null;
  return body?.meta?.is_authenticated === true;
}

export class ReauthCancelled extends ApiError {
  constructor() {
    super(401, [{ code: 'reauth_cancelled', detail: 'Nothing was changed.', field: null }]);
  }
}

function ConfirmPassword({ done }: { done: (ok: boolean) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await reauthenticate(password);
      done(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : 'Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  };
  const form = h(
    'form',
    { class: 'form', onSubmit: submit },
    h('p', { class: 'muted' }, 'This changes how you log in, so we ask for your password again.'),
    h(FormError, { message: error }),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'reauth-password' }, 'Your password'),
      h('input', {
        id: 'reauth-password',
        type: 'password',
        autocomplete: 'current-password',
        required: true,
        value: password,
        onInput: (e: Event) => setPassword((e.currentTarget as HTMLInputElement).value),
      }),
    ),
    h('button', { type: 'submit', class: 'button', disabled: busy }, 'Confirm'),
  );
  return h(Sheet, { id: 'reauth', title: "First, confirm it's you", onClose: () => done(false), children: form });
}

function askForPassword(): Promise<boolean> {
  return new Promise((resolve) => {
    const host = document.createElement('div');
    document.body.append(host);
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      render(null, host);
      host.remove();
      resolve(ok);
    };
    render(h(ConfirmPassword, { done }), host);
  });
}

export async function withReauth<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (!isReauthRequired(err)) throw err;
    if (!(await askForPassword())) throw new ReauthCancelled();
    return action();
  }
}
