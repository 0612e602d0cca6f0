import { useEffect } from 'preact/hooks';
import { auth } from '../auth/state';
import { Page } from '../components/Page';

export default function Goodbye() {
  useEffect(() => {
    // The account and its sessions are gone; this device is signed out too.
    if (auth.value.status === 'authenticated') auth.value = { status: 'anonymous', user: null, pending: [] };
  }, []);
  return (
    <Page title="Goodbye" heading="Your account is deleted">
      <p class="lead">Everything you wrote is gone. Thank you for being there for your friends.</p>
      <p>If you ever want to come back, you're welcome to sign up again.</p>
      <a class="button button--quiet" href="/crisis">
        Need help right now?
      </a>
    </Page>
  );
}
