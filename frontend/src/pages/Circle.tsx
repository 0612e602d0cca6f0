import { useEffect, useState } from 'preact/hooks';
import {
  type Circle,
  decideJoinRequest,
  deleteCircle,
  getCircle,
  type JoinRequest,
  listJoinRequests,
  type Member,
  removeMember,
  updateCircle,
} from '../api/circles';
import { ApiError } from '../api/client';
import { CIRCLE_NAME_MAX } from '../api/limits';
import { loadMe, me } from '../auth/me';
import { InviteSheet } from '../circles/InviteSheet';
import { MemberSheet } from '../circles/MemberSheet';
import { ConfirmAction } from '../components/ConfirmAction';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Onboarding } from '../components/Onboarding';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { ReportButton } from '../moderation/ReportButton';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import './Circle.css';

type Open = { kind: 'invite' } | { kind: 'member'; member: Member } | null;

export default function CirclePage({ params }: PageProps) {
  const id = params.id ?? '';
  const [circle, setCircle] = useState<Circle | null>(null);
  const [requests, setRequests] = useState<JoinRequest[]>([]);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = async () => {
    const value = await getCircle(id);
    setCircle(value);
    setRequests(value.my_role === 'owner' ? await listJoinRequests(id) : []);
  };

  useEffect(() => {
    loadMe().catch(() => undefined);
    setCircle(null);
    refresh().catch((err: unknown) => {
      if (err instanceof ApiError) setLoadError(err);
    });
  }, [id]);

  if (loadError && !circle) {
    const gone = loadError.status === 404;
    return (
      <Page title={t('Circle')} heading={gone ? t("We couldn't find that circle") : t('Circle')}>
        <p>{gone ? t('You may have left it, or its owner closed it.') : loadError.detail}</p>
        <a class="button" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }
  if (!circle) {
    return (
      <p class="waiting" role="status">
        {t('One moment…')}
      </p>
    );
  }

  const owner = circle.my_role === 'owner';
  const myId = me.value?.id;
  const done = (sentence: string) => {
    setOpen(null);
    setNotice(sentence);
    void refresh().catch(() => undefined);
  };

  return (
    <Page title={circle.name}>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {owner && (
        <button type="button" class="button invite-button" onClick={() => setOpen({ kind: 'invite' })}>
          {t('Invite someone')}
        </button>
      )}

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t('People in this circle')}</h2>
        <ul class="members">
          {circle.members.map((member) => {
            const mine = member.user.id === myId;
            const body = (
              <>
                <span class="member-name">
                  {member.user.display_name}
                  {mine && <span class="muted"> {t('(you)')}</span>}
                </span>
                {member.role === 'owner' && <span class="member-role">{t('owner')}</span>}
              </>
            );
            return (
              <li key={member.user.id}>
                {mine ? (
                  <div class="member">{body}</div>
                ) : (
                  <button type="button" class="member" onClick={() => setOpen({ kind: 'member', member })}>
                    {body}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <Onboarding />

      <p class="links">
        <a href={`/circles/${encodeURIComponent(circle.id)}/moments`}>{t('Our moments')}</a>
      </p>
      {owner && requests.length > 0 && <JoinRequests circle={circle} requests={requests} onDone={done} />}
      {owner && <Settings circle={circle} onSaved={setCircle} />}
      <Leave circle={circle} myId={myId} />
      {owner && <Delete circle={circle} />}
      {!owner && (
        <section class="quiet-section" aria-labelledby="report-circle-title">
          <h2 id="report-circle-title">{t('Something wrong here?')}</h2>
          <ReportButton
            target={{ type: 'circle', id: circle.id, label: circle.name }}
            label={t('Report this circle')}
          />
        </section>
      )}

      {open?.kind === 'invite' && <InviteSheet circle={circle} onClose={() => setOpen(null)} />}
      {open?.kind === 'member' && (
        <MemberSheet circle={circle} member={open.member} onClose={() => setOpen(null)} onDone={done} />
      )}
    </Page>
  );
}

function JoinRequests({
  circle,
  requests,
  onDone,
}: {
  circle: Circle;
  requests: JoinRequest[];
  onDone: (sentence: string) => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const decide = async (request: JoinRequest, decision: 'approve' | 'reject') => {
    setBusy(request.id);
    setError(null);
    try {
      await decideJoinRequest(circle.id, request.id, decision);
      const name = request.user.display_name;
      onDone(
        decision === 'approve'
          ? t('{name} is in {circle} now.', { name, circle: circle.name })
          : t("Okay. {name} won't join for now.", { name }),
      );
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card card--soft" aria-labelledby="requests-title">
      <h2 id="requests-title">{t('Asking to join')}</h2>
      <FormError message={error?.detail} />
      <ul class="requests">
        {requests.map((request) => (
          <li key={request.id} class="request">
            <p class="member-name" id={`request-${request.id}`}>
              {request.user.display_name}
            </p>
            <div class="request-actions">
              <button
                type="button"
                class="button button--inline"
                aria-describedby={`request-${request.id}`}
                disabled={busy === request.id}
                onClick={() => void decide(request, 'approve')}
              >
                {t('Approve')}
              </button>
              <button
                type="button"
                class="button button--quiet button--inline"
                aria-describedby={`request-${request.id}`}
                disabled={busy === request.id}
                onClick={() => void decide(request, 'reject')}
              >
                {t('Not now')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Settings({ circle, onSaved }: { circle: Circle; onSaved: (circle: Circle) => void }) {
  const [name, setName] = useState(circle.name);
  const [approval, setApproval] = useState(circle.approval_required);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    setSaved(false);
    onSaved(await updateCircle(circle.id, { name: name.trim(), approval_required: approval }));
    setSaved(true);
  });
  return (
    <section class="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('Circle settings')}</h2>
      <form class="form" onSubmit={save.onSubmit}>
        <FormError message={save.error && !save.error.field ? save.error.detail : null} />
        {saved && (
          <p class="notice" role="status">
            {t('Saved.')}
          </p>
        )}
        <Field
          id="circle-name"
          label={t('Circle name')}
          required
          maxLength={CIRCLE_NAME_MAX}
          value={name}
          onValue={(v) => {
            setSaved(false);
            setName(v);
          }}
          error={save.error?.forField('name')}
        />
        <div class="check">
          <input
            id="approval"
            type="checkbox"
            checked={approval}
            aria-describedby="approval-hint"
            onChange={(e) => {
              setSaved(false);
              setApproval(e.currentTarget.checked);
            }}
          />
          <label for="approval">{t('I approve new members')}</label>
          <p class="hint" id="approval-hint">
            {t('People who open an invite link ask to join, and you say yes first.')}
          </p>
        </div>
        <button type="submit" class="button button--quiet" disabled={save.busy}>
          {t('Save')}
        </button>
      </form>
    </section>
  );
}

function Leave({ circle, myId }: { circle: Circle; myId: string | undefined }) {
  const leave = useSubmit(async () => {
    const id = myId ?? (await loadMe()).id;
    await removeMember(circle.id, id);
    navigate('/', { replace: true });
  });
  return (
    <section class="quiet-section" aria-labelledby="leave-title">
      <h2 id="leave-title">{t('Leave this circle')}</h2>
      <FormError message={leave.error?.detail} />
      <ConfirmAction
        label={t('Leave circle')}
        confirmLabel={t('Yes, leave')}
        busy={leave.busy}
        onConfirm={() => void leave.onSubmit()}
      >
        <p>
          {t(
            "You won't be in {circle} any more, and its people won't be asked when you reach out. Nobody gets a message about it.",
            { circle: circle.name },
          )}
        </p>
      </ConfirmAction>
    </section>
  );
}

function Delete({ circle }: { circle: Circle }) {
  const remove = useSubmit(async () => {
    await deleteCircle(circle.id);
    navigate('/', { replace: true });
  });
  return (
    <section class="quiet-section" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('Close this circle')}</h2>
      <FormError message={remove.error?.detail} />
      <ConfirmAction
        label={t('Delete circle')}
        confirmLabel={t('Yes, delete it')}
        busy={remove.busy}
        onConfirm={() => void remove.onSubmit()}
      >
        <p>
          {t("{circle} and its invite links go away for everyone in it. This can't be undone.", {
            circle: circle.name,
          })}
        </p>
      </ConfirmAction>
    </section>
  );
}
