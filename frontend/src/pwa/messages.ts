/**
 * Messages the service worker posts to open windows: `{type: 'push', payload}` when a
 * push arrives (so screens refresh what they show) and `{type: 'navigate', url}` after a
 * notification click it could not navigate itself.
 */
import { type PushPayload, readPushPayload } from './payload';

type PushListener = (payload: PushPayload) => void;
const listeners = new Set<PushListener>();

/** Call `cb` whenever a push reaches this device while the app is open; returns the unsubscribe. */
export function onPushMessage(cb: PushListener): () => void {
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}

/** Acts on one message from the worker. Pure apart from the listeners it calls. */
export function handleWorkerMessage(data: unknown, navigateTo: (url: string) => void): void {
  if (typeof data !== 'object' || data === null) return;
  const message = data as { type?: unknown; url?: unknown; payload?: unknown };
  if (message.type === 'push') {
    const payload = readPushPayload(message.payload);
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
