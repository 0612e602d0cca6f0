import { useEffect, useRef, useState } from 'preact/hooks';
import { type Checkin, CREATE_URL } from '../api/checkins';
import { type Circle, listCircles } from '../api/circles';
import { ApiError, api, OfflineError } from '../api/client';
import { counterText, MESSAGE_MAX, newKey } from '../checkins/compose';
import { nudgeDeliveryText } from '../checkins/nudge';
import { currentUserId, outbox, startOutbox } from '../checkins/outbox';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { t } from '../i18n/i18n';
import { withLastKnown } from '../pwa/lastKnown';
import type { PageProps } from '../routes';
import '../checkins/checkins.css';

/**
 * "Thinking of Ana?": one person, one gentle question, one button. Opened from a person
 * ("Send a nudge"); nothing of the reach-out form is here.
 */
export default function Nudge({ query }: PageProps) {
  const to = query.get('to') ?? '';
  const wantedCircle = query.get('circle');
  const [circles, setCircles] = useState<Circle[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  useEffect(() => {
    withLastKnown('circles', listCircles)
      .then(setCircles)
      .catch((err: unknown) => {
        if (err instanceof ApiError) setLoadError(err);
      });
  }, []);

  if (!circles) {
    if (loadError) {
      return (
        <Page title={t('Send a nudge')}>
          <FormError message={loadError.detail} />
        </Page>
      );
    }
    return (
      <p class="waiting" role="status">
        {t('One moment…')}
      </p>
    );
  }
  const holds = (c: Circle) => c.members.some((m) => m.user.id === to);
  const circle = circles.find((c) => c.id === wantedCircle && holds(c)) ?? circles.find(holds);
  const person = circle?.members.find((m) => m.user.id === to)?.user;
  if (!circle || !person || person.id === currentUserId()) {
    return (
      <Page title={t('Send a nudge')} heading={t('We couldn’t find them')}>
        <p>{t('They may have left the circle. You can send a nudge from any of your circles’ people.')}</p>
        <a class="button button--quiet" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }
  return <NudgeForm circleId={circle.id} personId={person.id} name={person.display_name} />;
}

type Sent = { checkin: Checkin } | { queued: true };

function NudgeForm({ circleId, personId, name }: { circleId: string; personId: string; name: string }) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  // One key for this nudge, kept across retries: the server makes it once.
  const key = useRef(newKey());
  const counter = counterText(message);
  const tooLong = [...message].length > MESSAGE_MAX;

  const send = async (event: Event) => {
    event.preventDefault();
    if (busy || tooLong) return;
    setBusy(true);
    setError(null);
    const body = {
      kind: 'nudge',
      circle: circleId,
      audience: [personId],
      message: message.trim(),
      idempotency_key: key.current,
    };
    try {
      setSent({ checkin: (await api.post<Checkin>(CREATE_URL, body)).data });
    } catch (err) {
      const userId = currentUserId();
      if (err instanceof OfflineError && userId) {
        // Written offline: it waits on this phone and goes out, once, when there's a connection.
        startOutbox();
        outbox.enqueue({
          key: key.current,
          url: CREATE_URL,
          body,
          kind: 'nudge',
          userId,
          to: name,
          queuedAt: new Date().toISOString(),
        });
        setSent({ queued: true });
      } else if (err instanceof ApiError) {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    const entry = 'checkin' in sent ? sent.checkin.audience[0] : null;
    return (
      <Page title={t('Nudge sent')} heading={t('You’re thinking of {name}', { name })}>
        <p class="lead" role="status">
          {'queued' in sent
            ? t('Your nudge to {name} is saved on this phone and goes out by itself when you’re back online.', { name })
            : t('We let {name} know you’re thinking of them.', { name })}
        </p>
        {entry && <p>{nudgeDeliveryText(name, entry)}</p>}
        <a class="button button--quiet" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }

  return (
    <Page title={t('Send a nudge')} heading={t('Thinking of {name}?', { name })}>
      <p class="lead">
        {t(
          'Send {name} a gentle “thinking of you — how are you?”. They can answer with one tap, whenever they’re ready.',
          {
            name,
          },
        )}
      </p>
      <form class="form" onSubmit={(e) => void send(e)} noValidate>
        <div class="field">
          <label for="nudge-message">{t('Add a few words (optional)')}</label>
          <textarea
            id="nudge-message"
            rows={2}
            value={message}
            aria-invalid={tooLong ? 'true' : undefined}
            aria-describedby={counter ? 'nudge-counter' : undefined}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
          {counter && (
            <p class="counter" id="nudge-counter" aria-live="polite">
              {counter}
            </p>
          )}
        </div>
        <FormError message={error?.detail} />
        <button type="submit" class="button send" disabled={busy}>
          {t('Send {name} a nudge', { name })}
        </button>
      </form>
    </Page>
  );
}
