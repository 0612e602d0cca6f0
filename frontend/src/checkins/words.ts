/** The words of check-ins, in one place. Pure, so they are unit-tested. */
import type { Answer, CheckinCore, CheckinResponse, Kind, Mode, Needs } from '../api/checkins';

export const MODES: { value: Mode; label: string }[] = [
  { value: 'come_over', label: 'Come over' },
  { value: 'call', label: 'Call me' },
  { value: 'text', label: 'Text me' },
  { value: 'sit_with_me', label: 'Just sit with me' },
];

export const NEEDS: { key: keyof Needs; label: string }[] = [
  { key: 'no_need_to_explain', label: 'No need to explain' },
  { key: 'just_listen', label: 'Please just listen — don’t try to fix' },
  { key: 'silence_ok', label: 'Silence is okay' },
];

/** The one-tap answers an asked friend sees, in this order. */
export const FRIEND_ANSWERS: { value: Answer; label: string }[] = [
  { value: 'on_my_way', label: 'On my way' },
  { value: 'calling', label: 'Calling you now' },
  { value: 'texting', label: 'I’ll text you' },
  { value: 'cant_right_now', label: 'Can’t right now — sending love' },
];

export const NUDGE_ANSWERS: { value: Answer; label: string }[] = [
  { value: 'okay', label: 'I’m okay' },
  { value: 'heavy', label: 'A bit heavy' },
  { value: 'need_you', label: 'Could use you' },
];

export const ETA_CHOICES = [5, 15, 30, 60];

/** What an answer says, as the person who asked reads it. */
const ANSWER_LABELS: Record<Answer, string> = {
  on_my_way: 'On my way',
  calling: 'Calling you now',
  texting: 'Texting you',
  cant_right_now: 'Can’t right now — sending love',
  okay: 'I’m okay',
  heavy: 'A bit heavy',
  need_you: 'Could use you',
};

export function answerLabel(answer: Answer): string {
  return ANSWER_LABELS[answer] ?? 'Answered';
}

/** "5 min", "1 hour", "1 hour 30 min", "2 hours". */
export function formatEta(minutes: number | null | undefined): string {
  if (!minutes || minutes < 1) return '';
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  return rest ? `${h} ${rest} min` : h;
}

/**
 * "On my way, around 02:25" — an answer with the time they'll be there when there is one
 * ("On my way, 15 min" only when the server didn't say from when).
 */
export function responseText(
  response: Pick<CheckinResponse, 'answer' | 'eta_minutes'> & { eta_from?: string | null },
  locale?: string,
  timeZone?: string,
): string {
  const at = etaAt({ ...response, eta_from: response.eta_from ?? null });
  if (at) return `${answerLabel(response.answer)}, around ${clockTime(at, locale, timeZone)}`;
  const eta = response.answer === 'on_my_way' ? formatEta(response.eta_minutes) : '';
  return eta ? `${answerLabel(response.answer)}, ${eta}` : answerLabel(response.answer);
}

/** How they'd like to be met, said to the friend being asked. */
export function modeForFriend(mode: Mode | null): string | null {
  switch (mode) {
    case 'come_over':
      return 'They’d like you to come over';
    case 'call':
      return 'They’d like a call';
    case 'text':
      return 'They’d like a text';
    case 'sit_with_me':
      return 'They’d like you to just sit with them';
    default:
      return null;
  }
}

export function modeLabel(mode: Mode | null): string {
  return MODES.find((m) => m.value === mode)?.label ?? '';
}

/** The needs, said to the friend: "They asked you to just listen", … */
export function needsForFriend(needs: Needs): string[] {
  const out: string[] = [];
  if (needs.just_listen) out.push('They asked you to just listen');
  if (needs.no_need_to_explain) out.push('No need to explain');
  if (needs.silence_ok) out.push('Silence is okay');
  return out;
}

/** The headline of a card asking me. */
export function askTitle(checkin: Pick<CheckinCore, 'kind' | 'requester'>): string {
  const name = checkin.requester.display_name;
  if (checkin.kind === 'check_on_me') return `${name} asked you to check on them`;
  if (checkin.kind === 'nudge') return `${name} is thinking of you — how are you?`;
  return `${name} needs you`;
}

export function kindLabel(kind: Kind): string {
  if (kind === 'check_on_me') return 'Check on me later';
  if (kind === 'nudge') return 'Thinking of you';
  return 'Reach out';
}

/** Gentle reminders before sending; one is shown, rotating. */
export const REMINDERS = [
  'You’re not bringing them down. You’re friends for a reason.',
  'You’re not too emotional. Feelings are allowed here.',
  'They’d want to know. That’s what this circle is for.',
  'You don’t have to explain. Asking is enough.',
];

export function reminderFor(seed: number): string {
  const i = Math.abs(Math.floor(seed)) % REMINDERS.length;
  return REMINDERS[i]!;
}

/** "Sam and Jo", "Sam, Jo and Ana". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

type Audienced = { audience: { response: Pick<CheckinResponse, 'answer'> | null }[] };

/** Someone answered with more than "can't right now": somebody was there. */
export function someoneCame(checkin: Audienced): boolean {
  return checkin.audience.some((a) => a.response !== null && a.response.answer !== 'cant_right_now');
}

/** What the requester reads once it is over, by what happened. */
export function requesterClosing(checkin: Audienced & { status: string }): string {
  const came = someoneCame(checkin);
  if (checkin.status === 'closed') {
    return came
      ? 'You said you’re okay now. Your people were glad to be there.'
      : 'We’re glad you’re okay. Nobody could answer this time — that isn’t about you.';
  }
  return came
    ? 'This check-in has ended. Reach out again whenever you need to.'
    : 'This check-in has ended. Nobody could answer this time — that isn’t about you. Reach out again whenever you need to.';
}

/** What an asked friend reads once it is over, by what they answered. */
export function friendClosing(status: string, mine: Pick<CheckinResponse, 'answer'> | null): string {
  if (status !== 'closed') return 'Nothing you need to do. You can always check in on them.';
  if (!mine) return 'Nothing you need to do. You can always check in on them.';
  if (mine.answer === 'cant_right_now') return 'Thank you for sending love. Nothing else you need to do.';
  return 'Thank you for being there.';
}

// --- time on everything: "2 min ago", "at 01:58", "around 02:25" (Intl only) ---------------

/** "just now", "2 min ago", "1 hour ago", "yesterday"… from `iso` to `now`. */
export function timeAgo(iso: string | null | undefined, now: Date = new Date(), locale?: string): string {
  if (!iso) return '';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now.getTime() - then) / 1000);
  if (seconds < 45) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.round(hours / 24), 'day');
}

/** "02:25" in the device's time (24-hour or 12-hour as the locale says). */
export function clockTime(date: Date, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/** When someone said they'd be there: `eta_from` + `eta_minutes`, or null. */
export function etaAt(response: Pick<CheckinResponse, 'answer' | 'eta_minutes' | 'eta_from'>): Date | null {
  if (response.answer !== 'on_my_way' || !response.eta_minutes || !response.eta_from) return null;
  const from = new Date(response.eta_from).getTime();
  if (Number.isNaN(from)) return null;
  return new Date(from + response.eta_minutes * 60_000);
}
