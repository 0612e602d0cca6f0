import { useEffect, useRef, useState } from 'preact/hooks';
import { type Checkin, existingCheckinId, type Mode } from '../api/checkins';
import type { ApiError } from '../api/client';
import {
  acceptOffer,
  declineOffer,
  getSharing,
  offerToShare,
  reachOutToo,
  type ShareNeeds,
  type ShareOffer,
  type Sharing,
  setMyNeeds,
} from '../api/sharing';
import { FormError } from '../components/FormError';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { navigate } from '../router';
import { newKey } from './compose';
import { SafeSpaceChecklist } from './SafeSpaceChecklist';
import { myOfferLine, needLabels, offerLine } from './sharing';
import { MODES, NEEDS } from './words';
import './checkins.css';

const isActive = (c: Checkin) => c.status === 'open' || c.status === 'answered';

/**
 * Two-way sessions on the session screen. While it is on: a friend who came can ask "Can I
 * share too?"; the person who reached out sees a soft line and answers "Of course" or lets it
 * be; once mutual, both see each other's needs and the friend gets the safe-space checklist.
 * Afterwards, a friend who was there is asked "How are you after that?" and can reach out in
 * turn ("I could use someone too"). Reads its own state (GET …/sharing/) whenever the
 * check-in it is given changes.
 */
