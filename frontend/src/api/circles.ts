import { API_BASE, api } from './client';

/** A person as the API shows them: never their email. */
export interface Person {
  id: string;
  display_name: string;
}

export type Role = 'owner' | 'member';

export interface Member {
  user: Person;
  role: Role;
  joined_at: string;
}

export interface Circle {
  id: string;
  name: string;
  my_role: Role;
  approval_required: boolean;
  created_at: string;
  /** Owner first. */
  members: Member[];
}

export interface PageOf<T> {
  next: string | null;
  previous: string | null;
  results: T[];
}

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'used_up';

export interface InviteSummary {
  id: string;
  status: InviteStatus;
  expires_at: string;
  max_uses: number;
  use_count: number;
  message: string;
  email: string;
  created_by: Person;
  created_at: string;
  revoked_at: string | null;
}

/** The answer to creating an invite: the only time the token and link exist in the clear. */
export interface CreatedInvite {
  id: string;
  token: string;
  url: string;
  absolute_url: string;
  expires_at: string;
  max_uses: number;
  use_count: number;
  message: string;
  email: string;
  created_at: string;
}

export interface NewInvite {
  message?: string;
  max_uses?: number;
  expires_in_days?: number;
  email?: string;
}

export interface JoinRequest {
  id: string;
  user: Person;
  status: string;
  created_at: string;
}

export interface InvitePreview {
  circle: { name: string; approval_required: boolean };
  invited_by: Person;
  message: string;
  expires_at: string;
  /** `valid`, or the code accepting would answer for this viewer now. */
  status: string;
  status_detail: string | null;
  already_member: boolean;
}

export interface AcceptResult {
  result: 'joined' | 'requested';
  circle: { id: string; name: string };
  join_request: { id: string; status: string; created_at: string } | null;
}

export interface BlockedPerson {
  user: Person;
  created_at: string;
}

const seg = encodeURIComponent;
const circleUrl = (id: string) => `${API_BASE}/circles/${seg(id)}/`;
const inviteUrl = (token: string) => `${API_BASE}/invites/${seg(token)}/`;

export async function listCircles(): Promise<Circle[]> {
  return (await api.get<PageOf<Circle>>(`${API_BASE}/circles/?page_size=100`)).data.results;
}

export async function createCircle(input: { name: string; approval_required: boolean }): Promise<Circle> {
  return (await api.post<Circle>(`${API_BASE}/circles/`, input)).data;
}

export async function getCircle(id: string): Promise<Circle> {
  return (await api.get<Circle>(circleUrl(id))).data;
}

export async function updateCircle(
  id: string,
  changes: Partial<Pick<Circle, 'name' | 'approval_required'>>,
): Promise<Circle> {
  return (await api.patch<Circle>(circleUrl(id), changes)).data;
}

export async function deleteCircle(id: string): Promise<void> {
  await api.delete(circleUrl(id));
}

export async function transferCircle(id: string, userId: string): Promise<Circle> {
  return (await api.post<Circle>(`${circleUrl(id)}transfer/`, { user: userId })).data;
}

/** Your own id leaves the circle; someone else's is the owner removing them. */
export async function removeMember(id: string, userId: string): Promise<void> {
  await api.delete(`${circleUrl(id)}members/${seg(userId)}/`);
}

export async function listInvites(id: string): Promise<InviteSummary[]> {
  return (await api.get<PageOf<InviteSummary>>(`${circleUrl(id)}invites/?page_size=100`)).data.results;
}

export async function createInvite(id: string, input: NewInvite): Promise<CreatedInvite> {
  return (await api.post<CreatedInvite>(`${circleUrl(id)}invites/`, input)).data;
}

export async function revokeInvite(id: string, inviteId: string): Promise<void> {
  await api.delete(`${circleUrl(id)}invites/${seg(inviteId)}/`);
}

export async function listJoinRequests(id: string): Promise<JoinRequest[]> {
  return (await api.get<PageOf<JoinRequest>>(`${circleUrl(id)}requests/?page_size=100`)).data.results;
}

export async function decideJoinRequest(
  id: string,
  requestId: string,
  decision: 'approve' | 'reject',
): Promise<void> {
  await api.post(`${circleUrl(id)}requests/${seg(requestId)}/${decision}/`);
}

export async function getInvite(token: string): Promise<InvitePreview> {
  return (await api.get<InvitePreview>(inviteUrl(token))).data;
}

export async function acceptInvite(token: string): Promise<AcceptResult> {
  return (await api.post<AcceptResult>(`${inviteUrl(token)}accept/`)).data;
}

export async function declineInvite(token: string): Promise<void> {
  await api.post(`${inviteUrl(token)}decline/`);
}

export async function listBlocks(): Promise<BlockedPerson[]> {
  return (await api.get<PageOf<BlockedPerson>>(`${API_BASE}/blocks/?page_size=100`)).data.results;
}

export async function blockPerson(userId: string): Promise<void> {
  await api.post(`${API_BASE}/blocks/`, { user: userId });
}

export async function unblockPerson(userId: string): Promise<void> {
  await api.delete(`${API_BASE}/blocks/${seg(userId)}/`);
}
