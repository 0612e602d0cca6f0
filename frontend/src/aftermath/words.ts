/** What the aftermath screens say, and the small decisions behind it. All pure. */
import type { Audience, Moment, Note, ReactionKind, SessionInfo } from '../api/aftermath';
import type { Circle } from '../api/circles';
import { NOTE_BODY_MAX } from '../api/limits';
import { names as joined } from '../i18n/format';
import { intlLocale, msg, t } from '../i18n/i18n';

export const AUDIENCES: { value: Audience; label: string; short: string }[] = [
  { value: 'participants', label: msg('Just us — the people who were there'), short: msg('Just us') },
  { value: 'circle', label: msg('The whole circle'), short: msg('The whole circle') },
];

/** The label on the picker's option, or the short tag on a card, in the person's language. */
export function audienceLabel(audience: Audience, form: 'label' | 'short' = 'label'): string {
  const found = AUDIENCES.find((a) => a.value === audience) ?? AUDIENCES[0]!;
  return t(found[form]);
}

export const REACTIONS: { kind: ReactionKind; label: string; symbol: string }[] = [
  { kind: 'hug', label: msg('Hug'), symbol: '🤗' },
  { kind: 'tears', label: msg('Tears'), symbol: '😢' },
  { kind: 'me_too', label: msg('Me too'), symbol: '🙋' },
  { kind: 'heart', label: msg('Heart'), symbol: '💜' },
];

/** A reaction's name in the person's language. */
export function reactionLabel(kind: ReactionKind): string {
  const found = REACTIONS.find((r) => r.kind === kind);
  return found ? t(found.label) : kind;
}

/** "Ana — Hug", one line per person, in the order they reacted. No counts. */
export function whoReacted(note: Pick<Note, 'reactions'>): string[] {
  return note.reactions.map((r) => `${r.user.display_name} — ${reactionLabel(r.kind)}`);
}

/** Marked here, shown with `t()`. */
export const PROMPTS = [
  msg('What helped?'),
  msg('Something you want to thank them for?'),
  msg("A moment you'll laugh about later?"),
];

/** The prompt after `index`, round and round; `null` (skipped) stays skipped. */
export function nextPrompt(index: number | null, length = PROMPTS.length): number | null {
  if (index === null || length === 0) return null;
  return (index + 1) % length;
}

export const BODY_MAX = NOTE_BODY_MAX;

/** What the writer may do on a session's notes page, from the check-in's detail (null: 404). */
export type ComposerState = 'write' | 'not_yet' | 'none';

const ACTIVE = ['scheduled', 'open', 'answered'];
const OVER = ['closed', 'expired'];

export function composerState(session: SessionInfo | null): ComposerState {
  if (!session || session.kind === 'nudge') return 'none';
  const wasThere =
    session.my_role === 'requester' ||
    (session.my_response !== null && session.my_response.answer !== 'cant_right_now');
  if (ACTIVE.includes(session.status)) return session.my_role === 'requester' || wasThere ? 'not_yet' : 'none';
  if (OVER.includes(session.status) && wasThere) return 'write';
  return 'none';
}

/** The locale days are written in: day before month in English ("3 March"), else the person's own. */
export function dateLocale(): string {
  const value = intlLocale();
  return value === 'en' ? 'en-GB' : value;
}

/** "3 March" ("3 de marzo"), with the year when it isn't this year. */
export function formatDate(iso: string, now: Date = new Date(), locale = dateLocale(), timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  const sameYear = year(date) === year(now);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: sameYear ? undefined : 'numeric',
    timeZone,
  }).format(date);
}

/**
 * "Alex reached out · 3 March"; "You reached out" for my own. A two-way session is one moment
 * together: "You were there for each other" (or "Alex and Sam were…" for the rest of the
 * circle) — never who helped whom, never a count.
 */
export function momentTitle(
  moment: Pick<Moment, 'kind' | 'requester' | 'created_at'> & Partial<Pick<Moment, 'mutual' | 'shared_with'>>,
  myId: string | null | undefined,
  now?: Date,
  timeZone?: string,
): string {
  const date = formatDate(moment.created_at, now, dateLocale(), timeZone);
  const isMe = (id: string) => myId !== null && myId !== undefined && id === myId;
  if (moment.mutual) {
    const people = [moment.requester, ...(moment.shared_with ?? [])];
    if (people.some((p) => isMe(p.id))) return t('You were there for each other · {date}', { date });
    const names = joined(people.map((p) => p.display_name));
    return t('{names} were there for each other · {date}', { names, date });
  }
  const name = moment.requester.display_name;
  if (isMe(moment.requester.id)) {
    return moment.kind === 'check_on_me'
      ? t('You asked to be checked on · {date}', { date })
      : t('You reached out · {date}', { date });
  }
  return moment.kind === 'check_on_me'
    ? t('{name} asked to be checked on · {date}', { name, date })
    : t('{name} reached out · {date}', { name, date });
}

/** The notes list after one changed (`null`: it was deleted). */
export function replaceNote(notes: Note[], id: string, next: Note | null): Note[] {
  return next ? notes.map((n) => (n.id === id ? next : n)) : notes.filter((n) => n.id !== id);
}

/** A person's display name, found among the members of my circles (null when not there). */
export function personName(circles: Pick<Circle, 'members'>[], userId: string): string | null {
  for (const circle of circles) {
    const found = circle.members.find((m) => m.user.id === userId);
    if (found) return found.user.display_name;
  }
  return null;
}
