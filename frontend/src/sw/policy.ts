/**
 * Pure decisions of the service worker (no worker globals here, so the unit
 * tests can import it).
 */
import type { PushPayload } from '../pwa/payload';

/**
 * Server-owned paths the worker must never answer: no caching, no offline
 * fallback. API answers may be private; allauth/admin set cookies and CSRF;
 * /static/ is Django's own (WhiteNoise caches it with proper headers).
 */
export const NEVER_HANDLED_PREFIXES = ['/api/', '/_allauth/', '/admin/', '/static/'] as const;

export function isNeverHandled(url: URL, origin: string): boolean {
  if (url.origin !== origin) return true;
  const path = url.pathname;
  return NEVER_HANDLED_PREFIXES.some((prefix) => path === prefix.slice(0, -1) || path.startsWith(prefix));
}

/** A page load of the app itself: network first, the precached shell when offline. */
export function isAppNavigation(request: { mode: string; method: string }, url: URL, origin: string): boolean {
  return request.mode === 'navigate' && request.method === 'GET' && !isNeverHandled(url, origin);
}

export const ICON = '/icons/icon-192.png';
export const BADGE = '/icons/badge-96.png';

export function notificationOptions(payload: PushPayload): NotificationOptions {
  const options: NotificationOptions = {
    body: payload.body,
    icon: ICON,
    badge: BADGE,
    data: { url: payload.url, kind: payload.kind },
  };
  if (payload.tag) options.tag = payload.tag;
  return options;
}

/** Where a notification click may take us: same-origin pages only. */
export function safeTargetUrl(raw: unknown, origin: string): string {
  const fallback = new URL('/', origin).href;
  if (typeof raw !== 'string' || raw === '') return fallback;
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin || isNeverHandled(url, origin)) return fallback;
    return url.href;
  } catch {
    return fallback;
  }
}

/** The parts of a `WindowClient` a notification click uses (structural, so tests can fake it). */
export interface WindowLike {
  readonly url: string;
  readonly focused: boolean;
  focus(): Promise<WindowLike>;
  navigate(url: string): Promise<WindowLike | null>;
  postMessage(message: unknown): void;
}

export interface WindowsLike {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<ReadonlyArray<WindowLike>>;
  openWindow(url: string): Promise<unknown>;
}

/** Of the app's open windows, the one a click should bring forward: one already showing
 * the target, else the focused one, else the most recent (matchAll lists by recency). */
export function pickWindow(windows: ReadonlyArray<WindowLike>, target: string, origin: string): WindowLike | null {
  const ours = windows.filter((w) => {
    try {
      return new URL(w.url).origin === origin;
    } catch {
      return false;
    }
  });
  return ours.find((w) => w.url === target) ?? ours.find((w) => w.focused) ?? ours[0] ?? null;
}

/**
 * Notification click: focus an open window of the app and take it to `target` (an absolute
 * same-origin URL from `safeTargetUrl`), or open a new one.
 */
export async function focusOrOpen(clients: WindowsLike, target: string, origin: string): Promise<void> {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = pickWindow(windows, target, origin);
  if (!existing) {
    await clients.openWindow(target);
    return;
  }
  // focus() can refuse (e.g. the browser allows no more focusing); still take it there.
  const focused = await existing.focus().catch(() => existing);
  if (focused.url === target) return;
  const url = new URL(target);
  try {
    if (await focused.navigate(target)) return;
  } catch {
    // navigate() refuses windows this worker does not control.
  }
  // Then the page routes itself (src/pwa/messages.ts).
  focused.postMessage({ type: 'navigate', url: url.pathname + url.search });
}
