import { afterEach, describe, expect, it } from 'vitest';
import es, { PARTS } from '../src/i18n/catalogs/es/index';
import { ago, clock, list } from '../src/i18n/format';
import { matchLanguage, msg, pseudo, setLocale, t, tn } from '../src/i18n/i18n';
import { markedStrings } from './marked';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the Spanish catalog', () => {
  const marked = markedStrings();

  it('translates every marked string', () => {
    const missing = [...marked].filter((s) => !(s in es) || !es[s]);
    expect(missing).toEqual([]);
  });

  it('has no entry that nothing uses', () => {
    expect(Object.keys(es).filter((key) => !marked.has(key))).toEqual([]);
  });

  it('has each English string in one part only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, entries] of Object.entries(PARTS)) {
      for (const key of Object.keys(entries)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${part})`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it('keeps the placeholders of the English', () => {
    for (const [key, value] of Object.entries(es)) {
      const forms = typeof value === 'string' ? [value] : Object.values(value);
      for (const form of forms) expect(placeholders(form ?? ''), key).toEqual(placeholders(key));
    }
  });
});

describe('t and tn', () => {
  afterEach(() => setLocale('en', false));

  it('shows the English until another language is chosen, then that one', async () => {
    expect(t('Language')).toBe('Language');
    await setLocale('es', false);
    expect(t('Language')).toBe('Idioma');
    // Not translated yet: the English rather than nothing.
    expect(t('Something new {name}', { name: 'Ana' })).toBe('Something new Ana');
  });

  it('picks plural forms by the language rules', () => {
    const forms = { one: '{count} friend', other: '{count} friends' };
    expect(tn(1, forms)).toBe('1 friend');
    expect(tn(3, forms)).toBe('3 friends');
  });

  it('makes a pseudo-locale about a third longer, placeholders intact', () => {
    const source = 'Thinking of you, {name}';
    const text = pseudo(source);
    expect(text.length).toBeGreaterThanOrEqual(Math.floor(source.length * 1.3));
    expect(text).toContain('{name}');
    expect(text).not.toContain('Thinking');
  });

  it('matches browser languages to what Shoulder speaks', () => {
    expect(matchLanguage(['es-MX', 'en'])).toBe('es');
    expect(matchLanguage(['ja', 'en-GB'])).toBe('en');
    expect(matchLanguage(['ja'])).toBe('en');
    expect(msg('x')).toBe('x');
  });

  it('formats times and lists in the chosen language', async () => {
    const now = new Date('2026-12-01T02:10:00Z');
    expect(ago(new Date('2026-12-01T02:08:00Z'), now)).toBe('2 min. ago');
    expect(list(['Ana', 'Bea', 'Carl'])).toBe('Ana, Bea, and Carl');
    await setLocale('es', false);
    expect(ago(new Date('2026-12-01T02:08:00Z'), now)).toBe('hace 2 min');
    expect(list(['Ana', 'Bea', 'Carl'])).toBe('Ana, Bea y Carl');
    expect(clock('2026-12-01T02:25:00Z')).toMatch(/\d{1,2}:25/);
  });
});
