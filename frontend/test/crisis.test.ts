import { describe, expect, it } from 'vitest';
import serverDefault from '../../backend/web/crisis_resources.json?raw';
import {
  CACHE_KEY,
  cacheResources,
  DEFAULT_RESOURCES,
  dialable,
  displayUrl,
  initialResources,
  parseResources,
} from '../src/crisis/resources';

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
    { name: 'Helpline', region: 'Somewhere', description: 'Talk to us.', phone: '+44 116 123', text: '', url: '' },
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
    expect(displayUrl('https://www.samaritans.org/')).toBe('samaritans.org');
    expect(displayUrl('https://findahelpline.com')).toBe('findahelpline.com');
  });
});
