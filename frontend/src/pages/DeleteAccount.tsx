import { useState } from 'preact/hooks';
import { deleteAccount } from '../account/api';
import { withReauth } from '../account/reauth';
import { currentUserId, outbox } from '../checkins/outbox';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { navigate } from '../router';

const WORD = 'delete';

export default function DeleteAccount() {
  const [typed, setTyped] = useState('');
  const ready = typed.trim().toLowerCase() === WORD;
  const remove = useSubmit(async () => {
    if (!ready) return;
    const userId = currentUserId();
    await withReauth(deleteAccount);
    // The server already removed this device's push subscription and ended every session.
    if (userId) outbox.forget(userId);
    // Loaded first, so this page (signed-in only) is gone before the session is.
    await import('./Goodbye');
    navigate('/goodbye', { replace: true });
  });
  return (
    <Page title="Delete your account" heading="Delete your account">
      <section class="card">
        <p>This can't be undone. Before you go, you can download your data from your account page.</p>
        <h2>What goes, right away</h2>
        <ul>
          <li>Your account, your name and your email.</li>
          <li>Every check-in you made, every note you wrote, your answers and your reactions.</li>
          <li>Your place in your circles, your devices and every signed-in session.</li>
        </ul>
        <h2>What happens to your circles</h2>
        <p>
          A circle you own passes to the person who has been in it longest. A circle with only you in it is deleted.
        </p>
        <h2>What stays</h2>
        <p>
          What your friends wrote stays theirs. If something was reported to our moderators, the report stays so their
          decision still makes sense, with your name replaced by “a deleted person”.
        </p>
      </section>
      <form class="form card" onSubmit={remove.onSubmit}>
        <FormError message={remove.error?.detail} />
        <Field
          id="confirm-delete"
          label={`Type “${WORD}” to confirm`}
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          value={typed}
          onValue={setTyped}
        />
        <button type="submit" class="button" disabled={!ready || remove.busy}>
          Delete my account
        </button>
        <a class="button button--quiet" href="/account">
          Keep my account
        </a>
      </form>
    </Page>
  );
}
