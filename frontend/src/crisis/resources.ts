/**
 * Crisis resources: a built-in list of every region (works offline and before
 * the server answers) and the last list the server gave us, kept in
 * localStorage; the page shows the person's own region first. Public data only.
 */
import defaults from '../../../backend/web/crisis_resources.json';
import { intlLocale, msg, t } from '../i18n/i18n';

/** A country code (ISO 3166-1 alpha-2) or this. */
export const INTERNATIONAL = 'international';

export interface CrisisResource {
  name: string;
  /** `GB`, `US`… or `international`. */
  region: string;
  /** The language it answers in, e.g. `en`. */
  language: string;
  /** The emergency number of its region. */
  emergency: boolean;
  description: string;
  phone: string;
  text: string;
  url: string;
}

export interface CrisisResources {
  intro: string;
  resources: CrisisResource[];
}

export const CACHE_KEY = 'shoulder.crisis-resources.v2';
/** The region a person picked on the crisis page, kept on this device. */
export const REGION_KEY = 'shoulder.crisis-region';

export const NOT_A_SERVICE = msg(
  'Shoulder is not an emergency or therapy service. If you are in danger, call your local emergency number.',
);

/** The server's default list (one file for both), bundled as the offline copy. */
export const DEFAULT_RESOURCES: CrisisResources = defaults;

/**
 * The built-in list's English words that anyone may need whatever their language: the intro,
 * and the emergency numbers and what works anywhere. Shown through `t()` (see `inLanguage`);
 * the lines of each country stay in the language they answer in.
 */
export const BUILT_IN_WORDS = [
  msg(
    'Shoulder is not an emergency or therapy service. If you are in danger or might hurt yourself, call your local emergency number now. These people are there to listen, any time.',
  ),
  msg('Emergency services'),
  msg('Police, ambulance and fire.'),
  msg(
    "Police, ambulance and fire. From a mobile phone, 112 reaches the emergency services in most countries; if it doesn't, use your local number.",
  ),
  msg('Free, confidential helplines in your country, by phone, text or chat.'),
  msg('Emotional support centres around the world.'),
];

/**
 * A resource's `name` or `description` (or the intro) in the page's language when it is one of the
 * built-in English words above, with the language it is now in (for `lang`). Else as it is.
 */
export function inLanguage(language: string, text: string): { text: string; lang: string } {
  if (language !== 'en' || !BUILT_IN_WORDS.includes(text)) return { text, lang: language };
  const shown = t(text);
  return { text: shown, lang: shown === text ? 'en' : intlLocale() };
}

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
      region: regionCode(s(r.region)) ?? INTERNATIONAL,
      language: s(r.language).toLowerCase() || 'en',
      emergency: r.emergency === true,
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

/** `tel:`/`sms:` hrefs keep only digits, a leading plus and `*` (Chile's `*4141`). */
export function dialable(number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/[^\d*]/g, '');
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

// --- the person's region ---------------------------------------------------------

/** `GB` for `gb`/`GB`, `international` for itself, else null. Pure. */
export function regionCode(raw: string): string | null {
  const t = raw.trim();
  if (t.toLowerCase() === INTERNATIONAL) return INTERNATIONAL;
  return /^[a-z]{2}$/i.test(t) ? t.toUpperCase() : null;
}

// Time zones of the countries the built-in list covers; an exact name or an `Area/Sub/` prefix.
const ZONES: Record<string, string> = {
  'America/New_York': 'US',
  'America/Chicago': 'US',
  'America/Denver': 'US',
  'America/Los_Angeles': 'US',
  'America/Phoenix': 'US',
  'America/Anchorage': 'US',
  'America/Adak': 'US',
  'America/Detroit': 'US',
  'America/Boise': 'US',
  'America/Juneau': 'US',
  'America/Sitka': 'US',
  'America/Nome': 'US',
  'America/Yakutat': 'US',
  'America/Metlakatla': 'US',
  'America/Menominee': 'US',
  'Pacific/Honolulu': 'US',
  'America/Indiana/': 'US',
  'America/Kentucky/': 'US',
  'America/North_Dakota/': 'US',
  'America/Toronto': 'CA',
  'America/Vancouver': 'CA',
  'America/Edmonton': 'CA',
  'America/Winnipeg': 'CA',
  'America/Halifax': 'CA',
  'America/St_Johns': 'CA',
  'America/Regina': 'CA',
  'America/Moncton': 'CA',
  'America/Glace_Bay': 'CA',
  'America/Goose_Bay': 'CA',
  'America/Whitehorse': 'CA',
  'America/Dawson': 'CA',
  'America/Dawson_Creek': 'CA',
  'America/Fort_Nelson': 'CA',
  'America/Creston': 'CA',
  'America/Iqaluit': 'CA',
  'America/Rankin_Inlet': 'CA',
  'America/Resolute': 'CA',
  'America/Cambridge_Bay': 'CA',
  'America/Inuvik': 'CA',
  'America/Swift_Current': 'CA',
  'America/Atikokan': 'CA',
  'America/Blanc-Sablon': 'CA',
  'America/Montreal': 'CA',
  'Europe/London': 'GB',
  'Europe/Belfast': 'GB',
  'Europe/Dublin': 'IE',
  'Australia/': 'AU',
  'Pacific/Auckland': 'NZ',
  'Pacific/Chatham': 'NZ',
  'Europe/Berlin': 'DE',
  'Europe/Busingen': 'DE',
  'Europe/Paris': 'FR',
  'Europe/Madrid': 'ES',
  'Africa/Ceuta': 'ES',
  'Atlantic/Canary': 'ES',
  'America/Mexico_City': 'MX',
  'America/Cancun': 'MX',
  'America/Merida': 'MX',
  'America/Monterrey': 'MX',
  'America/Matamoros': 'MX',
  'America/Chihuahua': 'MX',
  'America/Ciudad_Juarez': 'MX',
  'America/Ojinaga': 'MX',
  'America/Mazatlan': 'MX',
  'America/Bahia_Banderas': 'MX',
  'America/Hermosillo': 'MX',
  'America/Tijuana': 'MX',
  'America/Argentina/': 'AR',
  'America/Buenos_Aires': 'AR',
  'America/Bogota': 'CO',
  'America/Santiago': 'CL',
  'America/Punta_Arenas': 'CL',
  'Pacific/Easter': 'CL',
  'Asia/Kolkata': 'IN',
  'Asia/Calcutta': 'IN',
};

