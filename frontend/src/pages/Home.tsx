import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { auth } from '../auth/state';
import { loadMe, me } from '../auth/me';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import './Home.css';

export default function Home() {
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    loadMe().catch((err: ApiError) => setError(err));
  }, []);

  const name = me.value?.display_name || auth.value.user?.display || '';
  return (
    <Page title="Home" heading={name ? `Hi, ${name}` : 'Hi there'}>
      <FormError message={error?.detail} />
      <section class="card card--soft empty-circle" aria-labelledby="no-circle">
        <h2 id="no-circle">You don't have a circle yet</h2>
        <p>
          A circle is a few people you trust — the ones you'd call when it all gets too much. Create
          one and invite them, or join one with an invite link a friend sent you.
        </p>
        <p class="muted">Creating and joining circles is coming very soon.</p>
      </section>
      <p class="muted">
        While you wait, have a look at the <a href="/about">gentle reminders</a>.
      </p>
    </Page>
  );
}
