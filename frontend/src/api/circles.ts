import { type Body, call, type Schemas } from './client';

/** A person as the API shows them: never their email. */
export type Person = Schemas['Person'];
export type Role = Schemas['CircleRoleEnum'];
export type Member = Schemas['CircleMember'];
/** A circle with its members, owner first. */
export type Circle = Schemas['CircleDetailOutput'];
export type InviteStatus = Schemas['InviteStatusEnum'];
export type InviteSummary = Schemas['CircleInviteListOutput'];
/** The answer to creating an invite: the only time the token and link exist in the clear. */
export type CreatedInvite = Schemas['CircleInviteListCreated'];
export type NewInvite = Body<'post', '/api/v1/circles/{circle_id}/invites/'>;
export type JoinRequest = Schemas['JoinRequestListOutput'];
/** `status` is `valid`, or the code accepting would answer for this viewer now. */
export type InvitePreview = Schemas['InvitePreviewOutput'];
export type AcceptResult = Schemas['InviteAcceptOutput'];
export type BlockedPerson = Schemas['BlockListOutput'];

/** One page of a cursor-paginated list. */
export interface PageOf<T> {
  next: string | null;
  previous: string | null;
  results: T[];
}

const ALL = { page_size: 100 };

export async function listCircles(): Promise<Circle[]> {
  return (await call('get', '/api/v1/circles/', { query: ALL })).results;
}

export const createCircle = (input: Body<'post', '/api/v1/circles/'>) =>
  call('post', '/api/v1/circles/', { body: input });

export const getCircle = (id: string) => call('get', '/api/v1/circles/{circle_id}/', { path: { circle_id: id } });

export const updateCircle = (id: string, changes: Body<'patch', '/api/v1/circles/{circle_id}/'>) =>
  call('patch', '/api/v1/circles/{circle_id}/', { path: { circle_id: id }, body: changes });

export async function deleteCircle(id: string): Promise<void> {
  await call('delete', '/api/v1/circles/{circle_id}/', { path: { circle_id: id } });
}

export const transferCircle = (id: string, userId: string) =>
  call('post', '/api/v1/circles/{circle_id}/transfer/', { path: { circle_id: id }, body: { user: userId } });

/** Your own id leaves the circle; someone else's is the owner removing them. */
export async function removeMember(id: string, userId: string): Promise<void> {
  await call('delete', '/api/v1/circles/{circle_id}/members/{user_id}/', { path: { circle_id: id, user_id: userId } });
}

export async function listInvites(id: string): Promise<InviteSummary[]> {
  return (await call('get', '/api/v1/circles/{circle_id}/invites/', { path: { circle_id: id }, query: ALL })).results;
}

export const createInvite = (id: string, input: NewInvite) =>
  call('post', '/api/v1/circles/{circle_id}/invites/', { path: { circle_id: id }, body: input });

export async function revokeInvite(id: string, inviteId: string): Promise<void> {
  await call('delete', '/api/v1/circles/{circle_id}/invites/{invite_id}/', {
    path: { circle_id: id, invite_id: inviteId },
  });
}

export async function listJoinRequests(id: string): Promise<JoinRequest[]> {
  return (await call('get', '/api/v1/circles/{circle_id}/requests/', { path: { circle_id: id }, query: ALL })).results;
}

export async function decideJoinRequest(id: string, requestId: string, decision: 'approve' | 'reject'): Promise<void> {
  const path = { circle_id: id, request_id: requestId };
  if (decision === 'approve')
    await call('post', '/api/v1/circles/{circle_id}/requests/{request_id}/approve/', { path });
  else await call('post', '/api/v1/circles/{circle_id}/requests/{request_id}/reject/', { path });
}

export const getInvite = (token: string) => call('get', '/api/v1/invites/{token}/', { path: { token } });

export const acceptInvite = (token: string) => call('post', '/api/v1/invites/{token}/accept/', { path: { token } });

export async function declineInvite(token: string): Promise<void> {
  await call('post', '/api/v1/invites/{token}/decline/', { path: { token } });
}

export async function listBlocks(): Promise<BlockedPerson[]> {
  return (await call('get', '/api/v1/blocks/', { query: ALL })).results;
}

export async function blockPerson(userId: string): Promise<void> {
  await call('post', '/api/v1/blocks/', { body: { user: userId } });
}

export async function unblockPerson(userId: string): Promise<void> {
  await call('delete', '/api/v1/blocks/{user_id}/', { path: { user_id: userId } });
}
