import type { PageOf, Person } from './circles';
import { API_BASE, api } from './client';

export type Audience = 'participants' | 'circle';
export type ReactionKind = 'hug' | 'tears' | 'me_too' | 'heart';

export interface Reaction {
  user: Person;
  kind: ReactionKind;
}

/** A note as I see it; `body` is plain text and is only ever rendered as text. */
export interface Note {
  id: string;
  author: Person;
  body: string;
  audience: Audience;
  created_at: string;
  edited_at: string | null;
  reactions: Reaction[];
  my_reaction: ReactionKind | null;
  checkin: string;
  can_edit: boolean;
}

/** A session that is over, with the notes I may read (oldest first). */
export interface Moment {
  id: string;
  kind: string;
  circle: { id: string; name: string };
  requester: Person;
  created_at: string;
  ended_at: string | null;
  notes: Note[];
}

/** The parts of a check-in's detail the notes page uses (404 for members who weren't asked). */
export interface SessionInfo {
  id: string;
  kind: string;
  status: string;
  requester: Person;
  circle: { id: string; name: string };
  created_at: string;
  my_role: 'requester' | 'asked';
  my_response: { answer: string } | null;
}

const seg = encodeURIComponent;
const notesUrl = (checkinId: string) => `${API_BASE}/checkins/${seg(checkinId)}/notes/`;
const noteUrl = (id: string) => `${API_BASE}/notes/${seg(id)}/`;

/**
 * The server's `next` link as a path on our own API (it may come back absolute, and behind a
 * proxy with the wrong scheme); anything else is refused. Pure.
 */
export function apiPath(link: string): string {
  const url = new URL(link, 'https://shoulder.invalid');
  if (!url.pathname.startsWith(`${API_BASE}/`)) throw new Error('Not an API link.');
  return url.pathname + url.search;
}

/** A first page from its path, or a further one from the `next` link the server gave. */
async function page<T>(first: string, next?: string | null): Promise<PageOf<T>> {
  return (await api.get<PageOf<T>>(next ? apiPath(next) : first)).data;
}

export const listNotes = (checkinId: string, next?: string | null) => page<Note>(notesUrl(checkinId), next);

export async function getSession(checkinId: string): Promise<SessionInfo> {
  return (await api.get<SessionInfo>(`${API_BASE}/checkins/${seg(checkinId)}/`)).data;
}

export async function createNote(checkinId: string, input: { body: string; audience: Audience }): Promise<Note> {
  return (await api.post<Note>(notesUrl(checkinId), input)).data;
}

export async function updateNote(id: string, changes: { body?: string; audience?: Audience }): Promise<Note> {
  return (await api.patch<Note>(noteUrl(id), changes)).data;
}

export async function deleteNote(id: string): Promise<void> {
  await api.delete(noteUrl(id));
}

export async function setReaction(id: string, kind: ReactionKind): Promise<Note> {
  return (await api.put<Note>(`${noteUrl(id)}reaction/`, { kind })).data;
}

export async function clearReaction(id: string): Promise<Note> {
  return (await api.delete<Note>(`${noteUrl(id)}reaction/`)).data;
}

export const listCircleMoments = (circleId: string, next?: string | null) =>
  page<Moment>(`${API_BASE}/circles/${seg(circleId)}/moments/`, next);

export const listPersonMoments = (userId: string, next?: string | null) =>
  page<Moment>(`${API_BASE}/people/${seg(userId)}/moments/`, next);
