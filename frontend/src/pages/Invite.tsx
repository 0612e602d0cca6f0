import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { acceptInvite, declineInvite, getInvite, type InvitePreview } from '../api/circles';
import { ApiError } from '../api/client';
import { auth } from '../auth/state';
import { formatDay, inviteProblem, type Problem } from '../circles/invites';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
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
      <Page title="Invite" heading={problem.title}>
        <p class="lead">{problem.detail}</p>
        <a class="button button--quiet" href="/">
          Go to Shoulder
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
      <Page title="Invite" heading={`You're already in ${name}`}>
        <p class="lead">Your people are there for you. This link has nothing more to do.</p>
        <a class="button" href="/circles">
          Go to your circles
        </a>
      </Page>
    );
  }

  const actionError = accept.error ?? decline.error;
  const refusal =
    signedIn && invite && invite.status !== 'valid' ? inviteProblem(invite.status, invite.status_detail) : null;

  return (
    <Page title="Invite" heading={name ? `You're invited to ${name}` : "You've been invited"}>
      <FormError message={offline} />
      {!invite && !offline && (
        <p class="waiting" role="status">
          One moment…
        </p>
      )}
      {invite && (
        <section class="card">
          <p>
            <strong>{inviter}</strong> would like you in {name} — the few people they trust to show up for each other.
          </p>
          {invite.message && (
            <figure class="notice invite-message">
              <blockquote>{invite.message}</blockquote>
              <figcaption class="muted">— {inviter}</figcaption>
            </figure>
          )}
          <p class="muted">This invite is open until {formatDay(invite.expires_at)}.</p>
          {invite.circle.approval_required && (
            <p class="muted">The circle's owner says yes to new people, so joining starts as a request.</p>
          )}

          {requested ? (
            <p class="notice" role="status">
              We've asked. You'll be in {name} as soon as the owner says yes — there's nothing more you need to do.
            </p>
          ) : refusal ? (
            <div class="notice" role="status">
              <p>
                <strong>{refusal.title}.</strong> {refusal.detail}
              </p>
              <a href={invite.already_member ? '/circles' : '/'}>
                {invite.already_member ? 'Go to your circles' : 'Go to Shoulder'}
              </a>
            </div>
          ) : signedIn ? (
            <div class="actions">
              <FormError message={actionError && `${problemOf(actionError).title}. ${problemOf(actionError).detail}`} />
              <button type="button" class="button" disabled={accept.busy} onClick={() => void accept.onSubmit()}>
                {invite.circle.approval_required ? `Ask to join ${name}` : `Join ${name}`}
              </button>
              <button
                type="button"
                class="button button--quiet"
                disabled={decline.busy}
                onClick={() => void decline.onSubmit()}
              >
                Not now
              </button>
            </div>
          ) : status === 'loading' ? null : (
            <div class="actions">
              <a class="button" href={withNext('/signup', here)}>
                Sign up to join
              </a>
              <a class="button button--quiet" href={withNext('/login', here)}>
                I already have an account
              </a>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
