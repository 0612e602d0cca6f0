/**
 * Messages the service worker posts to open windows: `{type: 'push', payload}` when a
 * push arrives (so screens refresh what they show) and `{type: 'navigate', url}` after a
 * notification click it could not navigate itself.
 */
import { signal } from '@preact/signals';

/** What the worker forwards of a push: the server's JSON, read defensively. */
export interface PushMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
  kind: string;
}

/** The latest push this window heard about (null until one arrives). */
export const lastPush = signal<PushMessage | null>(null);

type PushListener = (payload: PushMessage) => void;
const listeners = new Set<PushListener>();

/** Call `cb` whenever a push reaches this device while the app is open; returns the unsubscribe. */
export function onPushMessage(cb: PushListener): () => void {
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}

function asPush(raw: unknown): PushMessage {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return { title: s(r.title), body: s(r.body), url: s(r.url), tag: s(r.tag), kind: s(r.kind) };
}

/** Acts on one message from the worker. Pure apart from the listeners it calls. */
export function handleWorkerMessage(data: unknown, navigateTo: (url: string) => void): void {
  if (typeof data !== 'object' || data === null) return;
  const message = data as { type?: unknown; url?: unknown; payload?: unknown };
  if (message.type === 'push') {
    const payload = asPush(message.payload);
    lastPush.value = payload;
    for (const cb of [...listeners]) {
      try {
        cb(payload);
      } catch {
        // One screen failing to refresh must not stop the others.
      }
    }
  } else if (message.type === 'navigate' && typeof message.url === 'string' && message.url.startsWith('/')) {
    navigateTo(message.url);
  }
}
