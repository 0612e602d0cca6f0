import { useState } from 'preact/hooks';
import { type Checkin, type CheckinResponse, respond } from '../api/checkins';
import { ApiError } from '../api/client';
import { RESPONSE_MESSAGE_MAX } from '../api/limits';
import { FormError } from '../components/FormError';
import { t } from '../i18n/i18n';
import { lengthNote } from './compose';
import { clockTime, ETA_CHOICES, formatEta } from './words';

/**
 * After answering: say when you'll be there (now or later, and change it), and a few words
 * of your own ("I'm downstairs") — the same answer, so the person who asked isn't buzzed
 * again for the words alone.
 */
export function MyAnswer({
  checkin,
  mine,
  onAnswer,
  askEta,
  onEtaDone,
}: {
  checkin: Checkin;
  mine: CheckinResponse;
  onAnswer: (response: CheckinResponse) => void;
  askEta: boolean;
  onEtaDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [editingEta, setEditingEta] = useState(false);
  const [words, setWords] = useState(mine.message);
  const [saved, setSaved] = useState(false);
  const note = lengthNote(words, RESPONSE_MESSAGE_MAX);
  const tooLong = [...words].length > RESPONSE_MESSAGE_MAX;

  const send = async (changes: { eta_minutes?: number | null; message?: string }) => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      onAnswer(
        await respond(checkin.id, {
          answer: mine.answer,
          eta_minutes: changes.eta_minutes !== undefined ? changes.eta_minutes : mine.eta_minutes,
          message: changes.message !== undefined ? changes.message : mine.message,
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const comingSoon = mine.answer === 'on_my_way';
  const showEta = comingSoon && (askEta || editingEta);
  const now = Date.now();
  return (
    <div class="my-answer">
      <FormError message={error?.detail} />
      {showEta && (
        <div role="group" aria-labelledby="eta-title">
          <h2 id="eta-title">{t('About when will you be there? (optional)')}</h2>
          <div class="choices choices--row">
            {ETA_CHOICES.map((m) => (
              <button
                key={m}
                type="button"
                class="choice"
                disabled={busy}
                onClick={() =>
                  void send({ eta_minutes: m }).then((ok) => {
                    if (ok) {
                      setEditingEta(false);
                      onEtaDone();
                    }
                  })
                }
              >
                {t('In {duration} · {time}', { duration: formatEta(m), time: clockTime(new Date(now + m * 60_000)) })}
              </button>
            ))}
            <button
              type="button"
              class="choice"
              onClick={() => {
                setEditingEta(false);
                onEtaDone();
              }}
            >
              {t('Not sure yet')}
            </button>
          </div>
        </div>
      )}
      {comingSoon && !showEta && (
        <button type="button" class="button button--quiet" onClick={() => setEditingEta(true)}>
          {mine.eta_minutes ? t('Change when you’ll be there') : t('Say when you’ll be there')}
        </button>
      )}
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (tooLong) return;
          void send({ message: words }).then((ok) => setSaved(ok));
        }}
      >
        <div class="field">
          <label for="my-words">
            {t('A few words for {name} (optional)', { name: checkin.requester.display_name })}
          </label>
          <input
            id="my-words"
            type="text"
            value={words}
            placeholder={t('I’m downstairs')}
            aria-invalid={tooLong ? 'true' : undefined}
            aria-describedby={note ? 'my-words-length' : undefined}
            onInput={(e) => {
              setSaved(false);
              setWords(e.currentTarget.value);
            }}
          />
          {note && (
            <p class={tooLong ? 'field-error' : 'counter'} id="my-words-length" aria-live="polite">
              {note}
            </p>
          )}
        </div>
        {saved && (
          <p class="notice" role="status">
            {t('{name} can see it.', { name: checkin.requester.display_name })}
          </p>
        )}
        <button type="submit" class="button button--quiet" disabled={busy || tooLong || words === mine.message}>
          {mine.message ? t('Change your words') : t('Send your words')}
        </button>
      </form>
    </div>
  );
}