/** The country of an IANA time zone, for the countries we know; else null. Pure. */
export function regionFromTimeZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  if (ZONES[zone]) return ZONES[zone];
  const slash = zone.lastIndexOf('/');
  return slash > 0 ? (ZONES[zone.slice(0, slash + 1)] ?? null) : null;
}

/** The region subtag of a language tag (`en-GB` → `GB`), if it has one. Pure. */
export function regionFromLanguage(tag: string): string | null {
  try {
    const region = new Intl.Locale(tag).region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}

export interface RegionHints {
  /** What the person picked on this device. */
  chosen?: string | null;
  /** Their profile's time zone, when signed in. */
  profileTimeZone?: string | null;
  /** The browser's languages (`navigator.languages`). */
  languages?: readonly string[];
  /** The device's time zone. */
  deviceTimeZone?: string | null;
}

/**
 * Whose region to show first: what they picked, else their profile's time zone (signed in),
 * else the browser's locale, else the device's time zone; only regions the list has.
 * Anything unknown is `international`. Pure.
 */
export function guessRegion(hints: RegionHints, known: ReadonlySet<string>): string {
  const has = (r: string | null | undefined): r is string => !!r && known.has(r);
  const chosen = hints.chosen ? regionCode(hints.chosen) : null;
  if (chosen === INTERNATIONAL || has(chosen)) return chosen;
  const candidates = [
    regionFromTimeZone(hints.profileTimeZone),
    ...(hints.languages ?? []).map(regionFromLanguage),
    regionFromTimeZone(hints.deviceTimeZone),
  ];
  return candidates.find(has) ?? INTERNATIONAL;
}

/** Every region the list has (countries only). Pure. */
export function regionsOf(data: CrisisResources): Set<string> {
  return new Set(data.resources.map((r) => r.region).filter((r) => r !== INTERNATIONAL));
}

export interface RegionView {
  /** The emergency number to show first: the region's, else the international one. */
  emergency: CrisisResource | null;
  /** The region's other lines, the person's language first. */
  local: CrisisResource[];
  /** What works anywhere. */
  anywhere: CrisisResource[];
}

/**
 * What the crisis page shows for a region, in order: within the region, the lines in the
 * person's languages first (`languages` most wanted first: the app's, then the browser's). Pure.
 */
export function viewFor(
  data: CrisisResources,
  region: string,
  languages: string | readonly string[] = 'en',
): RegionView {
  const wanted = (typeof languages === 'string' ? [languages] : languages).map(
    (tag) => tag.toLowerCase().split('-')[0] ?? 'en',
  );
  const inRegion = data.resources.filter((r) => r.region === region);
  const international = data.resources.filter((r) => r.region === INTERNATIONAL);
  const emergency =
    inRegion.find((r) => r.emergency) ??
    DEFAULT_RESOURCES.resources.find((r) => r.region === region && r.emergency) ??
    international.find((r) => r.emergency) ??
    null;
  const rank = (r: CrisisResource) => {
    const at = wanted.indexOf(r.language);
    return at < 0 ? wanted.length : at;
  };
  // A stable sort: the admin's order stays within each language.
  const local = region === INTERNATIONAL ? [] : inRegion.filter((r) => !r.emergency).sort((a, b) => rank(a) - rank(b));
  const anywhere = international.filter((r) => !r.emergency);
  return { emergency, local, anywhere };
}

/** "United Kingdom" for `GB` in the page's language ("Reino Unido"); `international` reads "Anywhere else". */
export function regionName(region: string, language: string = intlLocale()): string {
  if (region === INTERNATIONAL) return t('Anywhere else');
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(region) ?? region;
  } catch {
    return region;
  }
}

export function chosenRegion(storage: StorageLike | null = defaultStorage()): string | null {
  try {
    return storage?.getItem(REGION_KEY) ?? null;
  } catch {
    return null;
  }
}

export function chooseRegion(region: string, storage: StorageLike | null = defaultStorage()): void {
  try {
    storage?.setItem(REGION_KEY, region);
  } catch {
    // The guess still works.
  }
}
