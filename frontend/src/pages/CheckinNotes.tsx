import { useEffect, useState } from 'preact/hooks';
import { Composer } from '../aftermath/Composer';
import { NoteItem } from '../aftermath/NoteItem';
import { composerState, momentTitle, replaceNote } from '../aftermath/words';
import { getSession, listNotes, type Note, type SessionInfo } from '../api/aftermath';
import { getCircle } from '../api/circles';
import { ApiError } from '../api/client';
import { loadMe, me } from '../auth/me';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import type { PageProps } from '../routes';

/**
 * "Our notes" for one session. Works from the notes list alone: the check-in's detail is
 * 404 for circle members who weren't asked (they may still read circle-wide notes).
 */
export default function CheckinNotes({ params }: PageProps) {
  const id = params.id ?? '';
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [circleOwner, setCircleOwner] = useState(false);

  useEffect(() => {
    loadMe().catch(() => undefined);
    setNotes(null);
    setLoadError(null);
    let live = true;
    void Promise.allSettled([listNotes(id), getSession(id)]).then(([list, detail]) => {
      if (!live) return;
      setSession(detail.status === 'fulfilled' ? detail.value : null);
      if (detail.status === 'fulfilled') {
        // Only the circle's owner may take down a circle-wide note; the circle says who that is.
        getCircle(detail.value.circle.id)
          .then((circle) => live && setCircleOwner(circle.my_role === 'owner'))
          .catch(() => undefined);
      }
      if (list.status === 'fulfilled') {
        setNotes(list.value.results);
        setNext(list.value.next);
      } else {
        setLoadError(list.reason instanceof ApiError ? list.reason : new ApiError(0, []));
      }
    });
    return () => {
      live = false;
    };
  }, [id]);

  const more = useSubmit(async () => {
    const page = await listNotes(id, next);
    setNotes((current) => [...(current ?? []), ...page.results.filter((n) => !current?.some((c) => c.id === n.id))]);
    setNext(page.next);
  });

  if (loadError && !notes) {
    const gone = loadError.status === 404;
    return (
      <Page title={t('Our notes')} heading={gone ? t("We couldn't find these notes") : t('Our notes')}>
        <p>
          {gone
            ? t('They may be just for the people who were there, or they may have been taken down.')
            : loadError.detail}
        </p>
        <a class="button" href="/">
          {t('Go home')}
        </a>
      </Page>
    );
  }
  if (!notes) {
    return (
      <p class="waiting" role="status">
        {t('One moment…')}
      </p>
    );
  }

  const writing = composerState(session);
  const change = (noteId: string, changed: Note | null) =>
    setNotes((current) => replaceNote(current ?? [], noteId, changed));
  return (
    <Page title={t('Our notes')}>
      {session && <p class="lead">{momentTitle(session, me.value?.id)}</p>}
      {notes.length === 0 && (
        <div class="empty">
          <p>
            {t(
              "No notes yet. A few words afterwards can mean a lot — what helped, a thank-you, or the thing you'll laugh about one day.",
            )}
          </p>
        </div>
      )}
      {notes.length > 0 && (
        <div class="notes">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              circleId={session?.circle.id ?? null}
              circleOwner={circleOwner}
              onChange={(changed) => change(note.id, changed)}
            />
          ))}
        </div>
      )}
      <FormError message={more.error?.detail} />
      {next && (
        <button type="button" class="button button--quiet" disabled={more.busy} onClick={() => void more.onSubmit()}>
          {t('Load more')}
        </button>
      )}
      {writing === 'write' && (
        <Composer
          checkinId={id}
          onCreated={(note) => {
            // With more pages still unread, the new note shows once they are loaded.
            if (!next) setNotes((current) => [...(current ?? []), note]);
          }}
        />
      )}
      {writing === 'not_yet' && <p class="notice">{t('You can write notes once the session is over.')}</p>}
      {session && (
        <nav class="links" aria-label={t('Around this time')}>
          <a href={`/checkins/${encodeURIComponent(id)}`}>{t('Back to the check-in')}</a>
          <a href={`/circles/${encodeURIComponent(session.circle.id)}/moments`}>
            {t('Our moments in {circle}', { circle: session.circle.name })}
          </a>
        </nav>
      )}
    </Page>
  );
}
