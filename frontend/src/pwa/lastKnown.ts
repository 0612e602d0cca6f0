/**
 * The last known home, circles and "lately" list of the person signed in on this device, so
 * a cold start without a connection still shows the app with their people and "I need
 * someone" (whose reach-out then waits in the outbox). Kept in localStorage under one key,
 * tagged with whose it is: it is only ever shown to that person, and it is wiped the moment
 * this device is signed out (or someone else signs in).
 */
import { useEffect, useState } from 'preact/hooks';
import { OfflineError } from '../api/client';
import { type AllauthUser, type AuthState, auth } from '../auth/state';

export const LAST_KNOWN_KEY = 'shoulder.last-known';

interface Stored {
  userId: string;
  user: AllauthUser;
  data: Record<string, unknown>;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(): Stored | null {
  try {
    const raw = storage()?.getItem(LAST_KNOWN_KEY);
    const parsed = raw ? (JSON.parse(raw) as Stored) : null;
    return parsed && typeof parsed.userId === 'string' && parsed.data ? parsed : null;
  } catch {
    return null;
  }
}

function signedInAs(state: AuthState = auth.value): AllauthUser | null {
  return state.status === 'authenticated' && state.user ? state.user : null;
}

/** Keep `value` as the last known `name` of whoever is signed in. */
export function remember(name: string, value: unknown): void {
  const user = signedInAs();
  if (!user) return;
  const userId = String(user.id);
  const stored = read();
  const next: Stored =
    stored && stored.userId === userId ? { ...stored, user } : { userId, user, data: {} as Record<string, unknown> };
  next.data = { ...next.data, [name]: value };
  try {
    storage()?.setItem(LAST_KNOWN_KEY, JSON.stringify(next));
  } catch {
    // Full or private: we just won't have it offline.
  }
}

/** The last known `name`, only if it belongs to whoever is signed in now. */
export function recall<T>(name: string): T | null {
  const user = signedInAs();
  const stored = read();
  if (!user || !stored || stored.userId !== String(user.id)) return null;
  return (stored.data[name] as T | undefined) ?? null;
}

/** Fetch fresh (and remember it); without a connection, the last known answer if there is one. */
export async function withLastKnown<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    remember(name, value);
    return value;
  } catch (err) {
    const known = err instanceof OfflineError ? recall<T>(name) : null;
    if (known !== null) return known;
    throw err;
  }
}

/** Who was signed in here last, for a start without a connection. */
export function lastKnownUser(): AllauthUser | null {
  return read()?.user ?? null;
}

export function forgetLastKnown(): void {
  try {
    storage()?.removeItem(LAST_KNOWN_KEY);
  } catch {
    // Nothing stored.
  }
}

/** Signed out (or someone else signed in): nothing of the last person stays readable. */
export function watchSignOut(): void {
  auth.subscribe((state) => {
    if (state.status === 'anonymous') forgetLastKnown();
    const user = signedInAs(state);
    const stored = read();
    if (user && stored && stored.userId !== String(user.id)) forgetLastKnown();
  });
}

/** Whether the device says it has a connection, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
