/**
 * The words of check-ins, in one place. Pure, so they are unit-tested. Labels in constants
 * are marked with `msg()` and shown with `t(label)`; the functions return translated text.
 */
import type { Answer, CheckinCore, CheckinResponse, Kind, Mode, Needs } from '../api/checkins';
import { clockAt, duration, names, since } from '../i18n/format';
import { msg, t } from '../i18n/i18n';

export const MODES: { value: Mode; label: string }[] = [
  { value: 'come_over', label: msg('Come over') },
  { value: 'call', label: msg('Call me') },
  { value: 'text', label: msg('Text me') },
  { value: 'sit_with_me', label: msg('Just sit with me') },
];

export const NEEDS: { key: keyof Needs; label: string }[] = [
  { key: 'no_need_to_explain', label: msg('No need to explain') },
  { key: 'just_listen', label: msg('Please just listen — don’t try to fix') },
  { key: 'silence_ok', label: msg('Silence is okay') },
];

/** The one-tap answers an asked friend sees, in this order. */
export const FRIEND_ANSWERS: { value: Answer; label: string }[] = [
  { value: 'on_my_way', label: msg('On my way') },
  { value: 'calling', label: msg('Calling you now') },
  { value: 'texting', label: msg('I’ll text you') },
  { value: 'cant_right_now', label: msg('Can’t right now — sending love') },
];

export const NUDGE_ANSWERS: { value: Answer; label: string }[] = [
  { value: 'okay', label: msg('I’m okay') },
  { value: 'heavy', label: msg('A bit heavy') },
  { value: 'need_you', label: msg('Could use you') },
];

export const ETA_CHOICES = [5, 15, 30, 60];

/** What an answer says, as the person who asked reads it. */
const ANSWER_LABELS: Record<Answer, string> = {
  on_my_way: msg('On my way'),
  calling: msg('Calling you now'),
  texting: msg('Texting you'),
  cant_right_now: msg('Can’t right now — sending love'),
  okay: msg('I’m okay'),
  heavy: msg('A bit heavy'),
  need_you: msg('Could use you'),
};

export function answerLabel(answer: Answer): string {
  const label = ANSWER_LABELS[answer];
  return label ? t(label) : t('Answered');
}

/** "5 min", "1 hour", "1 hour 30 min", "2 hours". */
export function formatEta(minutes: number | null | undefined): string {
  if (!minutes || minutes < 1) return '';
  return duration(minutes);
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
  const answer = answerLabel(response.answer);
  if (at) return t('{answer}, around {time}', { answer, time: clockTime(at, locale, timeZone) });
  const eta = response.answer === 'on_my_way' ? formatEta(response.eta_minutes) : '';
  return eta ? t('{answer}, {duration}', { answer, duration: eta }) : answer;
}

/** How they'd like to be met, said to the friend being asked. */
export function modeForFriend(mode: Mode | null): string | null {
  switch (mode) {
    case 'come_over':
      return t('They’d like you to come over');
    case 'call':
      return t('They’d like a call');
    case 'text':
      return t('They’d like a text');
    case 'sit_with_me':
      return t('They’d like you to just sit with them');
    default:
      return null;
  }
}

export function modeLabel(mode: Mode | null): string {
  const label = MODES.find((m) => m.value === mode)?.label;
  return label ? t(label) : '';
}

/** The needs, said to the friend: "They asked you to just listen", … */
export function needsForFriend(needs: Needs): string[] {
  const out: string[] = [];
  if (needs.just_listen) out.push(t('They asked you to just listen'));
  if (needs.no_need_to_explain) out.push(t('No need to explain'));
  if (needs.silence_ok) out.push(t('Silence is okay'));
  return out;
}

/** The headline of a card asking me. */
export function askTitle(checkin: Pick<CheckinCore, 'kind' | 'requester'>): string {
  const name = checkin.requester.display_name;
  if (checkin.kind === 'check_on_me') return t('{name} asked you to check on them', { name });
  if (checkin.kind === 'nudge') return t('{name} is thinking of you — how are you?', { name });
  return t('{name} needs you', { name });
}

export function kindLabel(kind: Kind): string {
  if (kind === 'check_on_me') return t('Check on me later');
  if (kind === 'nudge') return t('Thinking of you');
  return t('Reach out');
}

/** "reach out to Sam": what is waiting to go (or went), for "Your … will send when you're back online". */
export function kindTo(kind: Kind, to: string): string {
  if (kind === 'check_on_me') return t('check on me later to {name}', { name: to });
  if (kind === 'nudge') return t('thinking of you to {name}', { name: to });
  return t('reach out to {name}', { name: to });
}

/** Gentle reminders before sending; one is shown, rotating. */
export const REMINDERS = [
  msg('You’re not bringing them down. You’re friends for a reason.'),
  msg('You’re not too emotional. Feelings are allowed here.'),
  msg('They’d want to know. That’s what this circle is for.'),
  msg('You don’t have to explain. Asking is enough.'),
];

export function reminderFor(seed: number): string {
  const i = Math.abs(Math.floor(seed)) % REMINDERS.length;
  return t(REMINDERS[i]!);
}

/** "Sam and Jo", "Sam, Jo and Ana". */
export function joinNames(people: string[]): string {
  return names(people);
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
      ? t('You said you’re okay now. Your people were glad to be there.')
      : t('We’re glad you’re okay. Nobody could answer this time — that isn’t about you.');
  }
  return came
    ? t('This check-in has ended. Reach out again whenever you need to.')
    : t(
        'This check-in has ended. Nobody could answer this time — that isn’t about you. Reach out again whenever you need to.',
      );
}

/** What an asked friend reads once it is over, by what they answered. */
export function friendClosing(status: string, mine: Pick<CheckinResponse, 'answer'> | null): string {
  if (status !== 'closed') return t('Nothing you need to do. You can always check in on them.');
  if (!mine) return t('Nothing you need to do. You can always check in on them.');
  if (mine.answer === 'cant_right_now') return t('Thank you for sending love. Nothing else you need to do.');
  return t('Thank you for being there.');
}

// --- time on everything: "2 min ago", "at 01:58", "around 02:25" (Intl only) ---------------

/** "just now", "2 min ago", "1 hour ago", "yesterday"… from `iso` to `now`. */
export function timeAgo(iso: string | null | undefined, now: Date = new Date(), locale?: string): string {
  if (!iso) return '';
  if (Number.isNaN(new Date(iso).getTime())) return '';
  return locale ? since(iso, now, locale) : since(iso, now);
}

/** "02:25" in the device's time (24-hour or 12-hour as the locale says). */
export function clockTime(date: Date, locale?: string, timeZone?: string): string {
  return locale ? clockAt(date, timeZone, locale) : clockAt(date, timeZone);
}

/** When someone said they'd be there: `eta_from` + `eta_minutes`, or null. */
export function etaAt(response: Pick<CheckinResponse, 'answer' | 'eta_minutes' | 'eta_from'>): Date | null {
  if (response.answer !== 'on_my_way' || !response.eta_minutes || !response.eta_from) return null;
  const from = new Date(response.eta_from).getTime();
  if (Number.isNaN(from)) return null;
  return new Date(from + response.eta_minutes * 60_000);
}
