/** The device's IANA time zone, or '' if the browser won't say. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

const FALLBACK_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/** Every zone the browser knows, always including `current`, sorted. */
export function timeZoneOptions(current: string, supported?: string[]): string[] {
  let zones = supported;
  if (!zones) {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = FALLBACK_ZONES;
    }
  }
  const set = new Set(zones);
  set.add('UTC');
  if (current) set.add(current);
  return [...set].sort((a, b) => a.localeCompare(b));
}

// IANA's areas (as backend/common/timezones.py): names outside them are legacy aliases
// (`US/Eastern`, `Japan`) or not zones at all.
const AREAS = new Set([
  'Africa',
  'America',
  'Antarctica',
  'Arctic',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
  'Etc',
]);

/** A name a person can pick: `UTC` or `Area/Location`. Pure. */
export function isCurrentZoneName(zone: string): boolean {
  return zone === 'UTC' || (zone.includes('/') && AREAS.has(zone.split('/')[0]!));
}

function offset(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

/** "Berlin — Europe (GMT+1)", "New York — America (GMT-5)", "UTC". Pure but for Intl. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  if (zone === 'UTC') return 'UTC';
  const parts = zone.split('/');
  const place = parts.slice(1).reverse().join(', ').replace(/_/g, ' ');
  const where = place ? `${place} — ${parts[0]}` : zone.replace(/_/g, ' ');
  const off = offset(zone, at);
  return off ? `${where} (${off})` : where;
}

/** Current names matching `query` (any word, spaces or underscores alike), always with `keep`. Pure. */
export function filterZones(zones: string[], query: string, keep = ''): string[] {
  const words = query.toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean);
  return zones.filter((z) => {
    if (z === keep) return true;
    if (!isCurrentZoneName(z)) return false;
    const name = z.toLowerCase().replace(/_/g, ' ');
    return words.every((w) => name.includes(w));
  });
}
