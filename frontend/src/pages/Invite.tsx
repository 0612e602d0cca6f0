import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { acceptInvite, declineInvite, getInvite, type InvitePreview } from '../api/shoulder';
import { auth } from '../auth/state';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { location, navigate, withNext } from '../router';
import type { PageProps } from '../routes';

const GONE = "This invite link doesn't work any more. Ask your friend to send you a new one.";

/** An invite link, opened signed out or in. Signing up keeps it as ?next= so the detour comes back here. */
export default function Invite({ params }: PageProps) {
  const token = params.token ?? '';
  const [invite, setInvite] = useState<InvitePreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    getInvite(token)
      .then(setInvite)
      .catch((err: unknown) => {
        setLoadError(err instanceof ApiError && err.status === 404 ? GONE : err instanceof ApiError ? err.detail : GONE);
      });
  }, [token]);

  const accept = useSubmit(async () => {
    await acceptInvite(token);
    navigate('/', { replace: true });
  });
  const decline = useSubmit(async () => {
    await declineInvite(token);
    navigate('/', { replace: true });
  });

  const here = location.value.path;
  const signedIn = auth.value.status === 'authenticated';
  const name = invite?.circle.name;
  const error = accept.error ?? decline.error;

  return (
    <Page title="Invite" heading={name ? `You're invited to ${name}` : "You've been invited"}>
      <FormError message={loadError ?? error?.detail} />
      {invite && (
        <section class="card">
          <p>
            <strong>{invite.invited_by.display_name}</strong> would like you in their circle — the few
            people they trust to show up.
          </p>
          {invite.message && <blockquote class="notice">{invite.message}</blockquote>}
          {signedIn ? (
            <div class="actions">
              <button type="button" class="button" disabled={accept.busy} onClick={() => void accept.onSubmit()}>
                Join {name}
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
          ) : (
            <div class="actions">
              <a class="button" href={withNext('/signup', here)}>
                Sign up
              </a>
              <a class="button button--quiet" href={withNext('/login', here)}>
                Log in
              </a>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
