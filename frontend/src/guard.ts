import type { AuthState } from './auth/state';
import { safeNext, withNext } from './router';

/** Who may see a route. */
export type Access = 'public' | 'user' | 'guest';

export type Decision =
  | { kind: 'render' }
  | { kind: 'wait' }
  | { kind: 'offline' }
  /** Home for someone signed out whom this device has never seen signed in: what Shoulder is. */
  | { kind: 'landing' }
  | { kind: 'redirect'; to: string };

/** What this device knows before the server answers (see auth/device.ts). */
export interface DeviceHints {
  /** Someone has signed in on this device before: home for the signed out is the log-in. */
  signedInBefore: boolean;
  /** The browser holds a session cookie: signed-in pages render while the check is on its way. */
  hasSession: boolean;
}

const NO_HINTS: DeviceHints = { signedInBefore: true, hasSession: false };

/**
 * Where a visit goes, given who is asking. Pure, so it is unit-tested.
 * `here` is the path + search being visited; `next` its `?next=` value.
 */
export function decide(
  access: Access,
  state: AuthState,
  here: string,
  next: string | null,
  hints: DeviceHints = NO_HINTS,
): Decision {
  if (access === 'public') return { kind: 'render' };
  // Signed in, most likely: the page loads its data beside the session check, one round
  // trip sooner. If the session has ended after all, that check (or the page's first
  // call) answers 401, auth turns anonymous and this decides again.
  if (state.status === 'loading' && access === 'user' && hints.hasSession) return { kind: 'render' };
  if (state.status === 'loading') return { kind: 'wait' };

  if (access === 'guest') {
    if (state.status === 'authenticated') return { kind: 'redirect', to: safeNext(next) ?? '/' };
    return { kind: 'render' };
  }

  // access === 'user'
  if (state.status === 'authenticated') return { kind: 'render' };
  if (state.status === 'unknown') return { kind: 'offline' };
  const target = state.pending.includes('verify_email') ? '/verify' : '/login';
  if (target === '/login' && here.split(/[?#]/)[0] === '/' && !hints.signedInBefore) return { kind: 'landing' };
  return { kind: 'redirect', to: withNext(target, here) };
}

/** Where to go once signed in: the `next` route if it is safe, else home. */
export function afterAuth(next: string | null): string {
  return safeNext(next) ?? '/';
}
