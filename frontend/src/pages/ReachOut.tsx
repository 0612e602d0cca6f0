import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CREATE_URL, type Kind } from '../api/checkins';
import { type Circle, listCircles } from '../api/circles';
import { ApiError } from '../api/client';
import {
  counterText,
  type Draft,
  hasProblems,
  newDraft,
  newKey,
  nextPhase,
  type Phase,
  type PhaseEvent,
  type Problems,
  problems,
  rememberCircle,
  rememberedCircle,
  toRequest,
} from '../checkins/compose';
import { acknowledge, currentUserId, type Outcome, outbox, startOutbox, waiting } from '../checkins/outbox';
import { joinNames, kindTo, MODES, NEEDS, reminderFor } from '../checkins/words';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { withLastKnown } from '../pwa/lastKnown';
import '../checkins/checkins.css';
import { navigate } from '../router';
import type { PageProps } from '../routes';

/** "…or see people you can talk to tonight.", with the crisis page linked. */
function RightNow() {
  return (
    <p>
      {rich(
        t(
          'If you need someone right now, call or text a friend directly, or see <0>people you can talk to tonight</0>.',
        ),
        [(text) => <a href="/crisis">{text}</a>],
      )}
    </p>
  );
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export default function ReachOut({ query }: PageProps) {
  const [circles, setCircles] = useState<Circle[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  useEffect(() => {
    startOutbox();
    // Offline, the circles last seen here: the reach-out is written now and waits in the outbox.
    withLastKnown('circles', listCircles)
      .then(setCircles)
      .catch((err: unknown) => {
        if (err instanceof ApiError) setLoadError(err);
      });
  }, []);

  if (!circles) {
    if (loadError) {
      return (
        <Page title={t('Reach out')}>
          <FormError message={loadError.detail} />
          <RightNow />
        </Page>
      );
    }
    return (
      <p class="waiting" role="status">
        {t('One moment…')}
      </p>
    );
  }
  if (circles.length === 0) {
    return (
      <Page title={t('Reach out')}>
        <section class="card card--soft">
          <h2>{t("You don't have a circle yet")}</h2>
          <p>
            {t(
              "Once you're in a circle, this is where you tell your people you need them — in one or two taps, no explaining needed.",
            )}
          </p>
          <a class="button" href="/circles/new">
            {t('Create a circle')}
          </a>
        </section>
        <RightNow />
      </Page>
    );
  }
  const myId = currentUserId();
  const withPeople = circles.filter((c) => c.members.some((m) => String(m.user.id) !== myId));
  if (withPeople.length === 0) {
    // Explained before any form: there is nobody to send it to yet.
    const only = circles[0]!;
    return (
      <Page title={t('Reach out')}>
        <section class="card card--soft" aria-labelledby="nobody-yet-title">
          <h2 id="nobody-yet-title">
            {circles.length === 1
              ? t('Nobody else is in {name} yet', { name: only.name })
              : t('Nobody else is in your circles yet')}
          </h2>
          <p>
            {t(
              'Once a friend has joined, this is where you tell them you need them — in one or two taps, no explaining needed.',
            )}
          </p>
          <a class="button" href={`/circles/${encodeURIComponent(only.id)}`}>
            {t('Invite a friend')}
          </a>
        </section>
        <RightNow />
      </Page>
    );
  }
  return <Compose circles={circles} nudgeFor={query.get('nudge')} nudgeCircle={query.get('circle')} />;
}

type Shown = { kind: Kind; problems: Problems };

/** The field a refusal names, if any (then it is shown beside that field only). */
function fieldOf(error: ApiError | null): string | null {
  return error?.field ?? null;
}

function Compose({
  circles,
  nudgeFor,
  nudgeCircle,
}: {
  circles: Circle[];
  nudgeFor: string | null;
  nudgeCircle: string | null;
}) {
  const [draft, setDraft] = useState<Draft>(() => {
    const start = newDraft(circles, nudgeCircle ?? rememberedCircle(storage()), new Date(), currentUserId());
    return nudgeFor ? { ...start, nudgeTo: nudgeFor } : start;
  });
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  // One key per compose and kind, kept across retries: the server makes it once.
  const keys = useRef<Partial<Record<Kind, string>>>({});
  const keyFor = (kind: Kind) => (keys.current[kind] ??= newKey());
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const step = (event: PhaseEvent) => setPhase((current) => nextPhase(current, event));
  // The same reminder for this compose, said in whatever language is on now.
  const [reminderSeed] = useState(() => Date.now() / 60_000);

  const userId = currentUserId() ?? 'me';
  const mine = new Set(Object.values(keys.current));
  const queued = waiting.value.filter((e) => e.userId === userId && mine.has(e.key));

  const circle = circles.find((c) => c.id === draft.circleId) ?? circles[0]!;
  const myId = currentUserId();
  const others = useMemo(() => circle.members.filter((m) => String(m.user.id) !== myId), [circle, myId]);
  const pickedNames = others.filter((m) => draft.people.includes(m.user.id)).map((m) => m.user.display_name);
  const target = draft.who === 'people' && pickedNames.length ? joinNames(pickedNames) : circle.name;

  // An outcome for one of this compose's keys, now or later (back online): act on it.
  useEffect(
    () =>
      outbox.subscribe((outcome: Outcome) => {
        if (!Object.values(keys.current).includes(outcome.key)) return;
        handle(outcome);
      }),
    [],
  );

  const handle = (outcome: Outcome) => {
    if (outcome.type === 'kept') return;
    acknowledge(outcome.key);
    if (outcome.type === 'refused') {
      step('refused');
      setError(outcome.error);
      return;
    }
    setPhase((current) => nextPhase(current, current === 'queued' ? 'delivered' : 'ok'));
    navigate(`/checkins/${outcome.type === 'sent' ? outcome.checkin.id : outcome.checkinId}`);
  };

  const send = async (kind: Kind, event?: Event) => {
    event?.preventDefault();
    if (phase === 'sending') return;
    const found = problems(draft, kind, new Date());
    setShown({ kind, problems: found });
    setError(null);
    if (hasProblems(found)) {
      // Take the person to the first thing that needs them.
      const first = (['circle', 'audience', 'mode', 'checkAt', 'message'] as const).find((k) => found[k]);
      const where =
        kind === 'nudge'
          ? 'nudge-to'
          : first === 'mode'
            ? 'mode-group'
            : first === 'checkAt'
              ? 'check-at'
              : first === 'message'
                ? 'message'
                : 'who-group';
      const target = document.getElementById(where);
      (target?.matches('input, select, textarea') ? target : target?.querySelector<HTMLElement>('input'))?.focus();
      return;
    }
    if (draft.circleId) rememberCircle(storage(), draft.circleId);
    const key = keyFor(kind);
    const nudgeName = others.find((m) => m.user.id === draft.nudgeTo)?.user.display_name ?? '';
    outbox.enqueue({
      key,
      url: CREATE_URL,
      body: toRequest(draft, kind, key),
      kind,
      userId,
      to: kind === 'nudge' ? nudgeName : target,
      queuedAt: new Date().toISOString(),
    });
    step('submit');
    const outcomes = await outbox.flush(userId);
    const mineNow = outcomes.find((o) => o.key === key);
    if (!mineNow || mineNow.type === 'kept') step('offline');
  };

  const discard = (key: string) => {
    const kind = queued.find((e) => e.key === key)?.kind;
    outbox.discard(key);
    if (kind) delete keys.current[kind];
    setPhase('editing');
  };

  const problemsFor = (kind: Kind) => (shown?.kind === kind ? shown.problems : {});
  const p = problemsFor('reach_out');
  const later = problemsFor('check_on_me');
  const nudge = problemsFor('nudge');
  // A refusal that names a field is shown there, once (not again in the banner).
  const serverField = shown?.kind !== 'nudge' ? fieldOf(error) : null;
  const modeError = p.mode ?? later.mode ?? (serverField === 'mode' ? error?.detail : undefined);
  const audienceError =
    p.audience ??
    later.audience ??
    (serverField === 'audience' || serverField === 'circle' ? error?.detail : undefined);
  const messageError = p.message ?? later.message ?? (serverField === 'message' ? error?.detail : undefined);
  const checkAtError = later.checkAt ?? (serverField === 'scheduled_for' ? error?.detail : undefined);
  const nudgeField = shown?.kind === 'nudge' ? fieldOf(error) : null;
  const nudgeError = nudge.audience ?? (nudgeField === 'audience' ? error?.detail : undefined);
  const bannerError = (shown?.kind === 'nudge' ? nudgeField : serverField) ? undefined : error?.detail;
  const counter = counterText(draft.message);

  if (queued.length > 0) {
    return (
      <Page title={t('Reach out')} heading={t('It’s ready to go')}>
        {queued.map((entry) => (
          <section key={entry.key} class="card card--soft">
            <p class="lead" role="status">
              {t("Will send when you're back online.")}
            </p>
            <p>
              {t(
                'Your {what} is saved on this phone and goes out by itself as soon as there’s a connection. It won’t be sent twice.',
                { what: kindTo(entry.kind, entry.to) },
              )}
            </p>
            <button type="button" class="button button--quiet" onClick={() => discard(entry.key)}>
              {t('Don’t send it')}
            </button>
          </section>
        ))}
        <p>
          {rich(
            t(
              'If you need someone right now, you can call or text a friend from your phone as usual, or see <0>people you can talk to tonight</0>.',
            ),
            [(text) => <a href="/crisis">{text}</a>],
          )}
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('Reach out')}>
      <form class="form" onSubmit={(e) => void send('reach_out', e)} noValidate>
        <fieldset id="who-group" class="group" aria-describedby={audienceError || p.circle ? 'who-error' : undefined}>
          <legend>{t('Who would you like to ask?')}</legend>
          <div class="pick">
            {circles.length > 1 &&
              circles.map((c) => (
                <label key={c.id}>
                  <input
                    type="radio"
                    name="circle"
                    value={c.id}
                    checked={draft.circleId === c.id}
                    onChange={() => set({ circleId: c.id, people: [], nudgeTo: null })}
                  />
                  {c.name}
                </label>
              ))}
          </div>
          <div class={`pick pick--two${circles.length > 1 ? ' more' : ''}`}>
            <label>
              <input
                type="radio"
                name="who"
                value="circle"
                checked={draft.who === 'circle'}
                onChange={() => set({ who: 'circle' })}
              />
              {circles.length > 1 ? t('Everyone in it') : t('Everyone in {name}', { name: circle.name })}
            </label>
            <label>
              <input
                type="radio"
                name="who"
                value="people"
                checked={draft.who === 'people'}
                onChange={() => set({ who: 'people' })}
              />
              {t('Specific people')}
            </label>
          </div>
          {draft.who === 'people' && (
            <ul class="checklist">
              {others.map((m) => (
                <li key={m.user.id} class="check">
                  <input
                    type="checkbox"
                    id={`person-${m.user.id}`}
                    checked={draft.people.includes(m.user.id)}
                    onChange={(e) =>
                      set({
                        people: e.currentTarget.checked
                          ? [...draft.people, m.user.id]
                          : draft.people.filter((id) => id !== m.user.id),
                      })
                    }
                  />
                  <label for={`person-${m.user.id}`}>{m.user.display_name}</label>
                </li>
              ))}
            </ul>
          )}
          {(audienceError || p.circle) && (
            <p class="group-error" id="who-error">
              {audienceError ?? p.circle}
            </p>
          )}
        </fieldset>

        <fieldset id="mode-group" class="group" aria-describedby={modeError ? 'mode-error' : undefined}>
          <legend>{t('How would you like them to be there?')}</legend>
          <div class="pick pick--two">
            {MODES.map((m) => (
              <label key={m.value}>
                <input
                  type="radio"
                  name="mode"
                  value={m.value}
                  checked={draft.mode === m.value}
                  onChange={() => set({ mode: m.value })}
                />
                {t(m.label)}
              </label>
            ))}
          </div>
          {modeError && (
            <p class="group-error" id="mode-error">
              {modeError}
            </p>
          )}
        </fieldset>

        <fieldset class="group">
          <legend>{t('What would help? (optional)')}</legend>
          <ul class="checklist">
            {NEEDS.map((n) => (
              <li key={n.key} class="check">
                <input
                  type="checkbox"
                  id={`need-${n.key}`}
                  checked={draft[n.key]}
                  onChange={(e) => set({ [n.key]: e.currentTarget.checked })}
                />
                <label for={`need-${n.key}`}>{t(n.label)}</label>
              </li>
            ))}
          </ul>
        </fieldset>

        <div class="field">
          <label for="message">{t('Anything you want to say (optional)')}</label>
          <textarea
            id="message"
            name="message"
            rows={3}
            value={draft.message}
            aria-invalid={messageError ? 'true' : undefined}
            aria-describedby={
              [counter ? 'message-counter' : '', messageError ? 'message-error' : ''].join(' ').trim() || undefined
            }
            onInput={(e) => set({ message: e.currentTarget.value })}
          />
          {counter && (
            <p class="counter" id="message-counter" aria-live="polite">
              {counter}
            </p>
          )}
          {messageError && (
            <p class="field-error" id="message-error">
              {messageError}
            </p>
          )}
        </div>

        <p class="reminder">{reminderFor(reminderSeed)}</p>
        <FormError message={shown?.kind !== 'nudge' ? bannerError : undefined} />
        <button type="submit" class="button send" disabled={phase === 'sending'}>
          {t('Send to {name}', { name: target })}
        </button>

        <details class="more">
          <summary>{t('Check on me later')}</summary>
          <div class="form">
            <p class="soft">
              {t(
                'Not now, but later? Pick a time and {name} will be asked to check on you then — the way you chose above.',
                { name: circle.name },
              )}
            </p>
            <div class="field">
              <label for="check-at">{t('When should they check on you?')}</label>
              <input
                id="check-at"
                type="datetime-local"
                value={draft.checkAt}
                aria-invalid={checkAtError ? 'true' : undefined}
                aria-describedby={checkAtError ? 'check-at-error' : undefined}
                onInput={(e) => set({ checkAt: e.currentTarget.value })}
              />
              {checkAtError && (
                <p class="field-error" id="check-at-error">
                  {checkAtError}
                </p>
              )}
            </div>
            <button
              type="button"
              class="button button--quiet"
              disabled={phase === 'sending'}
              onClick={() => void send('check_on_me')}
            >
              {t('Ask them to check on me')}
            </button>
          </div>
        </details>
      </form>

      <details class="more" open={!!nudgeFor}>
        <summary>{t('Thinking of someone?')}</summary>
        <form class="form" onSubmit={(e) => void send('nudge', e)} noValidate>
          <p class="soft">{t('Send a gentle “thinking of you — how are you?” to one person.')}</p>
          <div class="field">
            <label for="nudge-to">{t('Who are you thinking of?')}</label>
            <select
              id="nudge-to"
              value={draft.nudgeTo ?? ''}
              aria-invalid={nudgeError ? 'true' : undefined}
              aria-describedby={nudgeError ? 'nudge-error' : undefined}
              onChange={(e) => set({ nudgeTo: e.currentTarget.value || null })}
            >
              <option value="">{t('Pick someone')}</option>
              {others.map((m) => (
                <option key={m.user.id} value={m.user.id}>
                  {m.user.display_name}
                </option>
              ))}
            </select>
            {nudgeError && (
              <p class="field-error" id="nudge-error">
                {nudgeError}
              </p>
            )}
          </div>
          <FormError message={shown?.kind === 'nudge' ? bannerError : undefined} />
          <button type="submit" class="button button--quiet" disabled={phase === 'sending'}>
            {t('Send a nudge')}
          </button>
        </form>
      </details>
    </Page>
  );
}
