/** Dates, times and durations in the person's language, through `Intl` (no date library). */
import { intlLocale, t } from './i18n';

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

/**
 * The locale for dates and times: the device's own region when it speaks the chosen language
 * (en-GB keeps its 24-hour clock, es-MX its own ways), else the language itself.
 */
function regional(): string {
  const language = intlLocale();
  const device = typeof navigator === 'undefined' ? undefined : navigator.language;
  return device && device.toLowerCase().split('-')[0] === language ? device : language;
}

/** "02:25" or "02:25 AM", two-digit hours, optionally in a given time zone. */
export function clockAt(when: Date | string, timeZone?: string, locale: string = regional()): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(when));
}

/** "Tuesday 21:00", "martes, 21:00": a day of this week and a time. */
export function weekdayAt(when: Date | string): string {
  return new Date(when).toLocaleString(regional(), { weekday: 'long', hour: '2-digit', minute: '2-digit' });
}

/** "Monday", "lunes". */
export function weekday(when: Date | string): string {
  return new Date(when).toLocaleDateString(regional(), { weekday: 'long' });
}

/** "just now" under 45 seconds, then "2 min. ago", "2 hr. ago", "yesterday" ("hace 2 min"…). */
export function since(when: Date | string, now: Date = new Date(), locale: string = regional()): string {
  const seconds = Math.round((now.getTime() - new Date(when).getTime()) / 1000);
  if (seconds < 45) return t('just now');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/** A span of minutes: "5 min", "1 hour", "1 hour 30 min", "2 hours" ("1 hora 30 min"). */
export function duration(minutes: number): string {
  const m = Math.round(minutes);
  const unit = (count: number, name: 'minute' | 'hour', unitDisplay: 'short' | 'long') =>
    new Intl.NumberFormat(intlLocale(), { style: 'unit', unit: name, unitDisplay }).format(count);
  if (m < 60) return unit(m, 'minute', 'short');
  const hours = unit(Math.floor(m / 60), 'hour', 'long');
  return m % 60 ? `${hours} ${unit(m % 60, 'minute', 'short')}` : hours;
}

/** "Sam and Jo", "Sam, Jo and Ana" / "Sam, Jo y Ana" (English without the serial comma). */
export function names(all: string[]): string {
  const language = intlLocale();
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : language, { style: 'long', type: 'conjunction' }).format(
    all,
  );
}
