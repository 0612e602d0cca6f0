/**
 * The account's suspension, known from `/me/` or from a write the server refused with 403
 * `account_suspended`: one signal the shell's banner and every form error read, so a refused
 * write says why and links to the standing screen instead of failing cryptically.
 */
import { computed, effect, signal } from '@preact/signals';
import { onApiError } from '../api/client';
import { loadMe, me } from '../auth/me';
import { isActive } from './words';

export const SUSPENDED_CODE = 'account_suspended';
export const STANDING_PATH = '/account/standing';

/** The server's sentence from the last refused write (it names the end of the suspension). */
export const refusedBecauseSuspended = signal<string | null>(null);

export const suspendedUntil = computed<string | null>(() => {
  const until = me.value?.suspended_until ?? null;
  return isActive(until, new Date()) ? until : null;
});

export const suspended = computed(() => suspendedUntil.value !== null || refusedBecauseSuspended.value !== null);

onApiError((error) => {
  if (error.status === 403 && error.code === SUSPENDED_CODE) {
    refusedBecauseSuspended.value = error.detail;
    // The profile carries `suspended_until`; refresh it so the banner shows the date.
    loadMe(true).catch(() => undefined);
  }
});

/** Whether a form's error line is the suspension refusal (then it links to the standing screen). */
export function isSuspensionMessage(message: string | null | undefined): boolean {
  return !!message && message === refusedBecauseSuspended.value;
}

// Signed out, or the profile says the suspension is over: forget the last refusal.
effect(() => {
  const profile = me.value;
  if (!profile || !isActive(profile.suspended_until, new Date())) refusedBecauseSuspended.value = null;
});
