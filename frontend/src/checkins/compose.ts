/**
 * Composing a reach-out, a "check on me later" or a nudge: the draft, its checks and the
 * request it becomes. Pure (storage and clock are passed in), so it is unit-tested.
 */
import type { Kind, Mode, NewCheckin } from '../api/checkins';
import { CHECKIN_MESSAGE_MAX, SCHEDULE_MAX_AHEAD_SECONDS } from '../api/limits';
import { t, tn } from '../i18n/i18n';

export const MESSAGE_MAX = CHECKIN_MESSAGE_MAX;
/** The counter only appears this close to the limit. */
export const COUNTER_FROM = 40;
const LAST_CIRCLE_KEY = 'shoulder.lastCircle';

export interface Draft {
  circleId: string | null;
  /** Everyone else in the circle, or only the people picked. */
  who: 'circle' | 'people';
  people: string[];
  /** The one friend a nudge goes to. */
  nudgeTo: string | null;
  mode: Mode | null;
  no_need_to_explain: boolean;
  just_listen: boolean;
  silence_ok: boolean;
  message: string;
  /** `datetime-local` value, device time: when to be checked on. */
  checkAt: string;
}

/**
 * Where a compose is: editing → sending → sent | queued (offline; sends later) | editing
 * again with the server's reason. A queued one moves to sent when the outbox delivers it.
 */
export type Phase = 'editing' | 'sending' | 'queued' | 'sent';
export type PhaseEvent = 'submit' | 'ok' | 'offline' | 'refused' | 'delivered';

export function nextPhase(phase: Phase, event: PhaseEvent): Phase {
  switch (phase) {
    case 'editing':
      return event === 'submit' ? 'sending' : phase;
    case 'sending':
      if (event === 'ok') return 'sent';
      if (event === 'offline') return 'queued';
      if (event === 'refused') return 'editing';
      return phase;
    case 'queued':
      if (event === 'delivered') return 'sent';
      if (event === 'refused') return 'editing';
      return phase;
    case 'sent':
      return phase;
  }
}

export interface CircleChoice {
  id: string;
  name: string;
  members?: { user: { id: string } }[];
}

/** Someone besides me is in it (unknown members count as someone). */
function hasOthers(circle: CircleChoice, myId: string | null): boolean {
  return !circle.members || circle.members.some((m) => String(m.user.id) !== myId);
}

/**
 * The circle to start with: the one used last if it is still mine and has someone else in
 * it, else the first with someone else, else the first.
 */
export function pickCircle(
  circles: CircleChoice[],
  remembered: string | null,
  myId: string | null = null,
): string | null {
  const asked = circles.filter((c) => hasOthers(c, myId));
  if (remembered && asked.some((c) => c.id === remembered)) return remembered;
  return asked[0]?.id ?? circles[0]?.id ?? null;
}

