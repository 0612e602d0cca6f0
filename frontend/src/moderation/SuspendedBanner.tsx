import { useEffect } from 'preact/hooks';
import { loadMe } from '../auth/me';
import { auth } from '../auth/state';
import { t } from '../i18n/i18n';
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
    <section class="banner banner--standing" aria-label={t('Your account is suspended')}>
      <p>
        {until
          ? t('Your account is suspended until {when}. You can still read everything.', { when: formatWhen(until) })
          : t('Your account is suspended for now. You can still read everything.')}
      </p>
      <a class="button button--quiet button--inline" href={STANDING_PATH}>
        {t('See why, and appeal')}
      </a>
    </section>
  );
}
