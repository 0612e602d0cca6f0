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

/** "On my way, 15 min" — an answer with its ETA when there is one. */
export function responseText(response: Pick<CheckinResponse, 'answer' | 'eta_minutes'>): string {
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
