import { useEffect, useState } from 'preact/hooks';
import { ChangeEmail } from '../account/ChangeEmail';
import { ChangePassword } from '../account/ChangePassword';
import { Devices } from '../account/Devices';
import { LanguagePicker } from '../account/LanguagePicker';
import { TimeZonePicker } from '../account/TimeZonePicker';
import { YourData } from '../account/YourData';
import { logout } from '../api/allauth';
import { type BlockedPerson, listBlocks, unblockPerson } from '../api/circles';
import { ApiError } from '../api/client';
import { DISPLAY_NAME_MAX } from '../api/limits';
import { loadMe, me, saveMe } from '../auth/me';
import { currentUserId, outbox } from '../checkins/outbox';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { forgetThisDevice } from '../pwa/push';
import { navigate } from '../router';
import { deviceTimeZone } from '../timezones';
import './Account.css';

export default function Account() {
  const [name, setName] = useState(me.value?.display_name ?? '');
  const [timezone, setTimezone] = useState(me.value?.timezone ?? deviceTimeZone());
  const [phone, setPhone] = useState(me.value?.phone ?? '');
  const [saved, setSaved] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    loadMe()
      .then((value) => {
        setName(value.display_name);
        setTimezone(value.timezone || deviceTimeZone());
        setPhone(value.phone);
      })
      .catch((err: ApiError) => setLoadError(err));
  }, []);

  const save = useSubmit(async () => {
    setSaved(false);
    const saved = await saveMe({ display_name: name.trim(), timezone, phone: phone.trim() });
    setPhone(saved.phone);
    setSaved(true);
  });

  const out = useSubmit(async () => {
    // The server can't tell which device logs out, so this one says so itself first.
    await forgetThisDevice();
    const userId = currentUserId();
    if (userId) outbox.forget(userId);
    await logout();
    navigate('/login', { replace: true });
  });

  // An error the form shows beside its field isn't repeated at the top.
  const fieldError = save.error?.field && ['display_name', 'phone'].includes(save.error.field);
  const error = (fieldError ? null : save.error) ?? out.error ?? loadError;
  return (
    <Page title={t('Your account')}>
      {me.value?.email && <p class="muted">{t('Signed in as {email}', { email: me.value.email })}</p>}
      <form class="form card" onSubmit={save.onSubmit}>
        <FormError message={error?.detail} />
        {saved && (
          <p class="notice" role="status">
            {t('Saved.')}
          </p>
        )}
        <Field
          id="display_name"
          label={t('Your name')}
          hint={t('What your friends see.')}
          autocomplete="nickname"
          required
          maxLength={DISPLAY_NAME_MAX}
          value={name}
          onValue={(v) => {
            setSaved(false);
            setName(v);
          }}
          error={save.error?.forField('display_name')}
        />
        <Field
          id="phone"
          type="tel"
          inputMode="tel"
          label={t('Your phone number (optional)')}
          hint={t(
            'Only people in your circles see it, when you reach out to them or they to you — so calling or texting is one tap.',
          )}
          autocomplete="tel"
          value={phone}
          onValue={(v) => {
            setSaved(false);
            setPhone(v);
          }}
          error={save.error?.forField('phone')}
        />
        <TimeZonePicker
          value={timezone}
          onChange={(zone) => {
            setSaved(false);
            setTimezone(zone);
          }}
        />
        <button type="submit" class="button" disabled={save.busy}>
          {t('Save')}
        </button>
      </form>
      <section class="card form">
        <LanguagePicker />
      </section>
      <p class="links">
        <a href="/reports">{t('My reports')}</a>
      </p>
      <section class="card" aria-labelledby="notifications-title">
        <h2 id="notifications-title">{t('Notifications')}</h2>
        <p class="muted">{t('Whether this phone hears when your circle needs you, quiet hours, and each circle.')}</p>
        <a class="button button--quiet" href="/settings/notifications">
          {t('Notification settings')}
        </a>
      </section>
      <ChangeEmail />
      <ChangePassword />
      <Devices />
      <section class="card" aria-labelledby="security-title">
        <h2 id="security-title">{t('Login and security')}</h2>
        <p class="muted">{t('A second step when you log in: an authenticator app or a passkey.')}</p>
        <a class="button button--quiet" href="/account/security">
          {t('Two-factor and passkeys')}
        </a>
      </section>
      <Blocked />
      <YourData />
      <section class="card">
        <h2>{t('Log out of this device')}</h2>
        <p class="muted">{t('Your circle stays as it is. You can log in again any time.')}</p>
        <button type="button" class="button button--quiet" disabled={out.busy} onClick={() => void out.onSubmit()}>
          {t('Log out')}
        </button>
      </section>
    </Page>
  );
}

function Blocked() {
  const [people, setPeople] = useState<BlockedPerson[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = () =>
    listBlocks()
      .then(setPeople)
      .catch((err: ApiError) => setError(err));
  useEffect(() => {
    void reload();
  }, []);

  const unblock = async (person: BlockedPerson) => {
    setBusy(person.user.id);
    setError(null);
    setNotice(null);
    try {
      await unblockPerson(person.user.id);
      setNotice(t('You unblocked {name}.', { name: person.user.display_name }));
      await reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card" aria-labelledby="blocked-title">
      <h2 id="blocked-title">{t("People you've blocked")}</h2>
      <FormError message={error?.detail} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {people && people.length === 0 && <p class="muted">{t("You haven't blocked anyone.")}</p>}
      {people && people.length > 0 && (
        <>
          <p class="muted">{t("They can't reach you, nudge you or invite you. They aren't told.")}</p>
          <ul class="blocked-list">
            {people.map((person) => (
              <li key={person.user.id} class="blocked-row">
                <span id={`blocked-${person.user.id}`}>{person.user.display_name}</span>
                <button
                  type="button"
                  class="button button--quiet button--inline"
                  aria-describedby={`blocked-${person.user.id}`}
                  disabled={busy === person.user.id}
                  onClick={() => void unblock(person)}
                >
                  {t('Unblock')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
