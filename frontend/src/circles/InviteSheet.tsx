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
import { t } from '../i18n/i18n';
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
import { copyLink, inviteShareData, shareLink, shareWays } from './share';
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
    <Sheet id="invite-sheet" title={t('Invite someone')} onClose={onClose}>
      {created ? (
        <CreatedLink circle={circle} invite={created} onAnother={() => setCreated(null)} />
      ) : (
        <form class="form" onSubmit={create.onSubmit}>
          <p class="muted">
            {t("You'll get a link to send to someone you trust. It brings them into {circle}.", {
              circle: circle.name,
            })}
          </p>
          <FormError message={create.error && !create.error.field ? create.error.detail : null} />
          <div class="field">
            <label for="invite-message">{t('Personal message')}</label>
            <p class="hint" id="invite-message-hint">
              {t("Optional. They'll see it when they open the link.")}
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
            label={t('Their email (optional)')}
            hint={t("We'll email them the link too. Otherwise, share it yourself.")}
            type="email"
            autocomplete="off"
            value={form.email ?? ''}
            onValue={set('email')}
            error={create.error?.forField('email')}
          />
          <Field
            id="invite-max-uses"
            label={t('How many people can use it')}
            hint={
              room === 1
                ? t('{circle} has room for one more person.', { circle: circle.name })
                : t('From 1 to {room}: {circle} has room for {room} more people.', { room, circle: circle.name })
            }
            inputMode="numeric"
            value={form.maxUses}
            onValue={set('maxUses')}
            error={create.error?.forField('max_uses')}
          />
          <Field
            id="invite-days"
            label={t('Days it stays open')}
            hint={t('From 1 to {max}.', { max: MAX_DAYS })}
            inputMode="numeric"
            value={form.days}
            onValue={set('days')}
            error={create.error?.forField('expires_in_days')}
          />
          <button type="submit" class="button" disabled={create.busy}>
            {t('Create invite link')}
          </button>
        </form>
      )}

      <section aria-labelledby="invite-list-title">
        <h3 id="invite-list-title">{t('Your invite links')}</h3>
        <FormError message={(revokeError ?? listError)?.detail} />
        {invites && invites.length === 0 && <p class="muted">{t('No links yet.')}</p>}
        {invites && invites.length > 0 && (
          <ul class="invite-list">
            {invites.map((invite) => (
              <li key={invite.id} class="invite-row">
                <div id={`invite-${invite.id}`} class="invite-about">
                  <p class="invite-status">
                    {inviteStatusLabel(invite.status)} · {inviteUsesLabel(invite)}
                  </p>
                  <p class="muted">
                    {invite.status === 'active'
                      ? t('Made {made}, open until {until}', {
                          made: formatDay(invite.created_at),
                          until: formatDay(invite.expires_at),
                        })
                      : t('Made {made}', { made: formatDay(invite.created_at) })}
                  </p>
                  {invite.email && <p class="muted">{t('Emailed to {email}', { email: invite.email })}</p>}
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
                    {t('Revoke')}
                  </button>
                )}
                {invite.status === 'active' && confirming === invite.id && (
                  <div class="revoke-confirm" role="group" aria-labelledby={`revoke-${invite.id}`}>
                    <p id={`revoke-${invite.id}`}>
                      {t('Revoke this link? Nobody will be able to join with it any more.')}
                    </p>
                    <div class="actions">
                      <button
                        type="button"
                        class="button button--inline"
                        disabled={revoking === invite.id}
                        onClick={() => void onRevoke(invite)}
                      >
                        {t('Yes, revoke it')}
                      </button>
                      <button
                        type="button"
                        class="button button--quiet button--inline"
                        onClick={() => setConfirming(null)}
                      >
                        {t('Keep it')}
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
  const data = inviteShareData(circle.name, url, invite.message);
  const ways = shareWays(navigator, data);
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    const ok = await copyLink(navigator, url, inputRef.current);
    setCopied(ok);
    setStatus(ok ? t('Copied. Paste it into a message to them.') : t('Select the link above and copy it.'));
  };
  const share = async () => {
    const outcome = await shareLink(navigator, data);
    if (outcome === 'failed') setStatus(t("Sharing didn't work here. Copy the link instead."));
  };

  return (
    <section aria-labelledby="created-title" class="created-link">
      <h3 id="created-title">{t('Your link is ready')}</h3>
      <p class="muted">
        {t("We show it only this once, so pass it on now. It's open until {day}.", {
          day: formatDay(invite.expires_at),
        })}
      </p>
      <div class="field">
        <label for="invite-link">{t('Invite link')}</label>
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
            {t('Share')}
          </button>
        )}
        <button type="button" class={ways.share ? 'button button--quiet' : 'button'} onClick={() => void copy()}>
          {copied ? t('Copied') : t('Copy link')}
        </button>
      </div>
      <p class="copy-status" role="status">
        {status}
      </p>
      <figure class="qr-figure">
        <QrCode text={url} label={t('QR code for the invite link to {circle}', { circle: circle.name })} />
        <figcaption class="muted">{t("Together in person? They can scan this with their phone's camera.")}</figcaption>
      </figure>
      <button type="button" class="link-button" onClick={onAnother}>
        {t('Create another link')}
      </button>
    </section>
  );
}
