import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Moment, Note } from '../api/aftermath';
import type { PageOf } from '../api/circles';
import { ApiError } from '../api/client';
import { FormError } from '../components/FormError';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { NoteItem } from './NoteItem';
import { momentTitle, replaceNote } from './words';
import './aftermath.css';

interface TimelineProps {
  /** The first page (no cursor) or the one `next` points at. */
  load: (next?: string | null) => Promise<PageOf<Moment>>;
  myId: string | null | undefined;
  /** Shown under each moment's title (e.g. its circle, on a person's timeline). */
  showCircle?: boolean;
  empty: ComponentChildren;
  onNotFound: (error: ApiError) => void;
  /** The circles I own: there I may take down circle-wide notes. */
  ownedCircles?: ReadonlySet<string>;
}

/** Sessions that are over, newest first, each with its notes; "Load more" follows `next`. */
export function Timeline({ load, myId, showCircle = false, empty, onNotFound, ownedCircles }: TimelineProps) {
  const [moments, setMoments] = useState<Moment[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    setMoments(null);
    load()
      .then((page) => {
        setMoments(page.results);
        setNext(page.next);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) onNotFound(err);
        else if (err instanceof ApiError) setError(err);
      });
  }, [load]);

  const more = useSubmit(async () => {
    const page = await load(next);
    setMoments((current) => [...(current ?? []), ...page.results.filter((m) => !current?.some((c) => c.id === m.id))]);
    setNext(page.next);
  });

  if (!moments) {
    return error ? (
      <FormError message={error.detail} />
    ) : (
      <p class="waiting" role="status">
        {t('One moment…')}
      </p>
    );
  }

  const changeNote = (moment: Moment, id: string, changed: Note | null) => {
    setMoments((current) =>
      (current ?? [])
        .map((m) => (m.id === moment.id ? { ...m, notes: replaceNote(m.notes, id, changed) } : m))
        // A moment is here for its notes; when its last one I can read is gone, so is it.
        .filter((m) => m.notes.length > 0),
    );
  };

  if (moments.length === 0) return <div class="empty">{empty}</div>;
  return (
    <>
      <ol class="timeline">
        {moments.map((moment) => {
          const titleId = `moment-${moment.id}-title`;
          return (
            <li key={moment.id}>
              <article class="moment" aria-labelledby={titleId}>
                <h2 id={titleId} class="moment-title">
                  {momentTitle(moment, myId)}
                </h2>
                {showCircle && <p class="muted moment-circle">{moment.circle.name}</p>}
                <div class="notes">
                  {moment.notes.map((note) => (
                    <NoteItem
                      key={note.id}
                      note={note}
                      level={3}
                      circleId={moment.circle.id}
                      circleOwner={ownedCircles?.has(moment.circle.id) ?? false}
                      onChange={(changed) => changeNote(moment, note.id, changed)}
                    />
                  ))}
                </div>
                <a
                  class="moment-link"
                  href={`/checkins/${encodeURIComponent(moment.id)}/notes`}
                  aria-describedby={titleId}
                >
                  {t('Open our notes')}
                </a>
              </article>
            </li>
          );
        })}
      </ol>
      <FormError message={more.error?.detail} />
      {next && (
        <button type="button" class="button button--quiet" disabled={more.busy} onClick={() => void more.onSubmit()}>
          {t('Load more')}
        </button>
      )}
    </>
  );
}
