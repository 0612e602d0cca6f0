/**
 * The outbox: a reach-out (or check-on-me, or nudge) composed while offline waits here, in
 * localStorage, with the idempotency key it was composed with, until the server has
 * answered it. It is sent on the `online` event, at the next app start and whenever the
 * compose screen asks; the same key on every try means the server makes it at most once.
 *
 * An entry leaves the outbox only on an answer: 2xx (sent), 409 `open_reach_out_exists`
 * (there is one already: go there) or another 4xx (refused: the person is told why). It stays
 * on a network error, a 5xx, a 429 (try later) and a 401 (sign in again, then it goes).
 */
import { signal } from '@preact/signals';
import { type Checkin, existingCheckinId, type Kind } from '../api/checkins';
import { ApiError, api } from '../api/client';
import { auth } from '../auth/state';
import { OUTBOX_KEY } from './boot';

export interface OutboxEntry {
  /** The idempotency key; also the entry's id. */
  key: string;
  url: string;
  body: unknown;
  kind: Kind;
  /** Whose it is: only sent while that person is signed in on this device. */
  userId: string;
  /** For "Will send to Tuesday people when you're back online". */
  to: string;
  queuedAt: string;
}

export type Outcome =
  | { key: string; type: 'sent'; entry: OutboxEntry; checkin: Checkin }
  | { key: string; type: 'exists'; entry: OutboxEntry; checkinId: string }
  | { key: string; type: 'refused'; entry: OutboxEntry; error: ApiError }
  | { key: string; type: 'kept'; entry: OutboxEntry; error: unknown };

export interface OutboxStore {
  read(): OutboxEntry[];
  write(entries: OutboxEntry[]): void;
}

export type Sender = (entry: OutboxEntry) => Promise<Checkin>;

/** Worth trying again later rather than telling the person it failed. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.status === 0 || err.status >= 500 || err.status === 429 || err.status === 401;
}

export function classify(entry: OutboxEntry, result: { checkin: Checkin } | { error: unknown }): Outcome {
  if ('checkin' in result) return { key: entry.key, type: 'sent', entry, checkin: result.checkin };
  const { error } = result;
  if (isTransient(error)) return { key: entry.key, type: 'kept', entry, error };
  const checkinId = existingCheckinId(error);
  if (checkinId) return { key: entry.key, type: 'exists', entry, checkinId };
  return { key: entry.key, type: 'refused', entry, error: error as ApiError };
}

export function createOutbox(store: OutboxStore, send: Sender) {
  const listeners = new Set<(outcome: Outcome) => void>();
  let running: Promise<Outcome[]> | null = null;
  let again = false;

  const remove = (key: string) => store.write(store.read().filter((e) => e.key !== key));

  async function runOnce(userId: string): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const entry of store.read().filter((e) => e.userId === userId)) {
      // Removed meanwhile (another tab delivered it): nothing to do.
      if (!store.read().some((e) => e.key === entry.key)) continue;
      let outcome: Outcome;
      try {
        outcome = classify(entry, { checkin: await send(entry) });
      } catch (error) {
        outcome = classify(entry, { error });
      }
      if (outcome.type !== 'kept') remove(entry.key);
      out.push(outcome);
      for (const listener of listeners) listener(outcome);
      // Still offline or the server is struggling: the rest waits for the next chance.
      if (outcome.type === 'kept') break;
    }
    return out;
  }

  return {
    entries(userId?: string): OutboxEntry[] {
      const all = store.read();
      return userId === undefined ? all : all.filter((e) => e.userId === userId);
    },
    /** Adds an entry unless one with its key is already waiting (a retry of the same compose). */
    enqueue(entry: OutboxEntry): void {
      const all = store.read();
      if (all.some((e) => e.key === entry.key)) return;
      store.write([...all, entry]);
    },
    /** The person changed their mind before it could go. */
    discard(key: string): void {
      remove(key);
    },
    /** Logging out: nothing this person wrote stays on a phone others may pick up. */
    forget(userId: string): void {
      store.write(store.read().filter((e) => e.userId !== userId));
    },
    /** Sends what waits for this person, one at a time; one run at once. */
    flush(userId: string): Promise<Outcome[]> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        // Let `running` be set before any send starts, so a flush from inside is queued.
        await Promise.resolve();
        const out: Outcome[] = [];
        do {
          again = false;
          out.push(...(await runOnce(userId)));
        } while (again);
        return out;
      })().finally(() => {
        running = null;
      });
      return running;
    },
    subscribe(listener: (outcome: Outcome) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** localStorage, through a signal so screens show what is waiting. */
export const waiting = signal<OutboxEntry[]>([]);

export function localStore(storage: Storage | null): OutboxStore {
  const read = (): OutboxEntry[] => {
    try {
      const raw = storage?.getItem(OUTBOX_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  };
  return {
    read,
    write(entries) {
      try {
        if (entries.length) storage?.setItem(OUTBOX_KEY, JSON.stringify(entries));
        else storage?.removeItem(OUTBOX_KEY);
      } finally {
        waiting.value = entries;
      }
    },
  };
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const outbox = createOutbox(localStore(browserStorage()), async (entry) => {
  return (await api.post<Checkin>(entry.url, entry.body)).data;
});

/** Delivered or refused while no compose screen was watching: home tells the person. */
export const unseenOutcomes = signal<Outcome[]>([]);

export function currentUserId(): string | null {
  const state = auth.value;
  return state.status === 'authenticated' && state.user ? String(state.user.id) : null;
}

export function flushNow(): Promise<Outcome[]> {
  const userId = currentUserId();
  return userId ? outbox.flush(userId) : Promise.resolve([]);
}

let started = false;
const RETRY_MS = 30_000;

export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  waiting.value = outbox.entries();
  window.addEventListener('online', () => void flushNow());
  // `online` is not always told (captive portals, flaky radios): try again now and then too.
  window.setInterval(() => {
    if (waiting.value.length > 0 && navigator.onLine !== false) void flushNow();
  }, RETRY_MS);
  outbox.subscribe((outcome) => {
    if (outcome.type !== 'kept') unseenOutcomes.value = [...unseenOutcomes.value, outcome];
  });
  // Once we know who is signed in (at start, or after signing in again), send what waits.
  auth.subscribe((state) => {
    if (state.status === 'authenticated') void flushNow();
  });
}

/** A screen has shown this outcome: home need not repeat it. */
export function acknowledge(key: string): void {
  unseenOutcomes.value = unseenOutcomes.value.filter((o) => o.key !== key);
}
