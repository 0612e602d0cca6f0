/**
 * Web push on this device: the pure decisions (key decoding, what the screen should say)
 * and the browser steps (ask, subscribe, tell the server; and the reverse).
 * Only the notification settings screen, the first-steps guide and logout load this module.
 */

import { deleteSubscription, getPushKey, type SubscriptionJson, saveSubscription } from '../api/notifications';
import { msg, t } from '../i18n/i18n';

/** URL-safe base64 (padding optional) → bytes, for `applicationServerKey`. */
export function base64UrlToUint8Array(value: string): Uint8Array<ArrayBuffer> {
  const clean = value.trim().replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(clean) || clean.length % 4 === 1) {
    throw new TypeError('Not URL-safe base64.');
  }
  const base64 = clean.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (clean.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function sameBytes(a: ArrayBuffer | ArrayBufferView | null | undefined, b: Uint8Array): boolean {
  if (!a) return false;
  const left = a instanceof ArrayBuffer ? new Uint8Array(a) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return left.length === b.length && left.every((byte, i) => byte === b[i]);
}

export type PushPermission = 'default' | 'granted' | 'denied';

export interface PushEnvironment {
  /** Service worker, PushManager and Notification all exist. */
  supported: boolean;
  ios: boolean;
  standalone: boolean;
  permission: PushPermission;
  /** Whether this device has a subscription; null while we are still looking. */
  subscribed: boolean | null;
}

export type PushUi =
  /** Still asking the browser. */
  | 'checking'
  /** iOS outside the installed app: push needs Shoulder on the Home Screen first. */
  | 'install-first'
  | 'unsupported'
  /** The person (or the browser) blocked notifications: only browser settings can undo it. */
  | 'denied'
  | 'off'
  | 'on';

/** What the "This device" card shows. Pure. */
export function pushUiState(env: PushEnvironment): PushUi {
  if (env.ios && !env.standalone && !env.supported) return 'install-first';
  if (!env.supported) return 'unsupported';
  if (env.permission === 'denied') return 'denied';
  if (env.subscribed === null) return 'checking';
  // A subscription without permission cannot show anything; the button asks again.
  return env.subscribed && env.permission === 'granted' ? 'on' : 'off';
}

export function pushSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof window !== 'undefined' &&
    'PushManager' in window &&
    'Notification' in window
  );
}

export function currentPermission(): PushPermission {
  return pushSupported() ? Notification.permission : 'default';
}

export class PushError extends Error {
  override name = 'PushError';
}

/** Rejects with `message` when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PushError(t(message))), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

const NO_WORKER = msg("Shoulder's background helper isn't running in this browser yet. Reload the page and try again.");
const SLOW_BROWSER = msg("Your browser didn't finish setting up notifications. Please try again in a moment.");

/** This page's worker registration, or null (none yet, private mode, not supported). */
async function registration(ms = 5000): Promise<ServiceWorkerRegistration | null> {
  if (!pushSupported()) return null;
  const found = await withTimeout(navigator.serviceWorker.getRegistration('/'), ms, NO_WORKER);
  return found ?? null;
}

/** This device's push subscription, if it has one. */
export async function currentSubscription(ms = 5000): Promise<PushSubscription | null> {
  const reg = await registration(ms);
  if (!reg) return null;
  return withTimeout(reg.pushManager.getSubscription(), ms, SLOW_BROWSER);
}

/**
 * "Turn on notifications": ask (only ever after the tap), subscribe, tell the server.
 * Returns the permission the person chose; throws PushError/ApiError when a step fails.
 */
export async function turnOnPush(): Promise<PushPermission> {
  if (!pushSupported()) throw new PushError(t("This browser can't show notifications from Shoulder."));
  // Asked here, after the tap, and never on load: browsers quietly block sites that ask unprompted.
  // When already granted it answers at once without a prompt.
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;

  const reg = await registration();
  if (!reg) throw new PushError(t(NO_WORKER));
  const key = base64UrlToUint8Array(await getPushKey());
  let subscription = await withTimeout(reg.pushManager.getSubscription(), 5000, SLOW_BROWSER);
  const existingKey = subscription?.options?.applicationServerKey;
  if (subscription && existingKey && !sameBytes(existingKey, key)) {
    // Made for an older server key: the push service would refuse our pushes.
    await subscription.unsubscribe().catch(() => false);
    subscription = null;
  }
  subscription ??= await withTimeout(
    reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
    30_000,
    SLOW_BROWSER,
  );
  await saveSubscription(subscription.toJSON() as SubscriptionJson);
  return 'granted';
}

/** "Turn off on this device": the server forgets it first, then the browser. */
export async function turnOffPush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await deleteSubscription(subscription.endpoint);
  await subscription.unsubscribe().catch(() => false);
}

/**
 * Before logging out: this device stops getting this person's notifications. Never throws
 * and gives up after a few seconds, so logging out is never held up by it.
 */
export async function forgetThisDevice(ms = 4000): Promise<void> {
  try {
    const subscription = await currentSubscription(ms);
    if (!subscription) return;
    try {
      await withTimeout(deleteSubscription(subscription.endpoint), ms, SLOW_BROWSER);
    } finally {
      // Even if the server could not be told, its next push here gets "gone" and it forgets.
      await withTimeout(subscription.unsubscribe(), ms, SLOW_BROWSER).catch(() => false);
    }
  } catch {
    // Offline, no worker, a slow browser: log out anyway.
  }
}
