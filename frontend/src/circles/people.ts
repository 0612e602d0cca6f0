import type { Circle } from '../api/circles';
import { t } from '../i18n/i18n';

/** "Sam, Jo and Ana" ("Sam, Jo y Ana"): names joined as the person's language joins them. Pure. */
export function andList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return t('{people} and {last}', { people: names.slice(0, -1).join(', '), last: names[names.length - 1]! });
}

/** "With Sam, Jo and Ana": the others in a circle by name, never as a number. Pure. */
export function othersIn(circle: Pick<Circle, 'members'>, myId: string | undefined): string {
  const names = circle.members.filter((m) => m.user.id !== myId).map((m) => m.user.display_name);
  if (names.length === 0) return t('Just you for now');
  return t('With {names}', { names: andList(names) });
}
