import { render } from 'preact';
import './styles/base.css';
import { fetchSession } from './api/allauth';
import { OfflineError } from './api/client';
import { App } from './app';
import { auth } from './auth/state';
import { resumeOutbox } from './checkins/boot';
import { startLocale } from './i18n/i18n';
import { startPwa } from './pwa/register';
import { routablePath } from './router';

// A path with a broken %-escape can't be routed: show "not found" rather than nothing.
if (!routablePath(window.location.pathname)) history.replaceState(null, '', '/not-found');
void startLocale();
startPwa();
resumeOutbox();

fetchSession().catch((err: unknown) => {
  // Offline at start: public pages still work, signed-in ones say we're offline.
  auth.value = {
    status: err instanceof OfflineError ? 'unknown' : 'anonymous',
    user: null,
    pending: [],
  };
});

render(<App />, document.getElementById('app')!);
