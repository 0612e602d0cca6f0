import { render } from 'preact';
import './styles/base.css';
import { fetchSession } from './api/allauth';
import { OfflineError } from './api/client';
import { App } from './app';
import { mayHaveSession } from './auth/device';
import { auth } from './auth/state';
import { resumeOutbox } from './checkins/boot';
import { startLocale } from './i18n/i18n';
import { lastKnownUser, watchSignOut } from './pwa/lastKnown';
import { startPwa } from './pwa/register';
import { routablePath } from './router';

// A path with a broken %-escape can't be routed: show "not found" rather than nothing.
if (!routablePath(window.location.pathname)) history.replaceState(null, '', '/not-found');
void startLocale();
startPwa();
resumeOutbox();
watchSignOut();

if (mayHaveSession()) {
  // Likely signed in: signed-in pages render (and load their data) beside this check.
  fetchSession().catch((err: unknown) => {
    // Offline at start: whoever was signed in here last sees their last known home (and can
    // write a reach-out that waits for the connection); the session is asked again once online.
    const known = err instanceof OfflineError ? lastKnownUser() : null;
    if (known) {
      auth.value = { status: 'authenticated', user: known, pending: [] };
      window.addEventListener('online', () => void fetchSession().catch(() => undefined), { once: true });
      return;
    }
    auth.value = {
      status: err instanceof OfflineError ? 'unknown' : 'anonymous',
      user: null,
      pending: [],
    };
  });
} else {
  // No session cookie: the server could only say "signed out" (with a 401 the console
  // would log), so the first screen shows at once without asking.
  auth.value = { status: 'anonymous', user: null, pending: [] };
}

render(<App />, document.getElementById('app')!);
