import { useState } from 'preact/hooks';
import { auth } from '../auth/state';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { progress } from '../pwa/onboarding';
import { installEvent, isStandalone, promptInstall, showIosGuide } from '../pwa/register';

const DISMISSED_KEY = 'shoulder.install-guide-dismissed';

function dismissedBefore(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** "Install Shoulder" where the browser offers it; Share → Add to Home Screen steps on iOS. */
export function InstallPrompt() {
  const [dismissed, setDismissed] = useState(dismissedBefore);
  if (isStandalone.value) return null;
  // Done in the first steps; or signed in and not past them yet (they offer it, not twice).
  if (progress.value.install === 'done') return null;
  if (auth.value.status === 'authenticated' && !progress.value.install) return null;

  if (installEvent.value) {
    return (
      <section class="card card--soft" aria-labelledby="install-title">
        <h2 id="install-title">{t('Keep Shoulder on your phone')}</h2>
        <p>{t('Open it from your home screen, like any app, when you need your people.')}</p>
        <button type="button" class="button button--quiet" onClick={() => void promptInstall()}>
          {t('Install Shoulder')}
        </button>
      </section>
    );
  }

  if (showIosGuide.value && !dismissed) {
    const dismiss = () => {
      setDismissed(true);
      try {
        localStorage.setItem(DISMISSED_KEY, '1');
      } catch {
        // Not remembering is fine.
      }
    };
    return (
      <section class="card card--soft" aria-labelledby="ios-install-title">
        <h2 id="ios-install-title">{t('Add Shoulder to your Home Screen')}</h2>
        <ol>
          <li>
            {rich(t('Tap the <0>Share</0> button (the square with an arrow) in Safari.'), [
              (text) => <strong>{text}</strong>,
            ])}
          </li>
          <li>{rich(t('Choose <0>Add to Home Screen</0>.'), [(text) => <strong>{text}</strong>])}</li>
          <li>{rich(t('Tap <0>Add</0>.'), [(text) => <strong>{text}</strong>])}</li>
        </ol>
        <p class="muted">{t('Notifications from your circle on iPhone work once Shoulder is on your Home Screen.')}</p>
        <button type="button" class="button button--quiet" onClick={dismiss}>
          {t('Not now')}
        </button>
      </section>
    );
  }
  return null;
}
