import { useState } from 'preact/hooks';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { changePassword } from './api';
import { withReauth } from './reauth';

export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const save = useSubmit(async () => {
    setDone(false);
    await withReauth(() => changePassword(current, next));
    setCurrent('');
    setNext('');
    setDone(true);
  });
  return (
    <form class="card form" aria-labelledby="password-title" onSubmit={save.onSubmit}>
      <h2 id="password-title">{t('Password')}</h2>
      <FormError message={save.error?.field ? undefined : save.error?.detail} />
      {done && (
        <p class="notice" role="status">
          {t('Your password is changed. We emailed you to say so.')}
        </p>
      )}
      <Field
        id="current_password"
        type="password"
        label={t('Current password')}
        autocomplete="current-password"
        required
        value={current}
        onValue={setCurrent}
        error={save.error?.forField('current_password')}
      />
      <Field
        id="new_password"
        type="password"
        label={t('New password')}
        autocomplete="new-password"
        required
        value={next}
        onValue={setNext}
        error={save.error?.forField('new_password')}
      />
      <button type="submit" class="button button--quiet" disabled={save.busy}>
        {t('Change password')}
      </button>
    </form>
  );
}
