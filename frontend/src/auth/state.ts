import { signal } from '@preact/signals';
import { onAuthChange } from '../api/client';

/** What allauth calls a user (only the fields we use). */
export interface AllauthUser {
  id: number | string;
  display?: string;
  email?: string;
}

export interface Flow {
  id: string;
  is_pending?: boolean;
}

/** Body of allauth's authentication responses (200 and 401 alike). */
export interface AuthPayload {
  status?: number;
  data?: { user?: AllauthUser; flows?: Flow[] };
  meta?: { is_authenticated?: boolean };
}

export type AuthStatus =
  /** The first session check has not answered yet. */
  | 'loading'
  /** We could not reach the server to ask (offline at start). */
  | 'unknown'
  | 'anonymous'
  | 'authenticated';

export interface AuthState {
  status: AuthStatus;
  user: AllauthUser | null;
  /** ids of flows the server says are pending, e.g. `verify_email`. */
  pending: string[];
}

export const auth = signal<AuthState>({ status: 'loading', user: null, pending: [] });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Reads an allauth response into our auth state. Pure. */
export function authStateFrom(httpStatus: number, body: unknown): AuthState {
  const payload: AuthPayload = isRecord(body) ? (body as AuthPayload) : {};
  const flows = Array.isArray(payload.data?.flows) ? payload.data.flows : [];
  const pending = flows.filter((f) => isRecord(f) && f.is_pending).map((f) => f.id);
  // A 401 with `is_authenticated: true` asks to confirm it's you (reauthenticate): still signed in.
  const reauth = httpStatus === 401 && payload.meta?.is_authenticated === true;
  const authenticated =
    (httpStatus === 200 || reauth) && payload.meta?.is_authenticated !== false && !!payload.data?.user;
  if (authenticated) {
    return { status: 'authenticated', user: payload.data?.user ?? null, pending };
  }
  return { status: 'anonymous', user: null, pending };
}

export function setAuthFrom(httpStatus: number, body: unknown): AuthState {
  const next = authStateFrom(httpStatus, body);
  auth.value = next;
  return next;
}

// A 401/410 on any call means the session is gone or waiting on a flow.
onAuthChange(({ status, body }) => {
  if (status === 410) {
    auth.value = { status: 'anonymous', user: null, pending: [] };
    return;
  }
  setAuthFrom(status, body);
});
