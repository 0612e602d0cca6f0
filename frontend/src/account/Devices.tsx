import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { FormError } from '../components/FormError';
import { useSubmit } from '../components/useSubmit';
import { intlLocale, t } from '../i18n/i18n';
import { endSessions, listSessions, type UserSession } from './api';
import { withReauth } from './reauth';
import { describeUserAgent } from './useragent';

function when(seconds: number | undefined): string {
  if (!seconds) return '';
  return new Date(seconds * 1000).toLocaleString(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** Where this account is signed in, and "sign out the others". */
export function Devices() {
  const [sessions, setSessions] = useState<UserSession[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () =>
    listSessions()
      .then(setSessions)
      .catch((err: ApiError) => setLoadError(err));
  useEffect(() => {
    void reload();
  }, []);

  const others = (sessions ?? []).filter((s) => !s.is_current);
  const signOutOthers = useSubmit(async () => {
    setNotice(null);
    await withReauth(() => endSessions(others.map((s) => s.id)));
    setNotice(t('Signed out everywhere else.'));
    await reload();
  });

  return (
    <section class="card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t("Where you're signed in")}</h2>
      <FormError message={(signOutOthers.error ?? loadError)?.detail} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {sessions && (
        <ul class="device-list">
          {sessions.map((s) => (
            <li key={s.id} class="device-row">
              <strong>{describeUserAgent(s.user_agent)}</strong>
              <span class="muted">
                {s.is_current
                  ? t('This device')
                  : t('Last seen {when}', { when: when(s.last_seen_at ?? s.created_at) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <button
          type="button"
          class="button button--quiet"
          disabled={signOutOthers.busy}
          onClick={() => void signOutOthers.onSubmit()}
        >
          {t('Sign out the others')}
        </button>
      )}
    </section>
  );
}
