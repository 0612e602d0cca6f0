import { useEffect, useState } from 'preact/hooks';
import { AftermathSlot } from '../aftermath/AftermathSlot';
import {
  type Answer,
  type Checkin,
  type CheckinResponse,
  cancelCheckin,
  closeCheckin,
  getCheckin,
  markSeen,
  respond,
} from '../api/checkins';
import { ApiError } from '../api/client';
import { ContactLinks } from '../checkins/Contact';
import { useLiveRefresh } from '../checkins/live';
import { MyAnswer } from '../checkins/MyAnswer';
import { NobodyAnswered } from '../checkins/NobodyAnswered';
import { NudgeAnswer } from '../checkins/NudgeAnswer';
import { nudgeDeliveryText } from '../checkins/nudge';
import { SafeSpaceChecklist } from '../checkins/SafeSpaceChecklist';
import { SessionUpdateForm, SessionUpdateLine } from '../checkins/SessionUpdate';
import { ShareToo } from '../checkins/ShareToo';
import {
  askTitle,
  FRIEND_ANSWERS,
  friendClosing,
  joinNames,
  modeForFriend,
  modeLabel,
  needsForFriend,
  requesterClosing,
  responseText,
  timeAgo,
} from '../checkins/words';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { weekdayAt } from '../i18n/format';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import '../checkins/checkins.css';
import { ReportButton } from '../moderation/ReportButton';
import type { PageProps } from '../routes';

/** While a session is open and the screen is visible, look again now and then (no push needed). */
const POLL_MS = 20_000;

const isActive = (c: Checkin) => c.status === 'open' || c.status === 'answered';

export default function CheckinPage({ params }: PageProps) {
  const id = params.id ?? '';
  const [checkin, setCheckin] = useState<Checkin | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  const refresh = () => {
    getCheckin(id)
      .then((value) => {
        setCheckin(value);
        setLoadError(null);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError) setLoadError(err);
      });
  };
  useEffect(() => {
    setCheckin(null);
    refresh();
  }, [id]);
  useLiveRefresh(refresh, checkin && (isActive(checkin) || checkin.status === 'scheduled') ? POLL_MS : undefined);

  // Opening it is seeing it: the person who asked sees "seen" softly.
  const asked = checkin?.my_role === 'asked' && isActive(checkin);
  useEffect(() => {
    if (asked) markSeen(id).catch(() => undefined);
  }, [id, asked]);

  if (!checkin) {
    if (loadError) {
      const gone = loadError.status === 404;
      return (
        <Page title={t('Check-in')} heading={gone ? t('We couldn’t find this') : t('Check-in')}>
          <p>{gone ? t('It may have been taken back, or you’re no longer in that circle.') : loadError.detail}</p>
          <a class="button" href="/">
            {t('Go home')}
          </a>
        </Page>
      );
    }
    return (
      <p class="waiting" role="status">
        {t('One moment…')}
      </p>
    );
  }
  if (checkin.kind === 'nudge') return <NudgeView checkin={checkin} />;
  if (checkin.my_role === 'requester') return <RequesterView checkin={checkin} onChange={setCheckin} />;
  return <FriendView checkin={checkin} onChange={setCheckin} />;
}

function NudgeView({ checkin }: { checkin: Checkin }) {
  if (checkin.my_role === 'asked') {
    return (
      <Page title={t('Thinking of you')} heading={t('Thinking of you')}>
        <NudgeAnswer nudge={checkin} />
        <ReportCheckin checkin={checkin} />
      </Page>
    );
  }
  const to = checkin.audience[0];
  return (
    <Page
      title={t('Thinking of you')}
      heading={to ? t('You’re thinking of {name}', { name: to.user.display_name }) : t('You’re thinking of them')}
    >
      <p class="lead">{t('We let them know. They can answer with one tap, whenever they’re ready.')}</p>
      {to && (
        <p>
          {to.response ? (
            rich(t('{name} said: <0>{answer}</0>', { name: to.user.display_name, answer: responseText(to.response) }), [
              (text) => <strong>{text}</strong>,
            ])
          ) : (
            <span class="soft">{nudgeDeliveryText(to.user.display_name, to)}</span>
          )}
        </p>
      )}
      <a class="button button--quiet" href="/">
        {t('Go home')}
      </a>
    </Page>
  );
}

