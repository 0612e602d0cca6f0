import { Page } from '../components/Page';

export default function ReachOut() {
  return (
    <Page title="Reach out">
      <section class="card card--soft">
        <h2>You don't have a circle yet</h2>
        <p>
          Once you're in a circle, this is where you tell your people you need them — in one or two
          taps, no explaining needed.
        </p>
      </section>
      <p>
        If you need someone right now, call or text a friend directly, or see{' '}
        <a href="/crisis">people you can talk to tonight</a>.
      </p>
    </Page>
  );
}
