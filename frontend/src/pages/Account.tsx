import { useEffect, useMemo, useState } from 'preact/hooks';
import { logout } from '../api/allauth';
import { ApiError } from '../api/client';
import { loadMe, me, saveMe } from '../auth/me';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { navigate } from '../router';
import { deviceTimeZone, timeZoneOptions } from '../timezones';

export default function Account() {
  const [name, setName] = useState(me.value?.display_name ?? '');
  const [timezone, setTimezone] = useState(me.value?.timezone ?? deviceTimeZone());
  const [saved, setSaved] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    loadMe()
      .then((value) => {
        setName(value.display_name);
        setTimezone(value.timezone || deviceTimeZone());
      })
      .catch((err: ApiError) => setLoadError(err));
  }, []);

  const zones = useMemo(() => timeZoneOptions(timezone), [timezone]);

  const save = useSubmit(async () => {
    setSaved(false);
    await saveMe({ display_name: name.trim(), timezone });
    setSaved(true);
  });

  const out = useSubmit(async () => {
    await logout();
    navigate('/login', { replace: true });
  });

  const error = save.error ?? out.error ?? loadError;
  const device = deviceTimeZone();
  return (
    <Page title="Your account">
      {me.value?.email && <p class="muted">Signed in as {me.value.email}</p>}
      <form class="form card" onSubmit={save.onSubmit}>
        <FormError message={error?.detail} />
        {saved && (
          <p class="notice" role="status">
            Saved.
          </p>
        )}
        <Field
          id="display_name"
          label="Your name"
          hint="What your friends see."
          autocomplete="nickname"
          required
          maxLength={60}
          value={name}
          onValue={(v) => {
            setSaved(false);
            setName(v);
          }}
          error={save.error?.forField('display_name')}
        />
        <div class="field">
          <label for="timezone">Time zone</label>
          <p class="hint" id="timezone-hint">
            Used for “check on me later” times.
          </p>
          <select
            id="timezone"
            name="timezone"
            aria-describedby="timezone-hint"
            value={timezone}
            onChange={(e) => {
              setSaved(false);
              setTimezone(e.currentTarget.value);
            }}
          >
            {zones.map((z) => (
              <option value={z} key={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          {device && device !== timezone && (
            <button type="button" class="link-button" onClick={() => setTimezone(device)}>
              Use this device's time zone ({device.replace(/_/g, ' ')})
            </button>
          )}
        </div>
        <button type="submit" class="button" disabled={save.busy}>
          Save
        </button>
      </form>
      <section class="card">
        <h2>Log out of this device</h2>
        <p class="muted">Your circle stays as it is. You can log in again any time.</p>
        <button
          type="button"
          class="button button--quiet"
          disabled={out.busy}
          onClick={() => void out.onSubmit()}
        >
          Log out
        </button>
      </section>
    </Page>
  );
}