function deliveryText(entry: Checkin['audience'][number]): string {
  if (entry.seen_at) return t('seen');
  if (entry.delivered_at) return t('delivered');
  // No push could reach them: the ask went by email.
  if (entry.mailed_at) return t('emailed');
  return t('sent');
}

/** "Sent 2 min ago" / "Sam asked 2 min ago": when it started asking. */
function SentAt({ checkin, asker }: { checkin: Checkin; asker?: string }) {
  const when = timeAgo(checkin.activated_at ?? checkin.created_at);
  return (
    <p class="soft when">{asker ? t('{name} asked {when}', { name: asker, when }) : t('Sent {when}', { when })}</p>
  );
}

function whenText(iso: string | null): string {
  if (!iso) return '';
  return weekdayAt(iso);
}

function useCancelWindow(checkin: Checkin): boolean {
  // The server says until when (its cancel window); the clock here only hides the button.
  const left = checkin.cancel_until ? new Date(checkin.cancel_until).getTime() - Date.now() : 0;
  const [, setTick] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    // Quietly hide the button when the window ends; nothing counts down on screen.
    const timer = window.setTimeout(() => setTick((n) => n + 1), left + 100);
    return () => window.clearTimeout(timer);
  }, [checkin.id, left > 0]);
  if (checkin.status === 'scheduled') return true;
  return isActive(checkin) && left > 0;
}

