import { Page } from '../components/Page';

export default function NotFound() {
  return (
    <Page title="Page not found" heading="We couldn't find that page">
      <p>The link may be old or mistyped.</p>
      <a class="button" href="/">
        Go to Shoulder's home
      </a>
    </Page>
  );
}
