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
        Okay. {sender} knows you could use them — reach out whenever you like.
      </p>
    );
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="card nudge" aria-labelledby={`nudge-${nudge.id}`}>
      <Heading id={`nudge-${nudge.id}`}>{sender} is thinking of you — how are you?</Heading>
      {nudge.message && <p class="said">“{nudge.message}”</p>}
      <FormError message={error?.detail} />
      {answer && (
        <p class="notice" role="status">
          You said: {answerLabel(answer)}. {sender} will see it.
        </p>
      )}
      {open && answer !== 'need_you' && (
        <div class="choices choices--row" role="group" aria-label={`Answer ${sender}`}>
          {NUDGE_ANSWERS.map((a) => (
            <button
              key={a.value}
              type="button"
              class={`choice${answer === a.value ? ' choice--on' : ''}`}
              aria-pressed={answer === a.value}
              disabled={busy}
              onClick={() => void answerWith(a.value)}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
      {answer === 'need_you' && (
        <div class="reach-back" role="group" aria-label={`Reach out to ${sender}`}>
          <p>
            <strong>Reach out to {sender}</strong> — how would you like them to be there?
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
                {m.label}
              </button>
            ))}
          </div>
          <button type="button" class="link-button" disabled={busy} onClick={() => void dismiss()}>
            Not now — I'll reach out another way
          </button>
        </div>
      )}
    </section>
  );
}
