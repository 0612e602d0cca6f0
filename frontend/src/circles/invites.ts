import type { InviteStatus, InviteSummary, NewInvite } from '../api/circles';
import { INVITE_MAX_DAYS, INVITE_MAX_USES } from '../api/limits';
import { locale as current, intlLocale, msg, t, tn } from '../i18n/i18n';

export interface Problem {
  title: string;
  detail: string;
}

const ASK_AGAIN = msg('If you’d still like to join, ask the person who invited you for a new link.');

/**
 * What the invite page says for each code the API can answer with (as an error, or as a
 * preview `status`). Our own headings; the server's sentence is kept where it is the
 * better explanation. Pure (in the person's language).
 */
export function inviteProblem(code: string, serverDetail?: string | null): Problem {
  const detail = serverDetail?.trim() || '';
  switch (code) {
    case 'invite_not_found':
      return {
        title: t('This invite link doesn’t work'),
        detail: t('Check that you copied all of it, or ask the person who sent it for a new one.'),
      };
    case 'invite_expired':
      return { title: t('This invite has expired'), detail: t(ASK_AGAIN) };
    case 'invite_revoked':
      return { title: t('This invite was revoked'), detail: t(ASK_AGAIN) };
    case 'invite_used_up':
      return { title: t('This invite has already been used'), detail: t(ASK_AGAIN) };
    case 'already_member':
      return { title: t('You’re already in this circle'), detail: t('Your people are there for you.') };
    case 'join_request_pending':
      return {
        title: t('You’ve already asked to join'),
        detail: detail || t('The owner will look at it. There’s nothing more you need to do.'),
      };
    case 'circle_full':
      return {
        title: t('This circle is full'),
        detail: detail || t('Circles stay small on purpose. You could ask the owner about it.'),
      };
    case 'removed_from_circle':
    case 'join_request_rejected':
      return {
        title: t('This invite no longer works for you'),
        detail: detail || t('If that feels wrong, ask the owner for a new invite.'),
      };
    default:
      return {
        title: t('This invite can’t be used right now'),
        detail: detail || t('Please try again in a moment.'),
      };
  }
}

/** How an invite reads in the owner's list: plain words, no counters. Pure. */
export function inviteStatusLabel(status: InviteStatus): string {
  switch (status) {
    case 'active':
      return t('Open');
    case 'expired':
      return t('Expired');
    case 'revoked':
      return t('Revoked');
    case 'used_up':
      return t('Used');
  }
}

/** How much of a link is used, so two links can be told apart: "2 of 3 uses left". Pure. */
export function inviteUsesLabel(invite: Pick<InviteSummary, 'status' | 'max_uses' | 'use_count'>): string {
  const { max_uses: max, use_count: used } = invite;
  if (invite.status === 'active') {
    if (used === 0) return tn(max, { one: 'For one person, not used yet', other: 'For {count} people, not used yet' });
    return tn(max - used, { other: '{count} of {max} uses left' }, { max });
  }
  if (used === 0) return t('Never used');
  return tn(used, { one: 'One person joined with it', other: '{count} people joined with it' });
}

/** The locale for days: the browser's own for English (its date order), else the chosen language. */
function dayLocale(): string | undefined {
  return current.value === 'es' ? intlLocale() : undefined;
}

/** "Tuesday 14 May" ("martes, 14 de mayo") in the person's own language and zone. */
export function formatDay(iso: string, locale: string | undefined = dayLocale(), timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(date);
}

export interface InviteForm {
  message: string;
  maxUses: string;
  days: string;
  /** Optional: Shoulder also emails the link there. */
  email?: string;
}

export const MAX_USES = INVITE_MAX_USES;
export const MAX_DAYS = INVITE_MAX_DAYS;

export type ParsedInvite =
  | { ok: true; value: NewInvite }
  | { ok: false; field: 'max_uses' | 'expires_in_days' | 'email'; detail: string };

function whole(raw: string): number | null {
  const t = raw.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** The form's strings as an API body; blanks fall back to the server's defaults. `maxUses`
 * is how many people the circle has room for (the server's `invite_room`). Pure. */
export function parseInviteForm(form: InviteForm, maxUses: number = MAX_USES): ParsedInvite {
  const roomFor = Math.max(1, Math.min(maxUses, MAX_USES));
  const value: NewInvite = {};
  const message = form.message.trim();
  if (message) value.message = message;
  const email = form.email?.trim() ?? '';
  if (email) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return { ok: false, field: 'email', detail: t('That email address doesn’t look right.') };
    }
    value.email = email;
  }
  if (form.maxUses.trim()) {
    const n = whole(form.maxUses);
    if (n === null || n < 1 || n > roomFor) {
      return { ok: false, field: 'max_uses', detail: t('Choose a number from 1 to {max}.', { max: roomFor }) };
    }
    value.max_uses = n;
  }
  if (form.days.trim()) {
    const n = whole(form.days);
    if (n === null || n < 1 || n > MAX_DAYS) {
      return {
        ok: false,
        field: 'expires_in_days',
        detail: t('Choose a number of days from 1 to {max}.', { max: MAX_DAYS }),
      };
    }
    value.expires_in_days = n;
  }
  return { ok: true, value };
}
