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

/**
 * Where a visit goes, given who is asking. Pure, so it is unit-tested.
 * `here` is the path + search being visited; `next` its `?next=` value; `knownDevice`
 * whether someone has signed in on this device before (they get the log-in, not the welcome).
 */
export function decide(
  access: Access,
  state: AuthState,
  here: string,
  next: string | null,
  knownDevice = true,
): Decision {
  if (access === 'public') return { kind: 'render' };
  if (state.status === 'loading') return { kind: 'wait' };

  if (access === 'guest') {
    if (state.status === 'authenticated') return { kind: 'redirect', to: safeNext(next) ?? '/' };
    return { kind: 'render' };
  }

  // access === 'user'
  if (state.status === 'authenticated') return { kind: 'render' };
  if (state.status === 'unknown') return { kind: 'offline' };
  const target = state.pending.includes('verify_email') ? '/verify' : '/login';
  if (target === '/login' && here.split(/[?#]/)[0] === '/' && !knownDevice) return { kind: 'landing' };
  return { kind: 'redirect', to: withNext(target, here) };
}

/** Where to go once signed in: the `next` route if it is safe, else home. */
export function afterAuth(next: string | null): string {
  return safeNext(next) ?? '/';
}
