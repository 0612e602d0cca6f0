import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Circle,
  type CreatedInvite,
  createInvite,
  type InviteSummary,
  listInvites,
  revokeInvite,
} from '../api/circles';
import { ApiError } from '../api/client';
import { INVITE_MESSAGE_MAX } from '../api/limits';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Sheet } from '../components/Sheet';
import { useSubmit } from '../components/useSubmit';
import {
  formatDay,
  type InviteForm,
  inviteStatusLabel,
  inviteUsesLabel,
  MAX_DAYS,
  MAX_USES,
  parseInviteForm,
} from './invites';
import { QrCode } from './QrCode';
import { copyLink, shareLink, shareWays } from './share';
import './InviteSheet.css';

const EMPTY: InviteForm = { message: '', maxUses: '1', days: '7', email: '' };

/** The owner's invite sheet: make a link (shown once), pass it on, and see or revoke past ones. */
export function InviteSheet({ circle, onClose }: { circle: Circle; onClose: () => void }) {
  const [form, setForm] = useState<InviteForm>(EMPTY);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [invites, setInvites] = useState<InviteSummary[] | null>(null);
  const [listError, setListError] = useState<ApiError | null>(null);

  const reload = () =>
    listInvites(circle.id)
      .then((list) => {
        setInvites(list);
        setListError(null);
      })
      .catch((err: ApiError) => setListError(err));

  useEffect(() => {
    void reload();
  }, [circle.id]);

  // A link never brings in more people than the circle has room for.
  const room = Math.max(1, Math.min(circle.invite_room, MAX_USES));
  const create = useSubmit(async () => {
    const parsed = parseInviteForm(form, room);
    if (!parsed.ok) {
      throw new ApiError(400, [{ code: 'invalid', detail: parsed.detail, field: parsed.field }]);
    }
    setCreated(await createInvite(circle.id, parsed.value));
    setForm(EMPTY);
    void reload();
  });

  const [revoking, setRevoking] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const onRevoke = async (invite: InviteSummary) => {
    setConfirming(null);
    setRevoking(invite.id);
    setRevokeError(null);
    try {
      await revokeInvite(circle.id, invite.id);
      if (created?.id === invite.id) setCreated(null);
      await reload();
    } catch (err) {
      if (err instanceof ApiError) setRevokeError(err);
    } finally {
      setRevoking(null);
    }
  };

  const set = (key: keyof InviteForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  return (
    <Sheet id="invite-sheet" title="Invite someone" onClose={onClose}>
      {created ? (
        <CreatedLink circle={circle} invite={created} onAnother={() => setCreated(null)} />
      ) : (
        <form class="form" onSubmit={create.onSubmit}>
          <p class="muted">You'll get a link to send to someone you trust. It brings them into {circle.name}.</p>
          <FormError message={create.error && !create.error.field ? create.error.detail : null} />
          <div class="field">
            <label for="invite-message">Personal message</label>
            <p class="hint" id="invite-message-hint">
              Optional. They'll see it when they open the link.
            </p>
            <textarea
              id="invite-message"
              name="message"
              rows={3}
              maxLength={INVITE_MESSAGE_MAX}
              aria-describedby="invite-message-hint"
              value={form.message}
              onInput={(e) => set('message')(e.currentTarget.value)}
            />
          </div>
          <Field
            id="invite-email"
            label="Their email (optional)"
            hint="We'll email them the link too. Otherwise, share it yourself."
            type="email"
            autocomplete="off"
            value={form.email ?? ''}
            onValue={set('email')}
            error={create.error?.forField('email')}
          />
          <Field
            id="invite-max-uses"
            label="How many people can use it"
            hint={
              room === 1
                ? `${circle.name} has room for one more person.`
                : `From 1 to ${room}: ${circle.name} has room for ${room} more people.`
            }
            inputMode="numeric"
            value={form.maxUses}
            onValue={set('maxUses')}
            error={create.error?.forField('max_uses')}
          />
          <Field
            id="invite-days"
            label="Days it stays open"
            hint={`From 1 to ${MAX_DAYS}.`}
            inputMode="numeric"
            value={form.days}
            onValue={set('days')}
            error={create.error?.forField('expires_in_days')}
          />
          <button type="submit" class="button" disabled={create.busy}>
            Create invite link
          </button>
        </form>
      )}

      <section aria-labelledby="invite-list-title">
        <h3 id="invite-list-title">Your invite links</h3>
        <FormError message={(revokeError ?? listError)?.detail} />
        {invites && invites.length === 0 && <p class="muted">No links yet.</p>}
        {invites && invites.length > 0 && (
          <ul class="invite-list">
            {invites.map((invite) => (
              <li key={invite.id} class="invite-row">
                <div id={`invite-${invite.id}`} class="invite-about">
                  <p class="invite-status">
                    {inviteStatusLabel(invite.status)} · {inviteUsesLabel(invite)}
                  </p>
                  <p class="muted">
                    Made {formatDay(invite.created_at)}
                    {invite.status === 'active' && `, open until ${formatDay(invite.expires_at)}`}
                  </p>
                  {invite.email && <p class="muted">Emailed to {invite.email}</p>}
                  {invite.message && <p class="muted invite-note">“{invite.message}”</p>}
                </div>
                {invite.status === 'active' && confirming !== invite.id && (
                  <button
                    type="button"
                    class="button button--quiet button--inline"
                    aria-describedby={`invite-${invite.id}`}
                    disabled={revoking === invite.id}
                    onClick={() => setConfirming(invite.id)}
                  >
                    Revoke
                  </button>
                )}
                {invite.status === 'active' && confirming === invite.id && (
                  <div class="revoke-confirm" role="group" aria-labelledby={`revoke-${invite.id}`}>
                    <p id={`revoke-${invite.id}`}>Revoke this link? Nobody will be able to join with it any more.</p>
                    <div class="actions">
                      <button
                        type="button"
                        class="button button--inline"
                        disabled={revoking === invite.id}
                        onClick={() => void onRevoke(invite)}
                      >
                        Yes, revoke it
                      </button>
                      <button
                        type="button"
                        class="button button--quiet button--inline"
                        onClick={() => setConfirming(null)}
                      >
                        Keep it
                      </button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Sheet>
  );
}

function CreatedLink({ circle, invite, onAnother }: { circle: Circle; invite: CreatedInvite; onAnother: () => void }) {
  const url = invite.absolute_url;
  const data: ShareData = { title: `Join ${circle.name} on Shoulder`, url };
  if (invite.message) data.text = invite.message;
  const ways = shareWays(navigator, data);
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    const ok = await copyLink(navigator, url, inputRef.current);
    setCopied(ok);
    setStatus(ok ? 'Copied. Paste it into a message to them.' : 'Select the link above and copy it.');
  };
  const share = async () => {
    const outcome = await shareLink(navigator, data);
    if (outcome === 'failed') setStatus("Sharing didn't work here. Copy the link instead.");
  };

  return (
    <section aria-labelledby="created-title" class="created-link">
      <h3 id="created-title">Your link is ready</h3>
      <p class="muted">We show it only this once, so pass it on now. It's open until {formatDay(invite.expires_at)}.</p>
      <div class="field">
        <label for="invite-link">Invite link</label>
        <input
          ref={inputRef}
          id="invite-link"
          class="invite-link"
          type="url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div class="actions">
        {ways.share && (
          <button type="button" class="button" onClick={() => void share()}>
            Share
          </button>
        )}
        <button type="button" class={ways.share ? 'button button--quiet' : 'button'} onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p class="copy-status" role="status">
        {status}
      </p>
      <figure class="qr-figure">
        <QrCode text={url} label={`QR code for the invite link to ${circle.name}`} />
        <figcaption class="muted">Together in person? They can scan this with their phone's camera.</figcaption>
      </figure>
      <button type="button" class="link-button" onClick={onAnother}>
        Create another link
      </button>
    </section>
  );
}
