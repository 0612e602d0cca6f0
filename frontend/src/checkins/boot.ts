/** Where queued check-ins wait (see outbox.ts). Kept apart so the main bundle stays tiny. */
export const OUTBOX_KEY = 'shoulder.outbox';

/** At app start: if something is waiting to be sent, load the outbox and let it send. */
export function resumeOutbox(): void {
  try {
    if (!localStorage.getItem(OUTBOX_KEY)) return;
  } catch {
    return;
  }
  void import('./outbox').then((m) => m.startOutbox()).catch(() => undefined);
}
