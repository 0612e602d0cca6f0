/** What the aftermath screens say, and the small decisions behind it. All pure. */
import type { Audience, Moment, Note, ReactionKind, SessionInfo } from '../api/aftermath';
import type { Circle } from '../api/circles';
import { NOTE_BODY_MAX } from '../api/limits';

export const AUDIENCES: { value: Audience; label: string; short: string }[] = [
  { value: 'participants', label: 'Just us — the people who were there', short: 'Just us' },
  { value: 'circle', label: 'The whole circle', short: 'The whole circle' },
];

/** The label on the picker's option, or the short tag on a card. */
export function audienceLabel(audience: Audience, form: 'label' | 'short' = 'label'): string {
  const found = AUDIENCES.find((a) => a.value === audience) ?? AUDIENCES[0]!;
  return found[form];
}

export const REACTIONS: { kind: ReactionKind; label: string; symbol: string }[] = [
  { kind: 'hug', label: 'Hug', symbol: '🤗' },
  { kind: 'tears', label: 'Tears', symbol: '😢' },
  { kind: 'me_too', label: 'Me too', symbol: '🙋' },
  { kind: 'heart', label: 'Heart', symbol: '💜' },
];

export function reactionLabel(kind: ReactionKind): string {
  return REACTIONS.find((r) => r.kind === kind)?.label ?? kind;
}

/** "Ana — Hug", one line per person, in the order they reacted. No counts. */
export function whoReacted(note: Pick<Note, 'reactions'>): string[] {
  return note.reactions.map((r) => `${r.user.display_name} — ${reactionLabel(r.kind)}`);
}

export const PROMPTS = ['What helped?', 'Something you want to thank them for?', "A moment you'll laugh about later?"];

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

/** "3 March", with the year when it isn't this year. */
export function formatDate(iso: string, now: Date = new Date(), locale = 'en-GB', timeZone?: string): string {
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
  const date = formatDate(moment.created_at, now, 'en-GB', timeZone);
  const isMe = (id: string) => myId !== null && myId !== undefined && id === myId;
  if (moment.mutual) {
    const people = [moment.requester, ...(moment.shared_with ?? [])];
    if (people.some((p) => isMe(p.id))) return `You were there for each other · ${date}`;
    const names = people.map((p) => p.display_name);
    const joined = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    return `${joined} were there for each other · ${date}`;
  }
  const who = isMe(moment.requester.id) ? 'You' : moment.requester.display_name;
  const what = moment.kind === 'check_on_me' ? 'asked to be checked on' : 'reached out';
  return `${who} ${what} · ${date}`;
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
