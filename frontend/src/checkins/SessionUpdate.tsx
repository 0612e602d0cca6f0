import { useState } from 'preact/hooks';
import { type Checkin, setUpdate } from '../api/checkins';
import { ApiError } from '../api/client';
import { CHECKIN_UPDATE_MAX } from '../api/limits';
import { FormError } from '../components/FormError';
import { t } from '../i18n/i18n';
import { lengthNote } from './compose';
import { timeAgo } from './words';

/** The requester's one short line, as everyone sees it ("door's open"). */
export function SessionUpdateLine({ checkin }: { checkin: Checkin }) {
  if (!checkin.update_line) return null;
  const who =
    checkin.my_role === 'requester'
      ? t('Your update')
      : t('Update from {name}', { name: checkin.requester.display_name });
  return (
    <p class="said update-line">
      <span class="soft">
        {who} · {timeAgo(checkin.update_line_at)}
      </span>
      <br />“{checkin.update_line}”
    </p>
  );
}

/** The requester adds (or changes) the one short line during the session. */
export function SessionUpdateForm({ checkin, onChange }: { checkin: Checkin; onChange: (c: Checkin) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const note = lengthNote(text, CHECKIN_UPDATE_MAX);
  const tooLong = [...text].length > CHECKIN_UPDATE_MAX;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || tooLong || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await setUpdate(checkin.id, text));
      setText('');
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form update-form" onSubmit={(e) => void submit(e)} noValidate>
      <div class="field">
        <label for="session-update">{t('A short update for everyone you asked')}</label>
        <input
          id="session-update"
          type="text"
          value={text}
          placeholder={t('Door’s open')}
          aria-invalid={tooLong ? 'true' : undefined}
          aria-describedby={note ? 'session-update-length' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {note && (
          <p class={tooLong ? 'field-error' : 'counter'} id="session-update-length" aria-live="polite">
            {note}
          </p>
        )}
      </div>
      <FormError message={error?.detail} />
      <button type="submit" class="button button--quiet" disabled={busy || tooLong || !text.trim()}>
        {checkin.update_line ? t('Change the update') : t('Share the update')}
      </button>
    </form>
  );
}
