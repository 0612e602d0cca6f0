import { Page } from '../components/Page';

export default function Goodbye() {
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
