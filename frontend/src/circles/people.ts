import type { Circle } from '../api/circles';

/** "With Sam, Jo and Ana": the others in a circle by name, never as a number. Pure. */
export function othersIn(circle: Pick<Circle, 'members'>, myId: string | undefined): string {
  const names = circle.members.filter((m) => m.user.id !== myId).map((m) => m.user.display_name);
  if (names.length === 0) return 'Just you for now';
  if (names.length === 1) return `With ${names[0]}`;
  return `With ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
