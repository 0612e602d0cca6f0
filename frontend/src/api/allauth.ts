import { type AuthPayload, type AuthState, setAuthFrom } from '../auth/state';
import { serverLanguage } from '../i18n/i18n';
import { ALLAUTH_BASE, type ApiResponse, api, request } from './client';

export interface AuthResult {
  httpStatus: number;
  state: AuthState;
}

// 401 carries the pending flow (e.g. verify_email); it is an answer, not an error.
const FLOW = { accept: [401] };

function settle(res: ApiResponse<AuthPayload>): AuthResult {
  return { httpStatus: res.status, state: setAuthFrom(res.status, res.data) };
}

export async function fetchSession(): Promise<AuthResult> {
  return settle(await api.get<AuthPayload>(`${ALLAUTH_BASE}/auth/session`, { accept: [401, 410] }));
}

export async function signup(input: {
  email: string;
  password: string;
  display_name: string;
  /** The device's IANA zone; the server keeps UTC for one it doesn't know. */
  timezone?: string;
}): Promise<AuthResult> {
  rememberCodeAddress(input.email);
  // The language picked on this device (the server falls back to Accept-Language).
  const body = { ...input, language: serverLanguage() };
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/signup`, body, FLOW));
}

const CODE_ADDRESS = 'shoulder.code-address';

/** The address the last verification code went to, for the verify screen to name it. */
export function rememberCodeAddress(email: string): void {
  try {
    sessionStorage.setItem(CODE_ADDRESS, email);
  } catch {
    // Private mode without storage: the screen just says "your email".
  }
}

export function codeAddress(): string | null {
  try {
    return sessionStorage.getItem(CODE_ADDRESS);
  } catch {
    return null;
  }
}

export async function verifyEmail(code: string): Promise<AuthResult> {
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/email/verify`, { key: code }, FLOW));
}

export async function resendVerification(): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/auth/email/verify/resend`);
}

export async function login(input: { email: string; password: string }): Promise<AuthResult> {
  rememberCodeAddress(input.email);
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/login`, input, FLOW));
}

/** The code emailed as an extra login step (after repeated failed logins for the address). */
export async function confirmLoginCode(code: string): Promise<AuthResult> {
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/code/confirm`, { code }, FLOW));
}

export async function logout(): Promise<AuthResult> {
  return settle(await api.delete<AuthPayload>(`${ALLAUTH_BASE}/auth/session`, FLOW));
}

export async function requestPasswordReset(email: string): Promise<AuthResult> {
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/password/request`, { email }, FLOW));
}

export async function resetPassword(input: { key: string; password: string }): Promise<AuthResult> {
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/password/reset`, input, FLOW));
}

/*
 * Two-factor and passkeys (allauth.mfa). Changes to them answer 401 until the person has
 * confirmed who they are (`reauthenticate*`); callers wrap them in `withReauth`.
 */

export type AuthenticatorType = 'totp' | 'recovery_codes' | 'webauthn';

export interface Authenticator {
  type: AuthenticatorType;
  created_at: number;
  last_used_at: number | null;
  /** webauthn only */
  id?: number;
  name?: string;
  is_passwordless?: boolean;
  /** recovery_codes only */
  total_code_count?: number;
  unused_code_count?: number;
  /** recovery_codes, only the one time they may be seen */
  unused_codes?: string[];
}

interface Data<T> {
  status: number;
  data: T;
}

export async function listAuthenticators(): Promise<Authenticator[]> {
  return (await api.get<Data<Authenticator[]>>(`${ALLAUTH_BASE}/account/authenticators`)).data.data;
}

/** A new secret to scan (with its `otpauth:` link), or null when TOTP is already on. */
export async function totpSetup(): Promise<{ secret: string; url: string } | null> {
  const res = await api.get<{ meta?: { secret?: string; totp_url?: string } }>(
    `${ALLAUTH_BASE}/account/authenticators/totp`,
    { accept: [404] },
  );
  const meta = res.status === 404 ? res.data.meta : undefined;
  return meta?.secret && meta.totp_url ? { secret: meta.secret, url: meta.totp_url } : null;
}

export async function activateTotp(code: string): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/account/authenticators/totp`, { code });
}

