import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { APPEAL_TEXT_MAX } from '../api/limits';
import { appealStrike, listStrikes, type Strike } from '../api/moderation';
import { loadMe } from '../auth/me';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { suspendedUntil } from './suspension';
import { appealWords, canAppeal, formatWhen, isActive, STRIKE_KINDS } from './words';
import './moderation.css';
import { t } from '../i18n/i18n';

/** Warnings and suspensions, why, until when; and the one appeal each allows. */
export default function Standing() {
  const [strikes, setStrikes] = useState<Strike[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    loadMe(true).catch(() => undefined);
    // Few by nature; one page holds them.
    listStrikes()
      .then((page) => setStrikes(page.results))
      .catch((err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, [])));
  }, []);

  const until = suspendedUntil.value;
  const replace = (next: Strike) => setStrikes((current) => (current ?? []).map((s) => (s.id === next.id ? next : s)));
  return (
    <Page title={t('Your standing')}>
      {until ? (
        <p class="notice">
          {t(
            'Your account is suspended until {when}. You can still read everything and appeal below; writing, reaching out and answering are paused until then.',
            { when: formatWhen(until) },
          )}
        </p>
      ) : (
        <p class="lead">
          {t(
            'What moderators decided about things you wrote or did. If you think something here is wrong, you can ask us to look again, once, within 20 days.',
          )}
        </p>
      )}
      {!strikes &&
        (error ? (
          <FormError message={error.detail} />
        ) : (
          <p class="waiting" role="status">
            {t('One moment…')}
          </p>
        ))}
      {strikes && strikes.length === 0 && (
        <div class="empty">
          <p>{t('Nothing here. Thank you for keeping your circles kind.')}</p>
        </div>
      )}
      {strikes && strikes.length > 0 && (
        <ul class="mod-list">
          {strikes.map((strike) => (
            <li key={strike.id}>
              <StrikeCard strike={strike} onAppealed={replace} />
            </li>
          ))}
        </ul>
      )}
      <p class="links">
        <a href="/crisis">{t('Need help right now?')}</a>
        <a href="/account">{t('Back to your account')}</a>
      </p>
    </Page>
  );
}

function StrikeCard({ strike, onAppealed }: { strike: Strike; onAppealed: (next: Strike) => void }) {
  const titleId = `strike-${strike.id}-title`;
  const now = new Date();
  const appeal = appealWords(strike.appeal_status);
  return (
    <article class="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(STRIKE_KINDS[strike.kind])}</h2>
      <p class="mod-meta">{formatWhen(strike.created_at)}</p>
      <p>
        <strong>{t('Why:')}</strong> {strike.reason || t('A moderator found it broke the community guidelines.')}
      </p>
      {strike.suspended_until && (
        <p>
          {isActive(strike.suspended_until, now)
            ? t('Suspended until {when}.', { when: formatWhen(strike.suspended_until) })
            : t('Was suspended until {when}.', { when: formatWhen(strike.suspended_until) })}
        </p>
      )}
      {strike.snapshot && (
        <>
          <p class="mod-meta">
            {strike.target_label
              ? t('What it was about ({what}):', { what: strike.target_label })
              : t('What it was about:')}
          </p>
          <blockquote class="mod-snapshot">{strike.snapshot}</blockquote>
        </>
      )}
      {appeal && (
        <p class="notice" role="status">
          {appeal}
        </p>
      )}
      {canAppeal(strike, now) && <AppealForm strike={strike} onAppealed={onAppealed} />}
      {strike.appeal_status === 'none' && !canAppeal(strike, now) && strike.kind !== 'ban' && (
        <p class="muted">{t('The 20 days to appeal this have passed.')}</p>
      )}
    </article>
  );
}

function AppealForm({ strike, onAppealed }: { strike: Strike; onAppealed: (next: Strike) => void }) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const id = `appeal-${strike.id}`;
  const send = useSubmit(async () => {
    onAppealed(await appealStrike(strike.id, text.trim()));
  });
  if (!open) {
    return (
      <button type="button" class="button button--quiet" onClick={() => setOpen(true)}>
        {t('Appeal')}
      </button>
    );
  }
  return (
    <form class="form" onSubmit={send.onSubmit}>
      <FormError message={send.error?.detail} />
      <div class="field">
        <label for={id}>{t('Why should we look again?')}</label>
        <p class="hint" id={`${id}-hint`}>
          {t('You can appeal once, until {when}. A moderator will read it.', { when: formatWhen(strike.appeal_until) })}
        </p>
        <textarea
          id={id}
          rows={4}
          required
          maxLength={APPEAL_TEXT_MAX}
          aria-describedby={`${id}-hint`}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button" disabled={send.busy || text.trim() === ''}>
        {t('Send appeal')}
      </button>
    </form>
  );
}
