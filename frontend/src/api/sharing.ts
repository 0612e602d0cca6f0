/** Two-way sessions: "Can I share too?", "Of course", the friend's own needs, and "I could use someone too". */
import { type Body, call, type Schemas } from './client';

export type Sharing = Schemas['Sharing'];
export type ShareOffer = Schemas['ShareOffer'];
export type ShareNeeds = Body<'patch', '/api/v1/checkins/{checkin_id}/sharing/offer/'>;
export type ReachOutToo = Body<'post', '/api/v1/checkins/{checkin_id}/reach-out-too/'>;

const at = (id: string) => ({ path: { checkin_id: id } });

export const getSharing = (id: string) => call('get', '/api/v1/checkins/{checkin_id}/sharing/', at(id));

export const offerToShare = (id: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/sharing/offer/', { ...at(id), body: {} });

export const setMyNeeds = (id: string, needs: ShareNeeds) =>
  call('patch', '/api/v1/checkins/{checkin_id}/sharing/offer/', { ...at(id), body: needs });

export const acceptOffer = (id: string, offerId: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/sharing/offers/{offer_id}/accept/', {
    path: { checkin_id: id, offer_id: offerId },
  });

export const declineOffer = (id: string, offerId: string) =>
  call('post', '/api/v1/checkins/{checkin_id}/sharing/offers/{offer_id}/decline/', {
    path: { checkin_id: id, offer_id: offerId },
  });

export const reachOutToo = (id: string, input: ReachOutToo) =>
  call('post', '/api/v1/checkins/{checkin_id}/reach-out-too/', { ...at(id), body: input });
