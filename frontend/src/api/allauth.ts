import { type AuthPayload, type AuthState, setAuthFrom } from '../auth/state';
import { ALLAUTH_BASE, type ApiResponse, api } from './client';

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
  return settle(await api.post<AuthPayload>(`${ALLAUTH_BASE}/auth/signup`, input, FLOW));
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
