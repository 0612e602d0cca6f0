import { useEffect, useState } from 'preact/hooks';
import { addPeople, askAgain, type Checkin } from '../api/checkins';
import { getCircle, type Member } from '../api/circles';
import { ApiError } from '../api/client';
import { FormError } from '../components/FormError';
import { timeAgo } from './words';

/**
 * "Nobody has answered yet": only what is possible, all on this same check-in — ask the same
 * people once more, ask more people of the circle (when there are any not asked yet), and
 * crisis help. Never a second reach-out beside this one.
 */
export function NobodyAnswered({ checkin, onChange }: { checkin: Checkin; onChange: (c: Checkin) => void }) {
  const [notAsked, setNotAsked] = useState<Member[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const asked = new Set([checkin.requester.id, ...checkin.audience.map((a) => a.user.id)]);
  const askedKey = [...asked].sort().join();
  useEffect(() => {
    let live = true;
    getCircle(checkin.circle.id)
      .then((circle) => live && setNotAsked(circle.members.filter((m) => !asked.has(m.user.id))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [checkin.circle.id, askedKey]);

  const run = async (action: () => Promise<Checkin>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await action());
      setPicked([]);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card card--soft" aria-labelledby="no-answer-title">
      <h2 id="no-answer-title">Nobody has answered yet</h2>
      <p>They may be asleep or away from their phone — it isn’t about you.</p>
      <FormError message={error?.detail} />
      {checkin.asked_again_at ? (
        <p class="notice" role="status">
          You asked them again {timeAgo(checkin.asked_again_at)}. Their answers will show here.
        </p>
      ) : (
        <button
          type="button"
          class="button button--quiet"
          disabled={busy}
          onClick={() => void run(() => askAgain(checkin.id))}
        >
          Ask them again
        </button>
      )}
      {notAsked.length > 0 && (
        <fieldset class="group more">
          <legend>Ask someone else in {checkin.circle.name} too</legend>
          <ul class="checklist">
            {notAsked.map((m) => (
              <li key={m.user.id} class="check">
                <input
                  type="checkbox"
                  id={`also-${m.user.id}`}
                  checked={picked.includes(m.user.id)}
                  onChange={(e) =>
                    setPicked((now) =>
                      e.currentTarget.checked ? [...now, m.user.id] : now.filter((id) => id !== m.user.id),
                    )
                  }
                />
                <label for={`also-${m.user.id}`}>{m.user.display_name}</label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="button button--quiet"
            disabled={busy || picked.length === 0}
            onClick={() => void run(() => addPeople(checkin.id, picked))}
          >
            Ask them too
          </button>
        </fieldset>
      )}
      <div class="actions">
        <a class="button button--quiet" href="/crisis">
          Need help right now?
        </a>
      </div>
    </section>
  );
}
