import { useEffect, useState } from 'preact/hooks';
import { addPeople, askAgain, type Checkin } from '../api/checkins';
import { type Circle, getCircle, listCircles, type Member } from '../api/circles';
import { ApiError } from '../api/client';
import { FormError } from '../components/FormError';
import { t } from '../i18n/i18n';
import { timeAgo } from './words';

/** People of one circle who could still be asked, and the circle to ask them through. */
interface Askable {
  circle: { id: string; name: string };
  // Undefined: the check-in's own circle.
  through?: string;
  people: Member[];
}

/**
 * "Nobody has answered yet": only what is possible, all on this same check-in — ask the same
 * people once more, ask more people of the circle, or people of another circle of mine (when
 * there are any not asked yet), and crisis help. Never a second reach-out beside this one.
 */
export function NobodyAnswered({ checkin, onChange }: { checkin: Checkin; onChange: (c: Checkin) => void }) {
  const [groups, setGroups] = useState<Askable[]>([]);
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const asked = new Set([checkin.requester.id, ...checkin.audience.map((a) => a.user.id)]);
  const askedKey = [...asked].sort().join();
  useEffect(() => {
    let live = true;
    Promise.all([getCircle(checkin.circle.id), listCircles().catch((): Circle[] => [])])
      .then(([own, mine]) => {
        if (!live) return;
        const inOwn = new Set(own.members.map((m) => m.user.id));
        const others = mine
          .filter((c) => c.id !== checkin.circle.id)
          .map((c) => ({
            circle: { id: c.id, name: c.name },
            through: c.id,
            // Someone in both circles is asked as one of the check-in's own circle.
            people: c.members.filter((m) => !asked.has(m.user.id) && !inOwn.has(m.user.id)),
          }));
        const first = { circle: checkin.circle, people: own.members.filter((m) => !asked.has(m.user.id)) };
        setGroups([first, ...others].filter((g) => g.people.length > 0));
      })
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
      setPicked({});
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (circleId: string, userId: string, on: boolean) =>
    setPicked((now) => {
      const these = now[circleId] ?? [];
      return { ...now, [circleId]: on ? [...these, userId] : these.filter((id) => id !== userId) };
    });

  return (
    <section class="card card--soft" aria-labelledby="no-answer-title">
      <h2 id="no-answer-title">{t('Nobody has answered yet')}</h2>
      <p>{t('They may be asleep or away from their phone — it isn’t about you.')}</p>
      <FormError message={error?.detail} />
      {checkin.asked_again_at ? (
        <p class="notice" role="status">
          {t('You asked them again {ago}. Their answers will show here.', { ago: timeAgo(checkin.asked_again_at) })}
        </p>
      ) : (
        <button
          type="button"
          class="button button--quiet"
          disabled={busy}
          onClick={() => void run(() => askAgain(checkin.id))}
        >
          {t('Ask them again')}
        </button>
      )}
      {groups.map((group) => {
        const chosen = picked[group.circle.id] ?? [];
        const everyone = group.people.map((m) => m.user.id);
        return (
          <fieldset key={group.circle.id} class="group more">
            <legend>
              {group.through
                ? t('Ask people from {circle}', { circle: group.circle.name })
                : t('Ask someone else in {circle} too', { circle: group.circle.name })}
            </legend>
            {group.through && (
              <p class="hint">
                {t('Only the people you pick will see this, not the rest of {circle}.', { circle: group.circle.name })}
              </p>
            )}
            <ul class="checklist">
              {group.people.map((m) => (
                <li key={m.user.id} class="check">
                  <input
                    type="checkbox"
                    id={`also-${group.circle.id}-${m.user.id}`}
                    checked={chosen.includes(m.user.id)}
                    onChange={(e) => toggle(group.circle.id, m.user.id, e.currentTarget.checked)}
                  />
                  <label for={`also-${group.circle.id}-${m.user.id}`}>{m.user.display_name}</label>
                </li>
              ))}
            </ul>
            <div class="actions">
              <button
                type="button"
                class="button button--quiet"
                disabled={busy || chosen.length === 0}
                onClick={() => void run(() => addPeople(checkin.id, chosen, group.through))}
              >
                {t('Ask them too')}
              </button>
              {group.through && everyone.length > 1 && (
                <button
                  type="button"
                  class="button button--quiet"
                  disabled={busy}
                  onClick={() => void run(() => addPeople(checkin.id, everyone, group.through))}
                >
                  {t('Ask everyone in {circle}', { circle: group.circle.name })}
                </button>
              )}
            </div>
          </fieldset>
        );
      })}
      <div class="actions">
        <a class="button button--quiet" href="/crisis">
          {t('Need help right now?')}
        </a>
      </div>
    </section>
  );
}
