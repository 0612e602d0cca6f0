import { useRef, useState } from 'preact/hooks';
import {
  type Answer,
  type CheckinCore,
  dismissCheckin,
  existingCheckinId,
  type Mode,
  reachBack,
  respond,
} from '../api/checkins';
import type { ApiError } from '../api/client';
import { FormError } from '../components/FormError';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { navigate } from '../router';
import { newKey } from './compose';
import { answerLabel, MODES, NUDGE_ANSWERS } from './words';
import './checkins.css';

/**
 * "Sam is thinking of you — how are you?": one tap to answer; after "Could use you", one more
 * tap reaches out to Sam, saying how to be met.
 */
export function NudgeAnswer({ nudge, headingLevel = 2 }: { nudge: CheckinCore; headingLevel?: 2 | 3 }) {
  const sender = nudge.requester.display_name;
  const [answer, setAnswer] = useState<Answer | null>(nudge.my_response?.answer ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [putAway, setPutAway] = useState(false);
  const key = useRef(newKey());
  const open = nudge.status === 'open' || nudge.status === 'answered';

  const answerWith = async (value: Answer) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await respond(nudge.id, { answer: value });
      setAnswer(value);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const reachOutWith = async (mode: Mode) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const checkin = await reachBack(nudge.id, { mode, idempotency_key: key.current });
      navigate(`/checkins/${checkin.id}`);
    } catch (err) {
      const existing = existingCheckinId(err);
      if (existing) navigate(`/checkins/${existing}`);
      else setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  // "Not now": the prompt stays on home (and across reloads) until this, or reaching back.
  const dismiss = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await dismissCheckin(nudge.id);
      setPutAway(true);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if (putAway) {
    return (
      <p class="notice" role="status">
        {t('Okay. {name} knows you could use them — reach out whenever you like.', { name: sender })}
      </p>
    );
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="card nudge" aria-labelledby={`nudge-${nudge.id}`}>
      <Heading id={`nudge-${nudge.id}`}>{t('{name} is thinking of you — how are you?', { name: sender })}</Heading>
      {nudge.message && <p class="said">“{nudge.message}”</p>}
      <FormError message={error?.detail} />
      {answer && (
        <p class="notice" role="status">
          {t('You said: {answer}. {name} will see it.', { answer: answerLabel(answer), name: sender })}
        </p>
      )}
      {open && answer !== 'need_you' && (
        <div class="choices choices--row" role="group" aria-label={t('Answer {name}', { name: sender })}>
          {NUDGE_ANSWERS.map((a) => (
            <button
              key={a.value}
              type="button"
              class={`choice${answer === a.value ? ' choice--on' : ''}`}
              aria-pressed={answer === a.value}
              disabled={busy}
              onClick={() => void answerWith(a.value)}
            >
              {t(a.label)}
            </button>
          ))}
        </div>
      )}
      {answer === 'need_you' && (
        <div class="reach-back" role="group" aria-label={t('Reach out to {name}', { name: sender })}>
          <p>
            {rich(t('<0>Reach out to {name}</0> — how would you like them to be there?', { name: sender }), [
              (text) => <strong>{text}</strong>,
            ])}
          </p>
          <div class="choices">
            {MODES.map((m) => (
              <button
                key={m.value}
                type="button"
                class="choice"
                disabled={busy}
                onClick={() => void reachOutWith(m.value)}
              >
                {t(m.label)}
              </button>
            ))}
          </div>
          <button type="button" class="link-button" disabled={busy} onClick={() => void dismiss()}>
            {t("Not now — I'll reach out another way")}
          </button>
        </div>
      )}
    </section>
  );
}
