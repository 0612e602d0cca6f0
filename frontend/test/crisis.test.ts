import { afterEach, describe, expect, it } from 'vitest';
import serverDefault from '../../backend/web/crisis_resources.json?raw';
import {
  CACHE_KEY,
  cacheResources,
  DEFAULT_RESOURCES,
  dialable,
  displayUrl,
  guessRegion,
  INTERNATIONAL,
  initialResources,
  inLanguage,
  parseResources,
  regionFromLanguage,
  regionFromTimeZone,
  regionName,
  regionsOf,
  viewFor,
} from '../src/crisis/resources';
import { setLocale } from '../src/i18n/i18n';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

const server = {
  intro: 'You are not alone.',
  resources: [
    { name: 'Helpline', region: 'gb', description: 'Talk to us.', phone: '+44 116 123', text: '', url: '' },
    { name: 'Bad link', region: '', description: '', phone: '', text: '', url: 'javascript:alert(1)' },
  ],
};

describe('crisis resources', () => {
  it('has a sane international default', () => {
    const phones = DEFAULT_RESOURCES.resources.map((r) => r.phone);
    expect(phones).toEqual(expect.arrayContaining(['112', '911', '999', '988', '116 123']));
    const urls = DEFAULT_RESOURCES.resources.map((r) => r.url);
    expect(urls).toContain('https://findahelpline.com');
    expect(DEFAULT_RESOURCES.resources.some((r) => r.name.includes('Befrienders'))).toBe(true);
  });

  it("is the server's default list (the same file), and every entry of it shows", () => {
    expect(DEFAULT_RESOURCES).toEqual(JSON.parse(serverDefault));
    expect(parseResources(DEFAULT_RESOURCES)?.resources.map((r) => r.name)).toEqual(
      DEFAULT_RESOURCES.resources.map((r) => r.name),
    );
  });

  it('parses the server list and drops entries with no safe way to reach them', () => {
    const parsed = parseResources(server);
    expect(parsed?.intro).toBe('You are not alone.');
    expect(parsed?.resources.map((r) => r.name)).toEqual(['Helpline']);
    expect(parsed?.resources[0]).toMatchObject({ region: 'GB', language: 'en', emergency: false });
  });

  it('rejects lists it cannot show', () => {
    expect(parseResources(null)).toBeNull();
    expect(parseResources({ resources: [] })).toBeNull();
    expect(parseResources({ resources: 'x' })).toBeNull();
  });

  it('uses the cached list, else the default', () => {
    const storage = memoryStorage();
    expect(initialResources(storage)).toBe(DEFAULT_RESOURCES);
    cacheResources(parseResources(server)!, storage);
    expect(JSON.parse(storage.data.get(CACHE_KEY)!).intro).toBe('You are not alone.');
    expect(initialResources(storage).resources[0]!.name).toBe('Helpline');
    expect(initialResources(memoryStorage({ [CACHE_KEY]: '{not json' }))).toBe(DEFAULT_RESOURCES);
    expect(initialResources(null)).toBe(DEFAULT_RESOURCES);
  });

  it('formats numbers and links', () => {
    expect(dialable('116 123')).toBe('116123');
    expect(dialable('+44 (0) 116-123')).toBe('+440116123');
    expect(dialable('*4141')).toBe('*4141');
    expect(displayUrl('https://www.samaritans.org/')).toBe('samaritans.org');
    expect(displayUrl('https://findahelpline.com')).toBe('findahelpline.com');
  });

  it('knows where a person is: picked, else profile zone, else locale, else device zone', () => {
    const known = regionsOf(DEFAULT_RESOURCES);
    expect(regionFromTimeZone('America/Indiana/Indianapolis')).toBe('US');
    expect(regionFromTimeZone('Australia/Perth')).toBe('AU');
    expect(regionFromTimeZone('Europe/Dublin')).toBe('IE');
    expect(regionFromTimeZone('Asia/Tokyo')).toBeNull();
    expect(regionFromLanguage('es-MX')).toBe('MX');
    expect(regionFromLanguage('es')).toBeNull();
    expect(guessRegion({ languages: ['en-US'], deviceTimeZone: 'Europe/London' }, known)).toBe('US');
    expect(guessRegion({ languages: ['en'], deviceTimeZone: 'Europe/London' }, known)).toBe('GB');
    expect(guessRegion({ profileTimeZone: 'America/Toronto', languages: ['en-US'] }, known)).toBe('CA');
    expect(guessRegion({ chosen: 'NZ', profileTimeZone: 'America/Toronto' }, known)).toBe('NZ');
    expect(guessRegion({ chosen: INTERNATIONAL, languages: ['en-GB'] }, known)).toBe(INTERNATIONAL);
    expect(guessRegion({ languages: ['ja-JP'], deviceTimeZone: 'Asia/Tokyo' }, known)).toBe(INTERNATIONAL);
  });

  it("shows a region's own emergency number first, its lines in the person's language first", () => {
    const us = viewFor(DEFAULT_RESOURCES, 'US', 'es-US');
    expect(us.emergency?.phone).toBe('911');
    expect(us.local[0]?.language).toBe('es');
    expect(us.anywhere.map((r) => r.url)).toContain('https://findahelpline.com');
    expect(viewFor(DEFAULT_RESOURCES, 'GB').emergency?.phone).toBe('999');
    expect(viewFor(DEFAULT_RESOURCES, 'AU').emergency?.phone).toBe('000');
    expect(viewFor(DEFAULT_RESOURCES, INTERNATIONAL).local).toEqual([]);
    // Every region of the offline copy has its emergency number.
    for (const region of regionsOf(DEFAULT_RESOURCES)) {
      expect(viewFor(DEFAULT_RESOURCES, region).emergency?.region).toBe(region);
    }
    // A list from the server without a region's emergency entry still shows the built-in one.
    const noGb = { intro: '', resources: DEFAULT_RESOURCES.resources.filter((r) => r.phone !== '999') };
    expect(viewFor(noGb, 'GB').emergency?.phone).toBe('999');
  });

  it("puts the app's language first, then the browser's, keeping the admin's order within each", () => {
    const mixed = {
      intro: '',
      resources: [
        { ...DEFAULT_RESOURCES.resources[0]!, region: 'US', emergency: false, name: 'A', language: 'en' },
        { ...DEFAULT_RESOURCES.resources[0]!, region: 'US', emergency: false, name: 'B', language: 'fr' },
        { ...DEFAULT_RESOURCES.resources[0]!, region: 'US', emergency: false, name: 'C', language: 'es' },
        { ...DEFAULT_RESOURCES.resources[0]!, region: 'US', emergency: false, name: 'D', language: 'en' },
      ],
    };
    expect(viewFor(mixed, 'US', ['es', 'fr-FR']).local.map((r) => r.name)).toEqual(['C', 'B', 'A', 'D']);
    expect(viewFor(mixed, 'US', ['en', 'es-ES']).local.map((r) => r.name)).toEqual(['A', 'D', 'C', 'B']);
    // Spain for a Spanish browser: 112 first, then the 024 line.
    const spain = viewFor(DEFAULT_RESOURCES, guessRegion({ languages: ['es-ES'] }, regionsOf(DEFAULT_RESOURCES)), 'es');
    expect(spain.emergency?.phone).toBe('112');
    expect(spain.local[0]?.phone).toBe('024');
    const mexico = viewFor(DEFAULT_RESOURCES, 'MX', 'es');
    expect([mexico.emergency?.phone, mexico.local[0]?.phone]).toEqual(['911', '800 911 2000']);
  });
});

describe('crisis words in the person language', () => {
  afterEach(() => setLocale('en', false));

  it("translates the built-in English words and the region's name, and leaves the rest as they are", async () => {
    await setLocale('es', false);
    expect(inLanguage('en', 'Emergency services')).toEqual({ text: 'Servicios de emergencia', lang: 'es' });
    expect(inLanguage('en', 'Text HOME to 741741')).toEqual({ text: 'Text HOME to 741741', lang: 'en' });
    expect(inLanguage('fr', 'Urgences')).toEqual({ text: 'Urgences', lang: 'fr' });
    expect(regionName('ES')).toBe('España');
    expect(regionName(INTERNATIONAL)).toBe('En otro lugar');
    await setLocale('en', false);
    expect(regionName('ES')).toBe('Spain');
  });
});
