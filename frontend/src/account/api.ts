/**
 * The account screen's calls: allauth's account endpoints (email, password, sessions) and
 * Shoulder's export and deletion. Each sensitive one goes through `withReauth` at the call site.
 */
import { ALLAUTH_BASE, api, call } from '../api/client';

export interface EmailAddress {
  email: string;
  primary: boolean;
  verified: boolean;
}

export interface UserSession {
  id: number;
  user_agent: string;
  ip: string;
  created_at: number;
  last_seen_at?: number;
  is_current: boolean;
}

interface Envelope<T> {
  data: T;
}

export async function listEmails(): Promise<EmailAddress[]> {
  return (await api.get<Envelope<EmailAddress[]>>(`${ALLAUTH_BASE}/account/email`)).data.data;
}

/** Adds `email`; with ACCOUNT_CHANGE_EMAIL it replaces the current one once its code is confirmed. */
export async function addEmail(email: string): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/account/email`, { email });
}

export async function verifyEmailCode(code: string): Promise<void> {
  // 401 is allauth's "done, here is the session" for some flows; anything 2xx/401 is an answer.
  await api.post(`${ALLAUTH_BASE}/auth/email/verify`, { key: code });
}

export async function resendEmailCode(): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/auth/email/verify/resend`);
}

export async function changePassword(current: string, next: string): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/account/password/change`, { current_password: current, new_password: next });
}

export async function listSessions(): Promise<UserSession[]> {
  return (await api.get<Envelope<UserSession[]>>(`${ALLAUTH_BASE}/auth/sessions`)).data.data;
}

export async function endSessions(ids: number[]): Promise<void> {
  await api.delete(`${ALLAUTH_BASE}/auth/sessions`, { body: { sessions: ids } });
}

/** Confirm it's you: password, a TOTP code, or a passkey assertion. */
export async function reauthenticateWithPassword(password: string): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/auth/reauthenticate`, { password });
}

export async function reauthenticateWithCode(code: string): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/auth/2fa/reauthenticate`, { code });
}

export async function passkeyReauthOptions(): Promise<unknown> {
  const res = await api.get<Envelope<{ request_options: unknown }>>(`${ALLAUTH_BASE}/auth/webauthn/reauthenticate`);
  return res.data.data.request_options;
}

export async function reauthenticateWithPasskey(credential: unknown): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/auth/webauthn/reauthenticate`, { credential });
}

export const deleteAccount = () => call('delete', '/api/v1/me/');

/** The export, saved as a JSON file on the device. */
export async function downloadExport(): Promise<string> {
  const data = await call('get', '/api/v1/me/export/');
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const name = `shoulder-export-${new Date().toISOString().slice(0, 10)}.json`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
