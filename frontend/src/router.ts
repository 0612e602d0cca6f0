/**
 * Routing is preact-iso's (`LocationProvider`, `Router`, `Route`, `lazy`, see app.tsx); here
 * are the pieces it does not have: `navigate()` for code outside components (push messages,
 * event handlers), which paths belong to the server, and the `?next=` rules. The helpers
 * other than `navigate` are pure and unit-tested.
 */

/** Server-owned paths: a click there is a real page load, never client routing. */
const SERVER_PREFIXES = ['/api/', '/_allauth/', '/admin/', '/static/', '/accounts/'];

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((p) => path === p.slice(0, -1) || path.startsWith(p));
}

/**
 * preact-iso's `scope`: the link hrefs it routes in the page. Everything else (server paths,
 * anything not starting with one slash) is left to the browser.
 */
export const APP_SCOPE = /^\/(?!\/)(?!(?:api|_allauth|admin|static|accounts)(?:[/?#]|$))/;

type RouteFn = (url: string, replace?: boolean) => void;
let routeFn: RouteFn | null = null;

/** Called by the app (inside `LocationProvider`) with preact-iso's `route`. */
export function setRouteFn(fn: RouteFn): void {
  routeFn = fn;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  const next = url.pathname + url.search;
  if (url.origin !== window.location.origin || isServerPath(url.pathname) || !routeFn) {
    // Not ours to render (e.g. back to the admin after logging in), or before the app
    // mounted: a real page load.
    if (opts.replace) window.location.replace(next);
    else window.location.assign(next);
    return;
  }
  // Going where we already are adds no history entry.
  const here = window.location.pathname + window.location.search;
  routeFn(next, opts.replace || next === here);
}

/**
 * A `next` value we are willing to go to: an in-app path only (no scheme,
 * no `//host`, no backslash tricks, not a server path). Pure.
 */
export function safeNext(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(raw, 'https://shoulder.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://shoulder.invalid') return null;
  // Server pages are never a place to land, except the admin, whose login is ours.
  if (isServerPath(url.pathname) && !url.pathname.startsWith('/admin/')) return null;
  return url.pathname + url.search;
}

/** `path` with `?next=` carried along (dropped when it is just home). */
export function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNext(next);
  if (!safe || safe === '/') return path;
  const url = new URL(path, 'https://shoulder.invalid');
  url.searchParams.set('next', safe);
  return url.pathname + url.search;
}

/** A path preact-iso can match: it decodes each segment and a bad escape would throw. Pure. */
export function routablePath(path: string): boolean {
  try {
    for (const part of path.split('/')) decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}
