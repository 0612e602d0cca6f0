import type { PageOf } from './circles';
import { API_BASE, type Body, call, type Schemas } from './client';

export type Audience = Schemas['NoteAudienceEnum'];
export type ReactionKind = Schemas['ReactionKindEnum'];
/** A note as I see it; `body` is plain text and is only ever rendered as text. */
export type Note = Schemas['AftermathNote'];
/** A session that is over, with the notes I may read (oldest first). */
export type Moment = Schemas['AftermathMoment'];
/** The parts of a check-in's detail the notes page uses (404 for members who weren't asked). */
export type SessionInfo = Pick<
  Schemas['Checkin'],
  'id' | 'kind' | 'status' | 'requester' | 'circle' | 'created_at' | 'my_role'
> & { my_response: Pick<Schemas['CheckinAnswer'], 'answer'> | null };

/**
 * The server's `next` link as a path on our own API (it may come back absolute, and behind a
 * proxy with the wrong scheme); anything else is refused. Pure.
 */
export function apiPath(link: string): string {
  const url = new URL(link, 'https://shoulder.invalid');
  if (!url.pathname.startsWith(`${API_BASE}/`)) throw new Error('Not an API link.');
  return url.pathname + url.search;
}

/** A further page comes from the `next` link the server gave. */
const further = (next?: string | null) => (next ? { href: apiPath(next) } : {});

export const listNotes = (checkinId: string, next?: string | null): Promise<PageOf<Note>> =>
  call('get', '/api/v1/checkins/{checkin_id}/notes/', { path: { checkin_id: checkinId }, ...further(next) });

export const getSession = (checkinId: string): Promise<SessionInfo> =>
  call('get', '/api/v1/checkins/{checkin_id}/', { path: { checkin_id: checkinId } });

export const createNote = (checkinId: string, input: Body<'post', '/api/v1/checkins/{checkin_id}/notes/'>) =>
  call('post', '/api/v1/checkins/{checkin_id}/notes/', { path: { checkin_id: checkinId }, body: input });

export const updateNote = (id: string, changes: Body<'patch', '/api/v1/notes/{note_id}/'>) =>
  call('patch', '/api/v1/notes/{note_id}/', { path: { note_id: id }, body: changes });

export async function deleteNote(id: string): Promise<void> {
  await call('delete', '/api/v1/notes/{note_id}/', { path: { note_id: id } });
}

export const setReaction = (id: string, kind: ReactionKind) =>
  call('put', '/api/v1/notes/{note_id}/reaction/', { path: { note_id: id }, body: { kind } });

export const clearReaction = (id: string) =>
  call('delete', '/api/v1/notes/{note_id}/reaction/', { path: { note_id: id } });

export const listCircleMoments = (circleId: string, next?: string | null): Promise<PageOf<Moment>> =>
  call('get', '/api/v1/circles/{circle_id}/moments/', { path: { circle_id: circleId }, ...further(next) });

export const listPersonMoments = (userId: string, next?: string | null): Promise<PageOf<Moment>> =>
  call('get', '/api/v1/people/{user_id}/moments/', { path: { user_id: userId }, ...further(next) });