export function rememberedCircle(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(LAST_CIRCLE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberCircle(storage: Pick<Storage, 'setItem'> | null, id: string): void {
  try {
    storage?.setItem(LAST_CIRCLE_KEY, id);
  } catch {
    // Private mode: we just won't remember.
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A Date as a `datetime-local` value in device time. */
export function toLocalInput(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Tonight at 21:00; when that is under half an hour away (or past), an hour from now. */
export function defaultCheckTime(now: Date): string {
  const tonight = new Date(now);
  tonight.setHours(21, 0, 0, 0);
  if (tonight.getTime() - now.getTime() >= 30 * 60 * 1000) return toLocalInput(tonight);
  const later = new Date(now.getTime() + 60 * 60 * 1000);
  later.setMinutes(Math.ceil(later.getMinutes() / 15) * 15, 0, 0);
  return toLocalInput(later);
}

export function newDraft(
  circles: CircleChoice[],
  remembered: string | null,
  now: Date,
  myId: string | null = null,
): Draft {
  return {
    circleId: pickCircle(circles, remembered, myId),
    who: 'circle',
    people: [],
    nudgeTo: null,
    mode: null,
    no_need_to_explain: false,
    just_listen: false,
    silence_ok: false,
    message: '',
    checkAt: defaultCheckTime(now),
  };
}

/** Characters left, or null while far from the limit (no counter then). */
export function charactersLeft(message: string): number | null {
  const left = MESSAGE_MAX - [...message].length;
  return left <= COUNTER_FROM ? left : null;
}

export function counterText(message: string): string | null {
  const left = charactersLeft(message);
  if (left === null) return null;
  if (left > 0) return tn(left, { other: '{count} characters left', one: '{count} character left' });
  if (left === 0) return t('That’s the most it can hold');
  return tn(-left, { other: 'A little shorter, please — {count} over' });
}

export type Problems = Partial<Record<'circle' | 'audience' | 'mode' | 'message' | 'checkAt', string>>;

/** What stops this draft from being sent as `kind`, in plain words; empty when it can go. */
export function problems(draft: Draft, kind: Kind, now: Date): Problems {
  const out: Problems = {};
  if (!draft.circleId) out.circle = t('Pick a circle to ask.');
  if (kind === 'nudge') {
    if (!draft.nudgeTo) out.audience = t('Pick the one friend to nudge.');
  } else {
    if (draft.who === 'people' && draft.people.length === 0) {
      out.audience = t('Pick at least one person, or ask the whole circle.');
    }
    if (!draft.mode) out.mode = t('Pick how you’d like them to be there.');
  }
  if ([...draft.message].length > MESSAGE_MAX) {
    out.message = t('Please keep it to {count} characters.', { count: MESSAGE_MAX });
  }
  if (kind === 'check_on_me') {
    const at = draft.checkAt ? new Date(draft.checkAt) : null;
    if (!at || Number.isNaN(at.getTime())) out.checkAt = t('Pick a time.');
    else if (at.getTime() <= now.getTime()) out.checkAt = t('Pick a time later than now.');
    else if (at.getTime() > now.getTime() + SCHEDULE_MAX_AHEAD_SECONDS * 1000) {
      out.checkAt = tn(Math.round(SCHEDULE_MAX_AHEAD_SECONDS / 86400), {
        one: 'Pick a time within the next day.',
        other: 'Pick a time within the next {count} days.',
      });
    }
  }
  return out;
}

export function hasProblems(p: Problems): boolean {
  return Object.keys(p).length > 0;
}

/** The request body for this draft. The key stays the same for every retry of one compose. */
export function toRequest(draft: Draft, kind: Kind, key: string): NewCheckin {
  const body: NewCheckin = {
    kind,
    circle: draft.circleId ?? '',
    message: draft.message.trim(),
    idempotency_key: key,
  };
  if (kind === 'nudge') {
    body.audience = draft.nudgeTo ? [draft.nudgeTo] : [];
    return body;
  }
  if (draft.who === 'people') body.audience = [...draft.people];
  body.mode = draft.mode;
  body.no_need_to_explain = draft.no_need_to_explain;
  body.just_listen = draft.just_listen;
  body.silence_ok = draft.silence_ok;
  if (kind === 'check_on_me') body.scheduled_for = new Date(draft.checkAt).toISOString();
  return body;
}

/** A fresh idempotency key (≤ 64 characters). */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What to say about a text's length against `max` (no silent cut-off: fields have no
 * `maxlength`): nothing while far from it, then how many are left, then how far over.
 */
export function lengthNote(
  text: string,
  max: number,
  from = Math.min(COUNTER_FROM, Math.floor(max / 4)),
): string | null {
  const left = max - [...text].length;
  if (left > from) return null;
  if (left > 0) return tn(left, { other: '{count} characters left', one: '{count} character left' });
  if (left === 0) return t('That’s the most it can hold');
  return tn(-left, { other: 'A little shorter, please — {count} over' });
}