export function ShareToo({ checkin }: { checkin: Checkin }) {
  const [sharing, setSharing] = useState<Sharing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (checkin.kind === 'nudge') return;
    getSharing(checkin.id)
      .then(setSharing)
      .catch(() => undefined);
  }, [checkin]);

  const run = async (action: () => Promise<Sharing>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setSharing(await action());
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  // Ticked at once (the checkbox never waits for the server); each change saves only itself.
  const changeNeed = (key: keyof ShareNeeds, on: boolean) => {
    setSharing((current) => {
      const offer = current?.my_offer;
      if (!current || !offer) return current;
      const changed = { ...offer, [key]: on };
      return { ...current, my_offer: changed, offers: current.offers.map((o) => (o.id === offer.id ? changed : o)) };
    });
    setError(null);
    setMyNeeds(checkin.id, { [key]: on })
      .then(setSharing)
      .catch((err: unknown) => setError(err as ApiError));
  };

  if (!sharing) return null;
  const name = checkin.requester.display_name;

  if (!isActive(checkin)) {
    return sharing.reach_out_too ? <CouldUseSomeone checkin={checkin} sharing={sharing} /> : null;
  }

  if (checkin.my_role === 'requester') {
    const pending = sharing.offers.filter((o) => o.status === 'pending');
    const together = sharing.offers.filter((o) => o.status === 'accepted');
    if (pending.length === 0 && together.length === 0) return null;
    return (
      <>
        <FormError message={error?.detail} />
        {pending.map((offer) => (
          <section key={offer.id} class="card card--soft share-offer" aria-label={offerLine(offer)}>
            <p>{offerLine(offer)}</p>
            <div class="choices choices--row">
              <button
                type="button"
                class="choice"
                disabled={busy}
                onClick={() => void run(() => acceptOffer(checkin.id, offer.id))}
              >
                {t('Of course')}
              </button>
              <button
                type="button"
                class="choice"
                disabled={busy}
                onClick={() => void run(() => declineOffer(checkin.id, offer.id))}
              >
                {t('Let it be')}
              </button>
            </div>
          </section>
        ))}
        {together.length > 0 && (
          <EachOther
            mine={checkin}
            mineLabel={t('What you asked for')}
            others={together.map((o) => ({ name: o.by.display_name, needs: o }))}
          />
        )}
      </>
    );
  }

  const mine = sharing.my_offer;
  if (sharing.can_offer) {
    return (
      <section class="card card--soft share-too" aria-labelledby="share-too-title">
        <h2 id="share-too-title">{t('Something on your mind too?')}</h2>
        <p class="soft">{t('If you’d like to share something of your own, you can ask. No pressure, either way.')}</p>
        <FormError message={error?.detail} />
        <button
          type="button"
          class="button button--quiet"
          disabled={busy}
          onClick={() => void run(() => offerToShare(checkin.id))}
        >
          {t('Can I share too?')}
        </button>
      </section>
    );
  }
  if (!mine) return null;
  const line = myOfferLine(mine.status, name);
  if (mine.status !== 'accepted') {
    return line ? (
      <p class="notice share-too" role="status">
        {line}
      </p>
    ) : null;
  }
  return (
    <>
      <p class="notice share-too" role="status">
        {line} {t('You’re there for each other.')}
      </p>
      <FormError message={error?.detail} />
      <fieldset class="group">
        <legend>{t('What would help you? (optional)')}</legend>
        <ul class="checklist">
          {NEEDS.map((n) => (
            <li key={n.key} class="check">
              <input
                type="checkbox"
                id={`my-need-${n.key}`}
                checked={mine[n.key]}
                onChange={(e) => changeNeed(n.key, e.currentTarget.checked)}
              />
              <label for={`my-need-${n.key}`}>{t(n.label)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <EachOther mine={mine} mineLabel={t('What you asked for')} others={[{ name, needs: checkin }]} />
      <SafeSpaceChecklist checkinId={checkin.id} />
    </>
  );
}

type NeedsOf = Partial<Pick<ShareOffer, 'no_need_to_explain' | 'just_listen' | 'silence_ok'>>;

/** Both sides of a mutual session: what each asked for, on both phones alike. */
function EachOther({
  mine,
  mineLabel,
  others,
}: {
  mine: NeedsOf;
  mineLabel: string;
  others: { name: string; needs: NeedsOf }[];
}) {
  const rows = [
    { label: mineLabel, needs: mine },
    ...others.map((o) => ({ label: t('What {name} asked for', { name: o.name }), needs: o.needs })),
  ];
  return (
    <section class="card each-other" aria-labelledby="each-other-title">
      <h2 id="each-other-title">{t('You’re there for each other')}</h2>
      {rows.map((row) => {
        const labels = needLabels(row.needs);
        return (
          <div key={row.label} role="group" aria-label={row.label}>
            <h3>{row.label}</h3>
            {labels.length > 0 ? (
              <ul class="needs">
                {labels.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : (
              <p class="soft">{t('Nothing in particular — just being there.')}</p>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** After a session: "How are you after that?" and, one tap away, a reach-out in turn. */
function CouldUseSomeone({ checkin, sharing }: { checkin: Checkin; sharing: Sharing }) {
  const prefill = sharing.reach_out_too!;
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<'person' | 'circle'>(prefill.person ? 'person' : 'circle');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());

  const send = async (mode: Mode) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const made = await reachOutToo(checkin.id, { mode, to, idempotency_key: `${key.current}-${to}` });
      navigate(`/checkins/${made.id}`);
    } catch (err) {
      const existing = existingCheckinId(err);
      if (existing) navigate(`/checkins/${existing}`);
      else setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const who = to === 'person' && prefill.person ? prefill.person.display_name : prefill.circle.name;
  return (
    <section class="card card--soft could-use" aria-labelledby="after-that-title">
      <h2 id="after-that-title">{t('How are you after that?')}</h2>
      <p class="soft">{t('Being there for someone can stir things up. It’s okay to need someone too.')}</p>
      {!open ? (
        <button type="button" class="button button--quiet" onClick={() => setOpen(true)}>
          {t('I could use someone too')}
        </button>
      ) : (
        <>
          <fieldset class="group">
            <legend>{t('Who would you like to ask?')}</legend>
            <div class="pick">
              {prefill.person && (
                <label>
                  <input type="radio" name="to" checked={to === 'person'} onChange={() => setTo('person')} />
                  {prefill.person.display_name}
                </label>
              )}
              <label>
                <input type="radio" name="to" checked={to === 'circle'} onChange={() => setTo('circle')} />
                {t('Everyone in {name}', { name: prefill.circle.name })}
              </label>
            </div>
          </fieldset>
          <FormError message={error?.detail} />
          <div role="group" aria-label={t('Reach out to {name}', { name: who })}>
            <p>
              {rich(t('<0>Reach out to {name}</0> — how would you like them to be there?', { name: who }), [
                (text) => <strong>{text}</strong>,
              ])}
            </p>
            <div class="choices">
              {MODES.map((m) => (
                <button key={m.value} type="button" class="choice" disabled={busy} onClick={() => void send(m.value)}>
                  {t(m.label)}
                </button>
              ))}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
