import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import {
  type CircleLevel,
  getNotificationSettings,
  type NotificationSettings as Settings,
  sendTestNotification,
  updateNotificationSettings,
} from '../api/notifications';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { msg, t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { isIos } from '../pwa/platform';
import {
  currentPermission,
  currentSubscription,
  PushError,
  type PushPermission,
  pushSupported,
  pushUiState,
  turnOffPush,
  turnOnPush,
} from '../pwa/push';
import { isStandalone } from '../pwa/register';
import './NotificationSettings.css';

const LEVELS: { value: CircleLevel; label: string; hint: string }[] = [
  { value: 'all', label: msg('Everything'), hint: msg('Reach-outs, answers, notes and nudges.') },
  { value: 'reach_outs', label: msg('Only reach-outs'), hint: msg('Just when someone needs you.') },
  { value: 'muted', label: msg('Muted'), hint: msg('Nothing from this circle on your phone.') },
];

function messageOf(err: unknown): string {
  if (err instanceof ApiError || err instanceof PushError) return err.message;
  return t('Something went wrong. Please try again.');
}

export default function NotificationSettings() {
  return (
    <Page title={t('Notifications')}>
      <p class="lead">{t('Shoulder taps you on the shoulder only when it matters:')}</p>
      <ul class="sends">
        <li>{t('someone in your circle reaches out, or asks you to check on them;')}</li>
        <li>{t('a friend answers when you reach out, or sends a gentle “thinking of you”;')}</li>
        <li>{t('a note after time together, and someone asking to join a circle you look after.')}</li>
      </ul>
      <p class="muted">{t('No news, no reminders to open the app, no counters.')}</p>
      <ThisDevice />
      <Preferences />
    </Page>
  );
}

function ThisDevice() {
  const ios = isIos(navigator.userAgent, navigator.platform, navigator.maxTouchPoints);
  const supported = pushSupported();
  const [permission, setPermission] = useState<PushPermission>(currentPermission);
  const [subscribed, setSubscribed] = useState<boolean | null>(supported ? null : false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!supported) return;
    currentSubscription()
      .then((sub) => setSubscribed(!!sub))
      .catch(() => setSubscribed(false));
  }, []);

  const ui = pushUiState({ supported, ios, standalone: isStandalone.value, permission, subscribed });

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const turnOn = () =>
    run(async () => {
      const answer = await turnOnPush();
      setPermission(answer);
      if (answer === 'granted') {
        setSubscribed(true);
        setNotice(t('Notifications are on for this device.'));
      } else if (answer === 'default') {
        setNotice(t("Notifications weren't turned on. Tap the button again whenever you're ready."));
      }
    });
  const turnOff = () =>
    run(async () => {
      await turnOffPush();
      setSubscribed(false);
      setNotice(t('Notifications are off for this device.'));
    });
  const test = () =>
    run(async () => {
      await sendTestNotification();
      setNotice(t('A test notification is on its way. It can take a few seconds.'));
    });

  return (
    <section class="card" aria-labelledby="device-title">
      <h2 id="device-title">{t('This device')}</h2>
      {ios && !isStandalone.value && (
        <p class="notice">
          {rich(
            t(
              'On iPhone and iPad, notifications only work in the installed app: in Safari, tap <0>Share</0>, then <1>Add to Home Screen</1>, and open Shoulder from your Home Screen.',
            ),
            [(text) => <strong>{text}</strong>, (text) => <strong>{text}</strong>],
          )}
        </p>
      )}
      <p id="device-status" class="device-status" aria-live="polite">
        {ui === 'checking' && t('Checking this device…')}
        {ui === 'on' && t('Notifications are on for this device.')}
        {ui === 'off' && t('Notifications are off for this device.')}
        {ui === 'install-first' && t('Add Shoulder to your Home Screen first, then turn notifications on there.')}
        {ui === 'unsupported' && t("This browser can't show notifications from Shoulder.")}
        {ui === 'denied' &&
          t(
            'Notifications are blocked for Shoulder in this browser. To allow them, open the site settings for this page (tap the icon next to the address), set Notifications to Allow, then reload.',
          )}
      </p>
      <FormError message={error} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <div class="actions">
        {ui === 'off' && (
          <button type="button" class="button" disabled={busy} onClick={() => void turnOn()}>
            {t('Turn on notifications')}
          </button>
        )}
        {ui === 'on' && (
          <>
            <button type="button" class="button" disabled={busy} onClick={() => void test()}>
              {t('Send me a test notification')}
            </button>
            <button type="button" class="button button--quiet" disabled={busy} onClick={() => void turnOff()}>
              {t('Turn off on this device')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function Preferences() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    getNotificationSettings()
      .then(setSettings)
      .catch((err: ApiError) => setLoadError(err));
  }, []);

  const change = (next: Settings) => {
    setSaved(false);
    setSettings(next);
  };

  const save = useSubmit(async () => {
    if (!settings) return;
    setSaved(false);
    const value = await updateNotificationSettings({
      quiet_hours: settings.quiet_hours,
      reach_outs_break_quiet_hours: settings.reach_outs_break_quiet_hours,
      email_when_push_fails: settings.email_when_push_fails,
      circles: settings.circles.map((c) => ({ circle: c.circle.id, level: c.level })),
    });
    setSettings(value);
    setSaved(true);
  });

  if (!settings) {
    return loadError ? (
      <FormError message={loadError.detail} />
    ) : (
      <p class="waiting" role="status">
        {t('One moment…')}
      </p>
    );
  }

  const quiet = settings.quiet_hours;
  const setQuiet = (changes: Partial<Settings['quiet_hours']>) =>
    change({ ...settings, quiet_hours: { ...quiet, ...changes } });

  return (
    <form class="form card" onSubmit={save.onSubmit} aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('What reaches you')}</h2>
      <FormError message={save.error?.detail} />
      <fieldset class="group">
        <legend>{t('Quiet hours')}</legend>
        <div class="check">
          <input
            id="quiet-enabled"
            type="checkbox"
            checked={quiet.enabled}
            aria-describedby="quiet-hint"
            onChange={(e) => setQuiet({ enabled: e.currentTarget.checked })}
          />
          <label for="quiet-enabled">{t('Quiet hours')}</label>
          <p class="hint" id="quiet-hint">
            {t("Notifications wait until quiet hours end (in your account's time zone).")}
          </p>
        </div>
        <div class="times">
          <div class="field">
            <label for="quiet-start">{t('From')}</label>
            <input
              id="quiet-start"
              type="time"
              required
              disabled={!quiet.enabled}
              value={quiet.start}
              onInput={(e) => setQuiet({ start: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="quiet-end">{t('Until')}</label>
            <input
              id="quiet-end"
              type="time"
              required
              disabled={!quiet.enabled}
              value={quiet.end}
              onInput={(e) => setQuiet({ end: e.currentTarget.value })}
            />
          </div>
        </div>
        <div class="check">
          <input
            id="reach-outs-break"
            type="checkbox"
            checked={settings.reach_outs_break_quiet_hours}
            aria-describedby="reach-outs-break-hint"
            onChange={(e) => change({ ...settings, reach_outs_break_quiet_hours: e.currentTarget.checked })}
          />
          <label for="reach-outs-break">{t('Let reach-outs through quiet hours')}</label>
          <p class="hint" id="reach-outs-break-hint">
            {t('When someone needs you, you hear it at any hour.')}
          </p>
        </div>
      </fieldset>
      <div class="check">
        <input
          id="email-fallback"
          type="checkbox"
          checked={settings.email_when_push_fails}
          aria-describedby="email-fallback-hint"
          onChange={(e) => change({ ...settings, email_when_push_fails: e.currentTarget.checked })}
        />
        <label for="email-fallback">{t('Email me when a notification can’t reach me')}</label>
        <p class="hint" id="email-fallback-hint">
          {t(
            'If a friend reaches out and no phone of yours can get the notification, we send the link by email instead.',
          )}
        </p>
      </div>
      {settings.circles.length === 0 && (
        <p class="muted">{t("Once you're in a circle, you can choose here how much you hear from it.")}</p>
      )}
      {settings.circles.map((item, index) => (
        <fieldset class="group" key={item.circle.id}>
          <legend>{item.circle.name ?? t('A circle')}</legend>
          {LEVELS.map((level) => {
            const id = `level-${item.circle.id}-${level.value}`;
            return (
              <div class="check" key={level.value}>
                <input
                  id={id}
                  type="radio"
                  name={`level-${item.circle.id}`}
                  value={level.value}
                  checked={item.level === level.value}
                  aria-describedby={`${id}-hint`}
                  onChange={() => {
                    const circles = settings.circles.slice();
                    circles[index] = { ...item, level: level.value };
                    change({ ...settings, circles });
                  }}
                />
                <label for={id}>{t(level.label)}</label>
                <p class="hint" id={`${id}-hint`}>
                  {t(level.hint)}
                </p>
              </div>
            );
          })}
        </fieldset>
      ))}
      {saved && (
        <p class="notice" role="status">
          {t('Saved.')}
        </p>
      )}
      <button type="submit" class="button" disabled={save.busy}>
        {t('Save')}
      </button>
    </form>
  );
}
