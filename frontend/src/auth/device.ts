import { effect } from '@preact/signals';
import { readCookie } from '../api/client';
import { auth } from './state';

/**
 * What this browser knows before asking the server: whether it holds a session cookie
 * (the server mirrors that HttpOnly cookie's presence into this readable one; see
 * backend/web/session_hint.py), and whether someone has signed in here before.
 */
export const SESSION_HINT_COOKIE = 'shoulder_has_session';

/** False means the server could only say "signed out": no need to ask it. */
export function mayHaveSession(cookies?: string): boolean {
  return readCookie(SESSION_HINT_COOKIE, cookies) === '1';
}

// A harmless flag: that someone signed in on this device once, never who.
const SIGNED_IN_HERE = 'shoulder.signed-in-here';

export function signedInHereBefore(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HERE) === '1';
  } catch {
    return false;
  }
}

function rememberSignedInHere(): void {
  try {
    localStorage.setItem(SIGNED_IN_HERE, '1');
  } catch {
    // Private mode without storage: this device will show the welcome again.
  }
}

effect(() => {
  if (auth.value.status === 'authenticated') rememberSignedInHere();
});
