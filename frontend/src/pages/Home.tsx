import { useEffect, useState } from 'preact/hooks';
import { type Checkin, type CompactCheckin, getHome, type Home as HomeData } from '../api/checkins';
import { type Circle, listCircles } from '../api/circles';
import type { ApiError } from '../api/client';
import { auth } from '../auth/state';
import { Lately } from '../checkins/Lately';
import { useLiveRefresh } from '../checkins/live';
import { NudgeAnswer } from '../checkins/NudgeAnswer';
import { acknowledge, currentUserId, outbox, startOutbox, unseenOutcomes, waiting } from '../checkins/outbox';
import { askTitle, joinNames, kindTo, modeForFriend, needsForFriend, responseText } from '../checkins/words';
import { CircleCards } from '../circles/CircleCards';
import { FormError } from '../components/FormError';
import { Onboarding } from '../components/Onboarding';
import { Page } from '../components/Page';
import { weekdayAt } from '../i18n/format';
import { t, tn } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { useOnline, withLastKnown } from '../pwa/lastKnown';
import '../checkins/checkins.css';
import './Home.css';

export default function Home() {
  const [error, setError] = useState<ApiError | null>(null);
  const [home, setHome] = useState<HomeData | null>(null);
  // Who is in each circle: after the first paint, for the "With Sam and Jo" lines.
  const [people, setPeople] = useState<Circle[] | null>(null);

  const load = () => {
    withLastKnown('home', getHome)
      .then((value) => {
        setHome(value);
        setError(null);
      })
      .catch((err: ApiError) => setError(err));
  };
  useEffect(() => {
    load();
    startOutbox();
    // Something queued offline went out (or was refused): show the new state.
    return outbox.subscribe((o) => {
      if (o.type !== 'kept') load();
    });
  }, []);
  useLiveRefresh(load);
  const online = useOnline();
  useEffect(() => {
    if (home && home.circles.length > 0 && !people) {
      withLastKnown('circles', listCircles)
        .then(setPeople)
        .catch(() => undefined);
    }
  }, [home !== null]);

  const name = home?.me.display_name || auth.value.user?.display || '';
  const myId = home?.me.id;
  const circles = home?.circles.map((c) => people?.find((p) => p.id === c.id) ?? c) ?? null;
  return (
    <Page title={t('Home')} heading={name ? t('Hi, {name}', { name }) : t('Hi there')}>
      {!online && home && (
        <p class="notice" role="status">
          {t("You're offline — this is what we knew last. Anything you send goes out when you're back.")}
        </p>
      )}
      <FormError message={error?.detail} />
      <Outbox />
      {home?.my_open_checkin && <MySession checkin={home.my_open_checkin} />}
      {circles && circles.length > 0 && (
        <>
          <a class="reach-out" href="/reach-out">
            <span class="reach-out-title">{t('I need someone')}</span>
            <span class="reach-out-sub">{t('Reach out to your people')}</span>
          </a>
          <Onboarding />
          {home && home.asking_me.length > 0 && (
            <section aria-labelledby="asking-title">
              <h2 id="asking-title">{t('Asking for you')}</h2>
              {home.asking_me.map((c) => (
                <AskCard key={c.id} checkin={c} />
              ))}
            </section>
          )}
          {home?.pending_nudges.map((n) => (
            <NudgeAnswer key={n.id} nudge={n} />
          ))}
          <Lately />
          {home && home.my_scheduled.length > 0 && (
            <section aria-labelledby="later-title">
              <h2 id="later-title">{t('Later')}</h2>
              {home.my_scheduled.map((c) => (
                <a key={c.id} class="ask-card" href={`/checkins/${c.id}`}>
                  <span class="card-title">{t('{name} will check on you', { name: c.circle.name })}</span>
                  <span class="card-line">{when(c.scheduled_for)}</span>
                </a>
              ))}
            </section>
          )}
          <section aria-labelledby="your-circles">
            <h2 id="your-circles">{t('Your circles')}</h2>
            <CircleCards circles={circles} myId={myId} />
            <p>
              <a class="quiet-link" href="/circles/new">
                {t('Create another circle')}
              </a>
            </p>
          </section>
        </>
      )}
      {circles && circles.length === 0 && (
        <>
          <section class="card card--soft empty-circle" aria-labelledby="no-circle">
            <h2 id="no-circle">{t("You don't have a circle yet")}</h2>
            <p>
              {t(
                "A circle is a few people you trust — the ones you'd call when it all gets too much. Create one and invite them.",
              )}
            </p>
            <a class="button" href="/circles/new">
              {t('Create a circle')}
            </a>
          </section>
          <Onboarding />
          <p class="muted">
            {t('If a friend already has a circle, they can send you an invite link — open it and it brings you in.')}
          </p>
          <p class="muted">
            {rich(t("While you're here, have a look at the <0>gentle reminders</0>."), [
              (text) => <a href="/about">{text}</a>,
            ])}
          </p>
        </>
      )}
    </Page>
  );
}

