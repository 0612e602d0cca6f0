import type { Circle } from '../api/circles';
import { names as joined } from '../i18n/format';
import { t } from '../i18n/i18n';

/** "With Sam, Jo and Ana": the others in a circle by name, never as a number. Pure. */
export function othersIn(circle: Pick<Circle, 'members'>, myId: string | undefined): string {
  const names = circle.members.filter((m) => m.user.id !== myId).map((m) => m.user.display_name);
  if (names.length === 0) return t('Just you for now');
  return t('With {names}', { names: joined(names) });
}
