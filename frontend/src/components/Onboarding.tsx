import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { nextStep, progress, settle } from '../pwa/onboarding';
import { installEvent, isStandalone, promptInstall, showIosGuide } from '../pwa/register';

function permissionNow(): string {
  try {
    return 'Notification' in window ? Notification.permission : 'unsupported';
  } catch {
    return 'unsupported';
  }
}

/**
 * After signing up or joining a circle: the two things a new friend should do on this phone,
 * one at a time, each skippable — put Shoulder on the home screen (the install prompt, or the
 * iPhone steps: on iPhone notifications need it), then turn on notifications.
 */
export function Onboarding() {
  const [permission, setPermission] = useState(permissionNow);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const step = nextStep(progress.value, { standalone: isStandalone.value, permission });
  if (!step) return null;

  const install = async () => {
    await promptInstall();
    // Chrome tells `appinstalled` when it worked; either way this step has been offered.
    settle('install', 'done');
  };

  const notify = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { turnOnPush } = await import('../pwa/push');
      const chosen = await turnOnPush();
      setPermission(chosen);
      if (chosen === 'granted') settle('notifications', 'done');
      else
        setProblem(t('Notifications are off for Shoulder in this browser. You can allow them in its settings later.'));
    } catch (err) {
      setProblem(err instanceof Error ? err.message : t('That didn’t work. You can try again from your account.'));
    } finally {
      setBusy(false);
    }
  };

  const iosNeedsInstall = showIosGuide.value && !isStandalone.value;
  return (
    <section class="card card--soft onboarding" aria-labelledby="onboarding-title">
      <p class="muted onboarding-step">{step === 'install' ? t('First step') : t('One more step')}</p>
      {step === 'install' ? (
        <>
          <h2 id="onboarding-title">{t('Put Shoulder on your home screen')}</h2>
          <p>
            {t(
              'Then it’s one tap away when you need your people — and on iPhone, it’s how notifications can reach you.',
            )}
          </p>
          {installEvent.value ? (
            <button type="button" class="button" onClick={() => void install()}>
              {t('Add to home screen')}
            </button>
          ) : showIosGuide.value ? (
            <ol>
              <li>
                {rich(t('Tap the <0>Share</0> button (the square with an arrow) in Safari.'), [
                  (text) => <strong>{text}</strong>,
                ])}
              </li>
              <li>
                {rich(t('Choose <0>Add to Home Screen</0>, then tap <1>Add</1>.'), [
                  (text) => <strong>{text}</strong>,
                  (text) => <strong>{text}</strong>,
                ])}
              </li>
            </ol>
          ) : (
            <p class="muted">
              {rich(t('In your browser’s menu, choose <0>Add to Home screen</0> or <1>Install app</1>.'), [
                (text) => <strong>{text}</strong>,
                (text) => <strong>{text}</strong>,
              ])}
            </p>
          )}
          <div class="actions">
            {!installEvent.value && (
              <button type="button" class="button button--quiet" onClick={() => settle('install', 'done')}>
                {t('I’ve done it')}
              </button>
            )}
            <button type="button" class="button button--quiet" onClick={() => settle('install', 'skipped')}>
              {t('Skip for now')}
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="onboarding-title">{t('Turn on notifications')}</h2>
          <p>
            {t('So this phone tells you when someone in your circle reaches out — the one thing that matters most.')}
          </p>
          {problem && (
            <p class="notice" role="status">
              {problem}
            </p>
          )}
          {iosNeedsInstall ? (
            <p class="muted">{t('On iPhone, this works once Shoulder is on your Home Screen: open it from there.')}</p>
          ) : (
            <button type="button" class="button" disabled={busy} onClick={() => void notify()}>
              {t('Turn on notifications')}
            </button>
          )}
          <div class="actions">
            <button type="button" class="button button--quiet" onClick={() => settle('notifications', 'skipped')}>
              {t('Skip for now')}
            </button>
          </div>
          <p>
            <a href="/settings/notifications">{t('Choose what you hear about')}</a>
          </p>
        </>
      )}
    </section>
  );
}