function when(iso: string | null): string {
  if (!iso) return '';
  return weekdayAt(iso);
}

/** My open reach-out (or check-on-me) at the top: who is coming. */
function MySession({ checkin }: { checkin: Checkin }) {
  const coming = checkin.audience.filter((a) => a.response);
  const asked = checkin.in_reply_to ? joinNames(checkin.audience.map((a) => a.user.display_name)) : checkin.circle.name;
  const title =
    checkin.kind === 'check_on_me'
      ? t('You asked {name} to check on you', { name: asked })
      : t('You asked {name}', { name: asked });
  return (
    <a class="session-card" href={`/checkins/${checkin.id}`}>
      <span class="card-title">{title}</span>
      {coming.map((a) => (
        <span key={a.user.id} class="card-line">
          {a.user.display_name} — {responseText(a.response!)}
        </span>
      ))}
      {coming.length === 0 && (
        <span class="card-line">
          {checkin.offer_help
            ? t('Nobody has answered yet — open it to ask them again or ask someone else.')
            : t('They’ve been asked.')}
        </span>
      )}
    </a>
  );
}

/** Someone asking me: their needs first, then how they'd like to be met. */
function AskCard({ checkin }: { checkin: CompactCheckin }) {
  const lines = [modeForFriend(checkin.mode), ...needsForFriend(checkin)].filter(Boolean) as string[];
  return (
    <a class="ask-card" href={`/checkins/${checkin.id}`}>
      <span class="card-title">{askTitle(checkin)}</span>
      {lines.map((l) => (
        <span key={l} class="card-line">
          {l}
        </span>
      ))}
      {checkin.my_response && (
        <span class="card-line">{t('You said: {answer}', { answer: responseText(checkin.my_response) })}</span>
      )}
    </a>
  );
}

/** What waits to be sent from this phone, and what went out (or couldn't) meanwhile. */
function Outbox() {
  const userId = currentUserId();
  const mine = waiting.value.filter((e) => e.userId === userId);
  const outcomes = unseenOutcomes.value;
  if (mine.length === 0 && outcomes.length === 0) return null;
  return (
    <div role="status">
      {mine.length > 0 && (
        <p class="notice">
          {tn(
            mine.length,
            { other: "Your {items} will send when you're back online." },
            { items: joinNames(mine.map((e) => kindTo(e.kind, e.to))) },
          )}
        </p>
      )}
      {outcomes.map((o) => (
        <div key={o.key} class="notice">
          <p>
            {o.type === 'refused'
              ? t("We couldn't send your {what}: {reason}", {
                  what: kindTo(o.entry.kind, o.entry.to),
                  reason: o.error.detail,
                })
              : t('Your {what} went out.', { what: kindTo(o.entry.kind, o.entry.to) })}
          </p>
          <button type="button" class="link-button" onClick={() => acknowledge(o.key)}>
            {t('Okay')}
          </button>
        </div>
      ))}
    </div>
  );
}
