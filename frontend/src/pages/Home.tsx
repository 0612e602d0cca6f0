import { useEffect, useState } from 'preact/hooks';
import { listCircles, type Circle } from '../api/circles';
import type { ApiError } from '../api/client';
import { auth } from '../auth/state';
import { loadMe, me } from '../auth/me';
import { CircleCards } from '../components/CircleCards';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { onPushMessage } from '../pwa/messages';
import './Home.css';

export default function Home() {
  const [error, setError] = useState<ApiError | null>(null);
  const [circles, setCircles] = useState<Circle[] | null>(null);
  useEffect(() => {
    loadMe().catch((err: ApiError) => setError(err));
    const refresh = () =>
      listCircles()
        .then(setCircles)
        .catch((err: ApiError) => setError(err));
    void refresh();
    // Something happened in a circle while this screen is open: show it without a reload.
    return onPushMessage(() => void refresh());
  }, []);

  const name = me.value?.display_name || auth.value.user?.display || '';
  return (
    <Page title="Home" heading={name ? `Hi, ${name}` : 'Hi there'}>
      <FormError message={error?.detail} />
      {circles && circles.length > 0 && (
        <>
          <a class="reach-out" href="/reach-out">
            <span class="reach-out-title">Reach out</span>
            <span class="reach-out-sub">Let your people know you need them</span>
          </a>
          <section aria-labelledby="your-circles">
            <h2 id="your-circles">Your circles</h2>
            <CircleCards circles={circles} myId={me.value?.id} />
            <p>
              <a class="quiet-link" href="/circles/new">
                Create another circle
              </a>
            </p>
          </section>
        </>
      )}
      {circles && circles.length === 0 && (
        <>
          <section class="card card--soft empty-circle" aria-labelledby="no-circle">
            <h2 id="no-circle">You don't have a circle yet</h2>
            <p>
              A circle is a few people you trust — the ones you'd call when it all gets too much.
              Create one and invite them.
            </p>
            <a class="button" href="/circles/new">
              Create a circle
            </a>
          </section>
          <p class="muted">
            If a friend already has a circle, they can send you an invite link — open it and it
            brings you in.
          </p>
          <p class="muted">
            While you're here, have a look at the <a href="/about">gentle reminders</a>.
          </p>
        </>
      )}
      <NotificationsInvite />
    </Page>
  );
}

const NOTIFICATIONS_HIDDEN_KEY = 'shoulder.notifications-invite-hidden';

function neverAsked(): boolean {
  try {
    return (
      'Notification' in window &&
      Notification.permission === 'default' &&
      localStorage.getItem(NOTIFICATIONS_HIDDEN_KEY) !== '1'
    );
  } catch {
    return false;
  }
}

/** One gentle pointer to the notification settings, until this device has been asked or it is hidden. */
function NotificationsInvite() {
  const [show, setShow] = useState(neverAsked);
  if (!show) return null;
  const hide = () => {
    setShow(false);
    try {
      localStorage.setItem(NOTIFICATIONS_HIDDEN_KEY, '1');
    } catch {
      // Not remembering is fine.
    }
  };
  return (
    <section class="card card--soft" aria-labelledby="notifications-invite">
      <h2 id="notifications-invite">Hear when your circle needs you</h2>
      <p>Shoulder can tell this phone when someone reaches out to you, or answers you.</p>
      <div class="actions">
        <a class="button button--quiet" href="/settings/notifications">
          Set up notifications
        </a>
        <button type="button" class="button button--quiet" onClick={hide}>
          Hide this
        </button>
      </div>
    </section>
  );
}
