import { API_BASE, ApiError, type Body, call, type Schemas } from './client';

export type Kind = Schemas['CheckinKindEnum'];
export type Mode = Schemas['CheckinModeEnum'];
export type Answer = Schemas['CheckinAnswerEnum'];
export type CheckinResponse = Schemas['CheckinAnswer'];
/** Fields every check-in shape has (the home cards and the full detail alike). */
export type CheckinCore = Schemas['CheckinCompact'] | Schemas['Checkin'];
export type CompactCheckin = Schemas['CheckinCompact'];
export type Checkin = Schemas['Checkin'];
export type Home = Schemas['HomeOutput'];

export interface Needs {
  no_need_to_explain: boolean;
  just_listen: boolean;
  silence_ok: boolean;
}

export type NewCheckin = Body<'post', '/api/v1/checkins/'>;
export type ReachBack = Body<'post', '/api/v1/checkins/{checkin_id}/reach-back/'>;

export const CREATE_URL = `${API_BASE}/checkins/`;

export const getHome = () => call('get', '/api/v1/home/');

export const getCheckin = (id: string) => call('get', '/api/v1/checkins/{checkin_id}/', { path: { checkin_id: id } });

export const respond = (id: string, input: Body<'post', '/api/v1/checkins/{checkin_id}/responses/'>) =>
  call('post', '/api/v1/checkins/{checkin_id}/responses/', { path: { checkin_id: id }, body: input });

export async function markSeen(id: string): Promise<void> {
  await call('post', '/api/v1/checkins/{checkin_id}/seen/', { path: { checkin_id: id } });
}

export const closeCheckin = (id: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/close/', { path: { checkin_id: id } });

export const cancelCheckin = (id: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/cancel/', { path: { checkin_id: id } });

export const askAgain = (id: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/ask-again/', { path: { checkin_id: id } });

/** Ask more people in the same check-in: of its circle, or of `circle` (another of mine). */
export const addPeople = (id: string, people: string[], circle?: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/people/', {
    path: { checkin_id: id },
    body: circle ? { people, circle } : { people },
  });

export const setUpdate = (id: string, text: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/update/', { path: { checkin_id: id }, body: { text } });

export const reachBack = (nudgeId: string, input: ReachBack) =>
  call('post', '/api/v1/checkins/{checkin_id}/reach-back/', { path: { checkin_id: nudgeId }, body: input });

/** The open reach-out a 409 `open_reach_out_exists` points at, if that is what this error is. */
export function existingCheckinId(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.code !== 'open_reach_out_exists') return null;
  const body = err.body as Partial<Schemas['OpenReachOutError']> | null;
  return typeof body?.checkin_id === 'string' ? body.checkin_id : null;
}

export type ActivityItem = Schemas['ActivityItem'];

/** What happened lately around me (answers, friends okay now, join requests, notes), newest first. */
export const getActivity = () => call('get', '/api/v1/activity/');

/** Put a card away from my home (the "reach out to them?" prompt after a nudge). */
export async function dismissCheckin(id: string): Promise<void> {
  await call('post', '/api/v1/checkins/{checkin_id}/dismiss/', { path: { checkin_id: id } });
}
