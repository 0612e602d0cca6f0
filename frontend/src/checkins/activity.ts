/** The words of home's "Lately" list. Pure, so they are unit-tested. */
import type { ActivityItem } from '../api/checkins';
import { answerLabel } from './words';

export interface ActivityLine {
  text: string;
  href: string;
}

export function activityLine(item: ActivityItem): ActivityLine {
  const name = item.person.display_name;
  const session = item.checkin ? `/checkins/${item.checkin}` : '/';
  switch (item.kind) {
    case 'nudge_answer':
      return {
        text:
          item.answer === 'need_you'
            ? `${name} could use you — their answer to your nudge`
            : `${name} answered your nudge: ${item.answer ? answerLabel(item.answer) : 'answered'}`,
        href: session,
      };
    case 'answer':
      return { text: `${name}: ${item.answer ? answerLabel(item.answer) : 'answered'}`, href: session };
    case 'okay_now':
      return { text: `${name} is okay now`, href: session };
    case 'join_request':
      return { text: `${name} would like to join ${item.circle.name}`, href: `/circles/${item.circle.id}` };
    case 'note':
      return { text: `${name} wrote a note`, href: item.checkin ? `/checkins/${item.checkin}/notes` : '/' };
  }
}

/** "14:05" today, "Yesterday 22:10", "Monday 09:30". */
export function activityWhen(iso: string, now: Date): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(at)) / 86_400_000);
  if (days <= 0) return time;
  if (days === 1) return `Yesterday ${time}`;
  return `${at.toLocaleDateString(undefined, { weekday: 'long' })} ${time}`;
}
