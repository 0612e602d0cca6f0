/** Dates, times and durations in the person's language, through `Intl` (no date library). */
import { intlLocale } from './i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "2 min ago", "hace 2 min", "just now" for under a minute ("ahora"). */
export function ago(when: Date | string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(when).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto', style: 'short' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A clock time in the person's own convention: "02:25", "2:25 AM". */
export function clock(when: Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: 'numeric', minute: '2-digit' }).format(new Date(when));
}

/** A day, long form: "1 December 2026", "1 de diciembre de 2026". */
export function day(when: Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long' }).format(new Date(when));
}

/** "Ana, Bea and Carl" / "Ana, Bea y Carl". */
export function list(names: string[]): string {
  return new Intl.ListFormat(intlLocale(), { style: 'long', type: 'conjunction' }).format(names);
}