export async function deactivateTotp(): Promise<void> {
  await api.delete(`${ALLAUTH_BASE}/account/authenticators/totp`);
}

/** The recovery codes; `unused_codes` is there only the one time they may be read. */
export async function recoveryCodes(): Promise<Authenticator | null> {
  const res = await api.get<Data<Authenticator>>(`${ALLAUTH_BASE}/account/authenticators/recovery-codes`, {
    accept: [404],
  });
  return res.status === 404 ? null : res.data.data;
}

export async function regenerateRecoveryCodes(): Promise<Authenticator> {
  return (await api.post<Data<Authenticator>>(`${ALLAUTH_BASE}/account/authenticators/recovery-codes`)).data.data;
}

/** WebAuthn options as allauth sends them (fido2's JSON, sometimes wrapped in `publicKey`). */
type OptionsJson = Record<string, unknown>;

function unwrap<T>(options: OptionsJson): T {
  return ('publicKey' in options ? options.publicKey : options) as T;
}

async function createCredential(options: OptionsJson): Promise<unknown> {
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(unwrap(options));
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('No passkey was made.', 'NotAllowedError');
  return credential.toJSON();
}

async function getCredential(options: OptionsJson): Promise<unknown> {
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(unwrap(options));
  const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('No passkey was chosen.', 'NotAllowedError');
  return credential.toJSON();
}

/** Whether this browser can make and use passkeys the way we ask for them. */
export function passkeysSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'PublicKeyCredential' in window &&
    typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
  );
}

/**
 * Makes a passkey on this device and registers it (usable to log in without a password).
 * Answers whether recovery codes were made with it (the first second factor brings them).
 */
export async function addPasskey(name: string): Promise<{ recoveryCodesGenerated: boolean }> {
  const url = `${ALLAUTH_BASE}/account/authenticators/webauthn`;
  const begin = await api.get<Data<{ creation_options: OptionsJson }>>(`${url}?passwordless`);
  const credential = await createCredential(begin.data.data.creation_options);
  const res = await api.post<{ meta?: { recovery_codes_generated?: boolean } }>(url, { name, credential });
  return { recoveryCodesGenerated: res.data.meta?.recovery_codes_generated === true };
}

export async function removePasskey(id: number): Promise<void> {
  await request('DELETE', `${ALLAUTH_BASE}/account/authenticators/webauthn`, { body: { authenticators: [id] } });
}

/** Which second factors the pending login step accepts (`totp`, `recovery_codes`, `webauthn`). */
export async function pendingSecondFactors(): Promise<AuthenticatorType[]> {
  const res = await api.get<{ data?: { flows?: { id: string; is_pending?: boolean; types?: AuthenticatorType[] }[] } }>(
    `${ALLAUTH_BASE}/auth/session`,
    { accept: [401, 410] },
  );
  const flow = res.data?.data?.flows?.find((f) => f.id === 'mfa_authenticate' && f.is_pending);
  return flow?.types ?? [];
}

/** The second step of a login: a code from the authenticator app, or a recovery code. */
export async function authenticateSecondFactor(code: string): Promise<AuthResult> {
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/2fa/authenticate`, { code }, FLOW));
}

/** The second step of a login with one of the person's passkeys. */
export async function authenticateWithPasskey(): Promise<AuthResult> {
  const url = `${ALLAUTH_BASE}/auth/webauthn/authenticate`;
  const begin = await api.get<Data<{ request_options: OptionsJson }>>(url);
  const credential = await getCredential(begin.data.data.request_options);
  return settle(await api.post<AuthPayload>(url, { credential }, FLOW));
}

/** A whole login with a passkey (no email, no password). */
export async function loginWithPasskey(): Promise<AuthResult> {
  const url = `${ALLAUTH_BASE}/auth/webauthn/login`;
  const begin = await api.get<Data<{ request_options: OptionsJson }>>(url);
  const credential = await getCredential(begin.data.data.request_options);
  return settle(await api.post<AuthPayload>(url, { credential }, FLOW));
}

/** Confirms who is here with the password, for a change that asks for it. */
export async function reauthenticate(password: string): Promise<void> {
  await api.post(`${ALLAUTH_BASE}/auth/reauthenticate`, { password });
}
