import { useState } from 'preact/hooks';
import { deleteAccount } from '../account/api';
import { withReauth } from '../account/reauth';
import { currentUserId, outbox } from '../checkins/outbox';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { msg, t } from '../i18n/i18n';
import { navigate } from '../router';

/** The word to type, in the person's language ("eliminar" in Spanish). */
const WORD = msg('delete');

export default function DeleteAccount() {
  const [typed, setTyped] = useState('');
  const word = t(WORD);
  const ready = typed.trim().toLowerCase() === word.toLowerCase();
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
    <Page title={t('Delete your account')} heading={t('Delete your account')}>
      <section class="card">
        <p>{t("This can't be undone. Before you go, you can download your data from your account page.")}</p>
        <h2>{t('What goes, right away')}</h2>
        <ul>
          <li>{t('Your account, your name and your email.')}</li>
          <li>{t('Every check-in you made, every note you wrote, your answers and your reactions.')}</li>
          <li>{t('Your place in your circles, your devices and every signed-in session.')}</li>
        </ul>
        <h2>{t('What happens to your circles')}</h2>
        <p>
          {t(
            'A circle you own passes to the person who has been in it longest. A circle with only you in it is deleted.',
          )}
        </p>
        <h2>{t('What stays')}</h2>
        <p>
          {t(
            'What your friends wrote stays theirs. If something was reported to our moderators, the report stays so their decision still makes sense, with your name replaced by “a deleted person”.',
          )}
        </p>
      </section>
      <form class="form card" onSubmit={remove.onSubmit}>
        <FormError message={remove.error?.detail} />
        <Field
          id="confirm-delete"
          label={t('Type “{word}” to confirm', { word })}
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          value={typed}
          onValue={setTyped}
        />
        <button type="submit" class="button" disabled={!ready || remove.busy}>
          {t('Delete my account')}
        </button>
        <a class="button button--quiet" href="/account">
          {t('Keep my account')}
        </a>
      </form>
    </Page>
  );
}
