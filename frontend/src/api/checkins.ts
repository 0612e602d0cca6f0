import type { Person } from './circles';
import { API_BASE, ApiError, api } from './client';

export type Kind = 'reach_out' | 'check_on_me' | 'nudge';
export type Status = 'scheduled' | 'open' | 'answered' | 'closed' | 'expired' | 'cancelled';
export type Mode = 'come_over' | 'call' | 'text' | 'sit_with_me';
export type Answer =
  | 'on_my_way'
  | 'calling'
  | 'texting'
  | 'cant_right_now'
  | 'okay'
  | 'heavy'
  | 'need_you';

export interface CheckinResponse {
  id: string;
  responder: Person;
  answer: Answer;
  eta_minutes: number | null;
  message: string;
  created_at: string;
  updated_at: string;
}

export interface AudienceEntry {
  user: Person;
  delivered_at: string | null;
  seen_at: string | null;
  response: CheckinResponse | null;
}

/** Fields every check-in shape has (the home cards are this plus `my_seen_at`). */
export interface CheckinCore {
  id: string;
  kind: Kind;
  status: Status;
  mode: Mode | null;
  no_need_to_explain: boolean;
  just_listen: boolean;
  silence_ok: boolean;
  message: string;
  requester: Person;
  circle: { id: string; name: string };
  created_at: string;
  scheduled_for: string | null;
  activated_at: string | null;
  my_role: 'requester' | 'asked';
  my_response: CheckinResponse | null;
  offer_help: boolean;
}

export interface CompactCheckin extends CheckinCore {
  my_seen_at: string | null;
}

export interface Checkin extends CheckinCore {
  audience: AudienceEntry[];
  responses: CheckinResponse[];
  answered_at: string | null;
  nobody_answered_at: string | null;
  closed_at: string | null;
  closed_by: Person | null;
  expired_at: string | null;
  cancelled_at: string | null;
  in_reply_to: string | null;
}

export interface Home {
  me: Person;
  circles: { id: string; name: string; my_role: 'owner' | 'member' }[];
  my_open_checkin: Checkin | null;
  my_scheduled: CompactCheckin[];
  asking_me: CompactCheckin[];
  pending_nudges: CompactCheckin[];
  offer_help: boolean;
}

export interface Needs {
  no_need_to_explain: boolean;
  just_listen: boolean;
  silence_ok: boolean;
}

export interface NewCheckin extends Partial<Needs> {
  kind: Kind;
  circle: string;
  audience?: string[];
  mode?: Mode | null;
  message?: string;
  scheduled_for?: string;
  idempotency_key: string;
}

export interface ReachBack extends Partial<Needs> {
  mode: Mode;
  message?: string;
  idempotency_key: string;
}

const checkinUrl = (id: string) => `${API_BASE}/checkins/${encodeURIComponent(id)}/`;
export const CREATE_URL = `${API_BASE}/checkins/`;
export const reachBackUrl = (nudgeId: string) => `${checkinUrl(nudgeId)}reach-back/`;

export async function getHome(): Promise<Home> {
  return (await api.get<Home>(`${API_BASE}/home/`)).data;
}

export async function getCheckin(id: string): Promise<Checkin> {
  return (await api.get<Checkin>(checkinUrl(id))).data;
}

export async function respond(
  id: string,
  input: { answer: Answer; eta_minutes?: number | null; message?: string },
): Promise<CheckinResponse & { hint: string | null }> {
  return (await api.post<CheckinResponse & { hint: string | null }>(`${checkinUrl(id)}responses/`, input)).data;
}

export async function markSeen(id: string): Promise<void> {
  await api.post(`${checkinUrl(id)}seen/`);
}

export async function closeCheckin(id: string): Promise<Checkin> {
  return (await api.post<Checkin>(`${checkinUrl(id)}close/`)).data;
}

export async function cancelCheckin(id: string): Promise<Checkin> {
  return (await api.post<Checkin>(`${checkinUrl(id)}cancel/`)).data;
}

export async function reachBack(nudgeId: string, input: ReachBack): Promise<Checkin> {
  return (await api.post<Checkin>(reachBackUrl(nudgeId), input)).data;
}

/** The open reach-out a 409 `open_reach_out_exists` points at, if that is what this error is. */
export function existingCheckinId(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.code !== 'open_reach_out_exists') return null;
  const body = err.body as { checkin_id?: unknown } | null;
  return typeof body?.checkin_id === 'string' ? body.checkin_id : null;
}
