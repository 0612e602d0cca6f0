/**
 * Crisis resources: a built-in international default (works offline and
 * before the server answers) and the last list the server gave us, kept in
 * localStorage. Public data only.
 */
import defaults from '../../../backend/web/crisis_resources.json';

export interface CrisisResource {
  name: string;
  region: string;
  description: string;
  phone: string;
  text: string;
  url: string;
}

export interface CrisisResources {
  intro: string;
  resources: CrisisResource[];
}

export const CACHE_KEY = 'shoulder.crisis-resources.v1';

export const NOT_A_SERVICE =
  'Shoulder is not an emergency or therapy service. If you are in danger, call your local emergency number.';

/** The server's default list (one file for both), bundled as the offline copy. */
export const DEFAULT_RESOURCES: CrisisResources = defaults;

function s(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** Accepts only the shape we render; anything else gives null. Pure. */
export function parseResources(raw: unknown): CrisisResources | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const obj = raw as Record<string, unknown>;
  if (!Array.isArray(obj.resources)) return null;
  const resources: CrisisResource[] = [];
  for (const item of obj.resources) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    const resource: CrisisResource = {
      name: s(r.name),
      region: s(r.region),
      description: s(r.description),
      phone: s(r.phone),
      text: s(r.text),
      url: safeHttpUrl(s(r.url)),
    };
    if (resource.name && (resource.phone || resource.text || resource.url)) {
      resources.push(resource);
    }
  }
  if (resources.length === 0) return null;
  return { intro: s(obj.intro), resources };
}

/** Only http(s) links; a `javascript:` URL from anywhere never becomes an href. */
export function safeHttpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : '';
  } catch {
    return '';
  }
}

/** `tel:`/`sms:` hrefs keep only digits and a leading plus. */
export function dialable(number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** The host a person would type, e.g. `findahelpline.com`. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.host.replace(/^www\./, '');
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
    return host + path;
  } catch {
    return url;
  }
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The cached list if there is a good one, else the built-in default. */
export function initialResources(storage: StorageLike | null = defaultStorage()): CrisisResources {
  if (!storage) return DEFAULT_RESOURCES;
  try {
    const raw = storage.getItem(CACHE_KEY);
    if (raw) return parseResources(JSON.parse(raw)) ?? DEFAULT_RESOURCES;
  } catch {
    // A broken cache is no reason to show nothing.
  }
  return DEFAULT_RESOURCES;
}

export function cacheResources(resources: CrisisResources, storage: StorageLike | null = defaultStorage()): void {
  try {
    storage?.setItem(CACHE_KEY, JSON.stringify(resources));
  } catch {
    // Storage full or blocked: the default list still works.
  }
}
