import { useState } from 'preact/hooks';
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
      else setProblem('Notifications are off for Shoulder in this browser. You can allow them in its settings later.');
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'That didn’t work. You can try again from your account.');
    } finally {
      setBusy(false);
    }
  };

  const iosNeedsInstall = showIosGuide.value && !isStandalone.value;
  return (
    <section class="card card--soft onboarding" aria-labelledby="onboarding-title">
      <p class="muted onboarding-step">{step === 'install' ? 'First step' : 'One more step'}</p>
      {step === 'install' ? (
        <>
          <h2 id="onboarding-title">Put Shoulder on your home screen</h2>
          <p>Then it’s one tap away when you need your people — and on iPhone, it’s how notifications can reach you.</p>
          {installEvent.value ? (
            <button type="button" class="button" onClick={() => void install()}>
              Add to home screen
            </button>
          ) : showIosGuide.value ? (
            <ol>
              <li>
                Tap the <strong>Share</strong> button (the square with an arrow) in Safari.
              </li>
              <li>
                Choose <strong>Add to Home Screen</strong>, then tap <strong>Add</strong>.
              </li>
            </ol>
          ) : (
            <p class="muted">
              In your browser’s menu, choose <strong>Add to Home screen</strong> or <strong>Install app</strong>.
            </p>
          )}
          <div class="actions">
            {!installEvent.value && (
              <button type="button" class="button button--quiet" onClick={() => settle('install', 'done')}>
                I’ve done it
              </button>
            )}
            <button type="button" class="button button--quiet" onClick={() => settle('install', 'skipped')}>
              Skip for now
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="onboarding-title">Turn on notifications</h2>
          <p>So this phone tells you when someone in your circle reaches out — the one thing that matters most.</p>
          {problem && (
            <p class="notice" role="status">
              {problem}
            </p>
          )}
          {iosNeedsInstall ? (
            <p class="muted">On iPhone, this works once Shoulder is on your Home Screen: open it from there.</p>
          ) : (
            <button type="button" class="button" disabled={busy} onClick={() => void notify()}>
              Turn on notifications
            </button>
          )}
          <div class="actions">
            <button type="button" class="button button--quiet" onClick={() => settle('notifications', 'skipped')}>
              Skip for now
            </button>
          </div>
          <p>
            <a href="/settings/notifications">Choose what you hear about</a>
          </p>
        </>
      )}
    </section>
  );
}
