/**
 * A small signal-based router: the current location is a signal, links are
 * plain <a href> (one document-level click handler turns same-app clicks
 * into pushState), and routes are matched by simple `/path/:param` patterns.
 */
import { signal } from '@preact/signals';

export interface Loc {
  path: string;
  search: string;
}

function readLocation(): Loc {
  if (typeof window === 'undefined') return { path: '/', search: '' };
  return { path: window.location.pathname, search: window.location.search };
}

export const location = signal<Loc>(readLocation());

export function query(loc: Loc = location.value): URLSearchParams {
  return new URLSearchParams(loc.search);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  if (isServerPath(url.pathname)) {
    // Not ours to render (e.g. back to the admin after logging in): a real page load.
    window.location.assign(url.pathname + url.search);
    return;
  }
  const current = window.location.pathname + window.location.search;
  const next = url.pathname + url.search;
  if (next !== current) {
    if (opts.replace) history.replaceState(null, '', next);
    else history.pushState(null, '', next);
  }
  location.value = { path: url.pathname, search: url.search };
  if (!opts.replace) window.scrollTo(0, 0);
}

/** Server-owned paths: a click there is a real page load, never client routing. */
const SERVER_PREFIXES = ['/api/', '/_allauth/', '/admin/', '/static/', '/accounts/'];

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((p) => path === p.slice(0, -1) || path.startsWith(p));
}

export function startRouter(): void {
  window.addEventListener('popstate', () => {
    location.value = readLocation();
  });
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target.closest('a') : null;
    if (!target || !target.href) return;
    if (target.target && target.target !== '_self') return;
    if (target.hasAttribute('download') || target.getAttribute('rel')?.includes('external')) return;
    const url = new URL(target.href);
    if (url.origin !== window.location.origin || isServerPath(url.pathname)) return;
    // In-page anchors (the skip link) keep their native behaviour.
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

export interface Match<R> {
  route: R;
  params: Record<string, string>;
}

/** First route whose pattern matches; `:name` segments become params. Pure. */
export function matchRoute<R extends { pattern: string }>(routes: R[], path: string): Match<R> | null {
  const parts = trimSlashes(path).split('/');
  for (const route of routes) {
    const pattern = trimSlashes(route.pattern).split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      const seg = pattern[i]!;
      const part = parts[i]!;
      if (seg.startsWith(':')) {
        if (!part) {
          ok = false;
          break;
        }
        try {
          params[seg.slice(1)] = decodeURIComponent(part);
        } catch {
          ok = false;
          break;
        }
      } else if (seg !== part) {
        ok = false;
        break;
      }
    }
    if (ok) return { route, params };
  }
  return null;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
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
