import { useEffect } from 'preact/hooks';
import { loadMe } from '../auth/me';
import { auth } from '../auth/state';
import { STANDING_PATH, suspended, suspendedUntil } from './suspension';
import { formatWhen } from './words';

/** On every screen while the account is suspended: why writing is paused, and where to appeal. */
export function SuspendedBanner({ path }: { path: string }) {
  const signedIn = auth.value.status === 'authenticated';
  useEffect(() => {
    if (signedIn) loadMe().catch(() => undefined);
  }, [signedIn]);
  if (!signedIn || !suspended.value || path === STANDING_PATH) return null;
  const until = suspendedUntil.value;
  return (
    <section class="banner banner--standing" aria-label="Your account is suspended">
      <p>
        {until
          ? `Your account is suspended until ${formatWhen(until)}. You can still read everything.`
          : 'Your account is suspended for now. You can still read everything.'}
      </p>
      <a class="button button--quiet button--inline" href={STANDING_PATH}>
        See why, and appeal
      </a>
    </section>
  );
}
