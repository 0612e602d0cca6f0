import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { acceptInvite, declineInvite, getInvite, type InvitePreview } from '../api/circles';
import { ApiError } from '../api/client';
import { auth } from '../auth/state';
import { formatDay, inviteProblem, type Problem } from '../circles/invites';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { rich } from '../i18n/rich';
import { navigate, withNext } from '../router';
import type { PageProps } from '../routes';
import './Invite.css';

function problemOf(err: unknown): Problem {
  return err instanceof ApiError ? inviteProblem(err.code, err.detail) : inviteProblem('error');
}

/** An invite link, opened signed out or in. Signing up keeps it as ?next= so the detour comes back here. */
export default function Invite({ params }: PageProps) {
  const token = params.token ?? '';
  const here = useLocation().path;
  const status = auth.value.status;
  const [invite, setInvite] = useState<InvitePreview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [offline, setOffline] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);

  // The preview depends on who is asking (already a member, asked before…): wait for the session.
  useEffect(() => {
    if (status === 'loading') return;
    getInvite(token)
      .then((value) => {
        setInvite(value);
        setProblem(null);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 0) setOffline(err.detail);
        else setProblem(problemOf(err));
      });
  }, [token, status]);

  const accept = useSubmit(async () => {
    const result = await acceptInvite(token);
    if (result.result === 'joined') navigate(`/circles/${result.circle.id}`, { replace: true });
    else setRequested(true);
  });
  const decline = useSubmit(async () => {
    await declineInvite(token);
    navigate('/', { replace: true });
  });

  if (problem) {
    return (
      <Page title={t('Invite')} heading={problem.title}>
        <p class="lead">{problem.detail}</p>
        <a class="button button--quiet" href="/">
          {t('Go to Shoulder')}
        </a>
      </Page>
    );
  }

  const name = invite?.circle.name;
  const inviter = invite?.invited_by.display_name;
  const signedIn = status === 'authenticated';

  // Their own link again (even one used up since): no invitation, just where their people are.
  if (signedIn && invite?.already_member) {
    return (
      <Page title={t('Invite')} heading={t("You're already in {circle}", { circle: name ?? '' })}>
        <p class="lead">{t('Your people are there for you. This link has nothing more to do.')}</p>
        <a class="button" href="/circles">
          {t('Go to your circles')}
        </a>
      </Page>
    );
  }

  const actionError = accept.error ?? decline.error;
  const refusal =
    signedIn && invite && invite.status !== 'valid' ? inviteProblem(invite.status, invite.status_detail) : null;

  return (
    <Page
      title={t('Invite')}
      heading={name ? t("You're invited to {circle}", { circle: name }) : t("You've been invited")}
    >
      <FormError message={offline} />
      {!invite && !offline && (
        <p class="waiting" role="status">
          {t('One moment…')}
        </p>
      )}
      {invite && (
        <section class="card">
          <p>
            {rich(
              t('<0>{inviter}</0> would like you in {circle} — the few people they trust to show up for each other.', {
                circle: name ?? '',
              }),
              [() => <strong>{inviter}</strong>],
            )}
          </p>
          {invite.message && (
            <figure class="notice invite-message">
              <blockquote>{invite.message}</blockquote>
              <figcaption class="muted">— {inviter}</figcaption>
            </figure>
          )}
          <p class="muted">{t('This invite is open until {day}.', { day: formatDay(invite.expires_at) })}</p>
          {invite.circle.approval_required && (
            <p class="muted">{t("The circle's owner says yes to new people, so joining starts as a request.")}</p>
          )}

          {requested ? (
            <p class="notice" role="status">
              {t(
                "We've asked. You'll be in {circle} as soon as the owner says yes — there's nothing more you need to do.",
                { circle: name ?? '' },
              )}
            </p>
          ) : refusal ? (
            <div class="notice" role="status">
              <p>
                <strong>{refusal.title}.</strong> {refusal.detail}
              </p>
              <a href={invite.already_member ? '/circles' : '/'}>
                {invite.already_member ? t('Go to your circles') : t('Go to Shoulder')}
              </a>
            </div>
          ) : signedIn ? (
            <div class="actions">
              <FormError message={actionError && `${problemOf(actionError).title}. ${problemOf(actionError).detail}`} />
              <button type="button" class="button" disabled={accept.busy} onClick={() => void accept.onSubmit()}>
                {invite.circle.approval_required
                  ? t('Ask to join {circle}', { circle: name ?? '' })
                  : t('Join {circle}', { circle: name ?? '' })}
              </button>
              <button
                type="button"
                class="button button--quiet"
                disabled={decline.busy}
                onClick={() => void decline.onSubmit()}
              >
                {t('Not now')}
              </button>
            </div>
          ) : status === 'loading' ? null : (
            <div class="actions">
              <a class="button" href={withNext('/signup', here)}>
                {t('Sign up to join')}
              </a>
              <a class="button button--quiet" href={withNext('/login', here)}>
                {t('I already have an account')}
              </a>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
