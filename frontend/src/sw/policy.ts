/**
 * Pure decisions of the service worker (no worker globals here, so the unit
 * tests can import it).
 */

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
export function isAppNavigation(
  request: { mode: string; method: string },
  url: URL,
  origin: string,
): boolean {
  return request.mode === 'navigate' && request.method === 'GET' && !isNeverHandled(url, origin);
}

export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  kind: string;
}

export const ICON = '/icons/icon-192.png';
export const BADGE = '/icons/badge-96.png';

/** Reads the push JSON `{title, body, url, tag, kind}` defensively. */
export function parsePushPayload(text: string | null | undefined): PushPayload {
  let raw: Record<string, unknown> = {};
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) raw = parsed as Record<string, unknown>;
    } catch {
      raw = { body: text };
    }
  }
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    title: s(raw.title) || 'Shoulder',
    body: s(raw.body),
    url: s(raw.url) || '/',
    tag: s(raw.tag),
    kind: s(raw.kind),
  };
}

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
