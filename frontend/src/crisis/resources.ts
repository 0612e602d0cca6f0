/**
 * Crisis resources: a built-in international default (works offline and
 * before the server answers) and the last list the server gave us, kept in
 * localStorage. Public data only.
 */

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

export const DEFAULT_RESOURCES: CrisisResources = {
  intro:
    "If you might hurt yourself or someone else, or you're in danger, contact emergency services now. If you need to talk to someone tonight, these people are there for you.",
  resources: [
    {
      name: 'Emergency services',
      region: 'Europe and many other countries',
      description: 'Police, ambulance and fire. Works from any phone, free of charge.',
      phone: '112',
      text: '',
      url: '',
    },
    {
      name: 'Emergency services',
      region: 'United States and Canada',
      description: 'Police, ambulance and fire.',
      phone: '911',
      text: '',
      url: '',
    },
    {
      name: '988 Suicide & Crisis Lifeline',
      region: 'United States',
      description: 'Call or text, any time, to talk with a trained crisis counselor.',
      phone: '988',
      text: '988',
      url: 'https://988lifeline.org',
    },
    {
      name: 'Samaritans',
      region: 'United Kingdom and Ireland',
      description: 'Free to call, day or night, whatever you are going through.',
      phone: '116 123',
      text: '',
      url: 'https://www.samaritans.org',
    },
    {
      name: 'Find A Helpline',
      region: 'Worldwide',
      description: 'Free, confidential helplines in your country, by phone, text or chat.',
      phone: '',
      text: '',
      url: 'https://findahelpline.com',
    },
    {
      name: 'Befrienders Worldwide',
      region: 'Worldwide',
      description: 'Emotional support centres around the world.',
      phone: '',
      text: '',
      url: 'https://befrienders.org',
    },
  ],
};

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

export function cacheResources(
  resources: CrisisResources,
  storage: StorageLike | null = defaultStorage(),
): void {
  try {
    storage?.setItem(CACHE_KEY, JSON.stringify(resources));
  } catch {
    // Storage full or blocked: the default list still works.
  }
}
