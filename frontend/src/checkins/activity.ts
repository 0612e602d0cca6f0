/** The words of home's "Lately" list. Pure, so they are unit-tested. */
import type { ActivityItem } from '../api/checkins';
import { clockAt, weekday } from '../i18n/format';
import { t } from '../i18n/i18n';
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
            ? t('{name} could use you — their answer to your nudge', { name })
            : t('{name} answered your nudge: {answer}', {
                name,
                answer: item.answer ? answerLabel(item.answer) : t('answered'),
              }),
        href: session,
      };
    case 'answer':
      return {
        text: t('{name}: {answer}', { name, answer: item.answer ? answerLabel(item.answer) : t('answered') }),
        href: session,
      };
    case 'okay_now':
      return { text: t('{name} is okay now', { name }), href: session };
    case 'join_request':
      return {
        text: t('{name} would like to join {circle}', { name, circle: item.circle.name }),
        href: `/circles/${item.circle.id}`,
      };
    case 'note':
      return { text: t('{name} wrote a note', { name }), href: item.checkin ? `/checkins/${item.checkin}/notes` : '/' };
  }
}

/** "14:05" today, "Yesterday 22:10", "Monday 09:30". */
export function activityWhen(iso: string, now: Date): string {
  const at = new Date(iso);
  const time = clockAt(at);
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(at)) / 86_400_000);
  if (days <= 0) return time;
  if (days === 1) return t('Yesterday {time}', { time });
  return t('{day} {time}', { day: weekday(at), time });
}
