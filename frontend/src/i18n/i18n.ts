/**
 * Every word a person reads goes through here. English is the source: `t('On my way')`
 * looks the English up in the current language's catalog (loaded lazily, only that one) and
 * falls back to the English. Placeholders are `{name}`; plurals go through `tn` and
 * `Intl.PluralRules`. Strings kept in constants are marked with `msg()` and translated where
 * they are shown. `make test` checks every marked string has a translation in every catalog.
 */
import { signal } from '@preact/signals';

export type Language = 'en' | 'es';
/** Pseudo-locales for testing layouts: accented and ~30 % longer; right-to-left. */
export type PseudoLocale = 'en-XA' | 'ar-XB';
export type Locale = Language | PseudoLocale;

/** The languages a person can pick, each named in itself. */
export const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
];

/** Plural forms of one message, by `Intl.PluralRules` category (`other` is required). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Catalog = Record<string, string | PluralForms>;

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  es: () => import('./catalogs/es/index'),
};

const STORAGE_KEY = 'shoulder.language';

/** The locale everything is shown in right now. */
export const locale = signal<Locale>('en');
const catalog = signal<Catalog>({});

const PSEUDO_LOCALES: readonly string[] = ['en-XA', 'ar-XB'] satisfies PseudoLocale[];

export function isLocale(code: string | null | undefined): code is Locale {
  return !!code && (LANGUAGES.some((l) => l.code === code) || PSEUDO_LOCALES.includes(code));
}

/** The best language for these browser preferences (`navigator.languages`): es-MX → es. */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((l) => l.code === base);
    if (found) return found.code;
  }
  return 'en';
}

/** The language the server should know about (pseudo-locales are English to it). */
export function serverLanguage(value: Locale = locale.value): Language {
  return PSEUDO_LOCALES.includes(value) ? 'en' : (value as Language);
}

export function direction(value: Locale = locale.value): 'ltr' | 'rtl' {
  return value === 'ar-XB' ? 'rtl' : 'ltr';
}

/** The locale for `Intl` formatting of dates, times and numbers. */
export function intlLocale(value: Locale = locale.value): string {
  return value === 'en-XA' || value === 'ar-XB' ? 'en' : value;
}

function remembered(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Switch the whole app to `value`; remembered on this device. */
export async function setLocale(value: Locale, remember = true): Promise<void> {
  const load = value in loaders ? loaders[value as keyof typeof loaders] : null;
  const next = load ? (await load()).default : {};
  catalog.value = next;
  locale.value = value;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, value);
    } catch {
      // Private mode: the choice lasts until the app is closed.
    }
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = value === 'ar-XB' ? 'ar' : value;
    document.documentElement.dir = direction(value);
  }
}

/** At start: what this device picked before, else the browser's languages. */
export function startLocale(preferred: readonly string[] = navigatorLanguages()): Promise<void> {
  return setLocale(remembered() ?? matchLanguage(preferred), false);
}

/** Once signed in, the profile's language wins unless this device picked one itself. */
export function adoptProfileLanguage(language: string | null | undefined): void {
  if (remembered() || !isLocale(language) || language === locale.value) return;
  void setLocale(language, false);
}

function navigatorLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

/** Marks a string for translation where it is defined; `t()` translates it where shown. */
export function msg(source: string): string {
  return source;
}

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const ACCENTS: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
  Y: 'Ý',
};

/** en-XA: every letter accented and the text ~30 % longer, placeholders left alone. */
export function pseudo(text: string): string {
  const parts = text.split(/(\{\w+\})/);
  const accented = parts
    .map((part) => (part.startsWith('{') ? part : part.replace(/[a-zA-Z]/g, (ch) => ACCENTS[ch] ?? ch)))
    .join('');
  const pad = Math.ceil(text.length * 0.3);
  return `[${accented}${' ~'.repeat(Math.ceil(pad / 2)).slice(0, pad)}]`;
}

function localize(source: string): string {
  switch (locale.value) {
    case 'en':
      return source;
    case 'en-XA':
      return pseudo(source);
    case 'ar-XB':
      // Right-to-left override: English letters laid out as a right-to-left script would be.
      return `\u202e${source}\u202c`;
    default: {
      const entry = catalog.value[source];
      return typeof entry === 'string' && entry ? entry : source;
    }
  }
}

/** `source` (English) in the current language, with `{placeholders}` filled. */
export function t(source: string, vars?: Record<string, string | number>): string {
  return fill(localize(source), vars);
}

/**
 * The form of a message for `count`: `tn(n, { one: '{count} friend', other: '{count} friends' })`.
 * The English `other` form is the key in every catalog; `{count}` is filled in.
 */
export function tn(count: number, english: PluralForms, vars?: Record<string, string | number>): string {
  const rule = new Intl.PluralRules(intlLocale()).select(count);
  const all = { count, ...vars };
  // English and the pseudo-locales have an empty catalog: the English forms are used.
  const entry = catalog.value[english.other];
  const forms: PluralForms = entry && typeof entry !== 'string' ? entry : english;
  const chosen = forms[rule] ?? forms.other;
  const text = locale.value === 'en-XA' ? pseudo(chosen) : locale.value === 'ar-XB' ? `\u202e${chosen}\u202c` : chosen;
  return fill(text, all);
}