function RequesterView({ checkin, onChange }: { checkin: Checkin; onChange: (c: Checkin) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const canCancel = useCancelWindow(checkin);
  const run = (action: (id: string) => Promise<Checkin>) => async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await action(checkin.id));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };

  // A reach-back goes to the one friend who nudged, not the whole circle.
  const circle = checkin.in_reply_to
    ? joinNames(checkin.audience.map((a) => a.user.display_name))
    : checkin.circle.name;
  if (checkin.status === 'closed' || checkin.status === 'expired') {
    return (
      <Page title={t('Thank you')} heading={t('Thank you for reaching out')}>
        <p class="lead">{requesterClosing(checkin)}</p>
        <AftermathSlot checkin={checkin} />
        <a class="button button--quiet" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }
  if (checkin.status === 'cancelled') {
    return (
      <Page title={t('Taken back')} heading={t('You took this back')}>
        <p class="lead">{t('That’s okay. Reach out again whenever you need to.')}</p>
        <a class="button button--quiet" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }

  const scheduled = checkin.status === 'scheduled';
  const heading = scheduled
    ? t('{name} will check on you', { name: circle })
    : checkin.kind === 'check_on_me'
      ? t('You asked {name} to check on you', { name: circle })
      : t('You asked {name}', { name: circle });
  return (
    <Page title={t('Your session')} heading={heading}>
      <FormError message={error?.detail} />
      {scheduled && (
        <p class="lead">
          {t('They’ll be asked {when}. Only you can see this until then.', { when: whenText(checkin.scheduled_for) })}
        </p>
      )}
      {!scheduled && <SentAt checkin={checkin} />}
      {!scheduled && checkin.mode && <p class="soft">{t('You asked: {mode}', { mode: modeLabel(checkin.mode) })}</p>}
      {checkin.message && <p class="said">“{checkin.message}”</p>}
      {!scheduled && <SessionUpdateLine checkin={checkin} />}

      {checkin.offer_help && <NobodyAnswered checkin={checkin} onChange={onChange} />}

      {!scheduled && (
        <section aria-labelledby="who-title">
          <h2 id="who-title">{t('Who you asked')}</h2>
          <ul class="people">
            {checkin.audience.map((entry) => (
              <li key={entry.user.id}>
                <strong>{entry.user.display_name}</strong>
                {entry.response ? (
                  <>
                    {' '}
                    — {responseText(entry.response)} <span class="soft">· {timeAgo(entry.response.updated_at)}</span>
                  </>
                ) : (
                  <span class="soft"> — {deliveryText(entry)}</span>
                )}
                {entry.response?.message && <p class="said">“{entry.response.message}”</p>}
                {entry.response?.answer !== 'cant_right_now' && (
                  <ContactLinks name={entry.user.display_name} phone={entry.user.phone} />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!scheduled && <ShareToo checkin={checkin} />}
      {!scheduled && <SessionUpdateForm checkin={checkin} onChange={onChange} />}

      {!scheduled && <SafeSpaceChecklist checkinId={checkin.id} />}

      <div class="actions">
        {!scheduled && (
          <button type="button" class="button okay-now" disabled={busy} onClick={run(closeCheckin)}>
            {t('I’m okay now')}
          </button>
        )}
        {canCancel && (
          <button type="button" class="button button--quiet" disabled={busy} onClick={run(cancelCheckin)}>
            {scheduled ? t('Cancel — I don’t need this') : t('Cancel — sent by mistake')}
          </button>
        )}
      </div>
    </Page>
  );
}

function FriendView({ checkin, onChange }: { checkin: Checkin; onChange: (c: Checkin) => void }) {
  const name = checkin.requester.display_name;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [askEta, setAskEta] = useState(false);
  const mine = checkin.my_response;

  const showAnswer = (response: CheckinResponse) =>
    onChange({
      ...checkin,
      my_response: response,
      audience: checkin.audience.map((a) => (a.user.id === response.responder.id ? { ...a, response } : a)),
    });
  const answer = async (value: Answer) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      // A new answer keeps the words said with the old one.
      const response = await respond(checkin.id, { answer: value, eta_minutes: null, message: mine?.message ?? '' });
      setAskEta(value === 'on_my_way');
      showAnswer(response);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!isActive(checkin)) {
    const heading =
      checkin.status === 'closed'
        ? t('{name} is okay now', { name })
        : checkin.status === 'cancelled'
          ? t('{name} took this back', { name })
          : t('This check-in has ended');
    return (
      <Page title={t('Check-in')} heading={heading}>
        <p class="lead">{friendClosing(checkin.status, mine)}</p>
        <AftermathSlot checkin={checkin} />
        <ShareToo checkin={checkin} />
        <a class="button button--quiet" href="/">
          {t('Go home')}
        </a>
        {checkin.message && <ReportCheckin checkin={checkin} />}
      </Page>
    );
  }

  const needs = needsForFriend(checkin);
  const mode = modeForFriend(checkin.mode);
  const others = checkin.audience.filter((a) => a.user.id !== mine?.responder.id && a.response);
  return (
    <Page title={t('{name} needs you', { name })} heading={askTitle(checkin)}>
      {(needs.length > 0 || mode) && (
        <ul class="needs">
          {mode && <li>{mode}</li>}
          {needs.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {checkin.message && <p class="said">“{checkin.message}”</p>}
      <SentAt checkin={checkin} asker={name} />
      <SessionUpdateLine checkin={checkin} />
      <ContactLinks name={name} phone={checkin.requester.phone} mode={checkin.mode} />
      <FormError message={error?.detail} />
      {mine && (
        <p class="notice" role="status">
          {t('You said: {answer}. {name} can see it.', { answer: responseText(mine), name })}
        </p>
      )}

      {mine && mine.answer !== 'cant_right_now' && (
        <MyAnswer
          checkin={checkin}
          mine={mine}
          onAnswer={showAnswer}
          askEta={askEta}
          onEtaDone={() => setAskEta(false)}
        />
      )}

      {!askEta && (
        <div role="group" aria-labelledby="answer-title">
          <h2 id="answer-title">{mine ? t('Change your answer') : t('Let {name} know', { name })}</h2>
          <div class="choices">
            {FRIEND_ANSWERS.map((a) => (
              <button
                key={a.value}
                type="button"
                class="choice"
                aria-pressed={mine?.answer === a.value}
                disabled={busy}
                onClick={() => void answer(a.value)}
              >
                {t(a.label)}
              </button>
            ))}
          </div>
        </div>
      )}

      <ShareToo checkin={checkin} />
      {others.length > 0 && (
        <section aria-labelledby="others-title" class="more">
          <h2 id="others-title">{t('Also there')}</h2>
          <ul class="people">
            {others.map((a) => (
              <li key={a.user.id}>
                <strong>{a.user.display_name}</strong> — {responseText(a.response!)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReportCheckin checkin={checkin} />
    </Page>
  );
}

/** For the asked: report what this check-in says, or the person who sent it. */
function ReportCheckin({ checkin }: { checkin: Checkin }) {
  const name = checkin.requester.display_name;
  return (
    <div class="report-entry">
      <ReportButton
        label={t('Report')}
        target={{
          type: 'checkin',
          id: checkin.id,
          label: t("{name}'s message", { name }),
          person: checkin.requester,
          circleId: checkin.circle.id,
        }}
      />
    </div>
  );
}
