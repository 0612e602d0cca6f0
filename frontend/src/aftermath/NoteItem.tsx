import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Audience,
  clearReaction,
  deleteNote,
  type Note,
  type ReactionKind,
  setReaction,
  updateNote,
} from '../api/aftermath';
import { removeNoteFromCircle } from '../api/moderation';
import { lengthNote } from '../checkins/compose';
import { ConfirmAction } from '../components/ConfirmAction';
import { FormError } from '../components/FormError';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { ReportButton } from '../moderation/ReportButton';
import { AudiencePicker } from './AudiencePicker';
import { NoteCard } from './NoteCard';
import { BODY_MAX, REACTIONS, whoReacted } from './words';

interface NoteItemProps {
  note: Note;
  level?: 2 | 3;
  /** The note as the server answered after a change; `null` once it is deleted. */
  onChange: (next: Note | null) => void;
  /** I own the note's circle: I may take down what was shared with all of it. */
  circleOwner?: boolean;
  /** The note's circle, for the report sheet's "reach out to them yourself". */
  circleId?: string | null;
}

/** A note card with what its reader can do: react; and, for its author, edit or delete. */
export function NoteItem({ note, level, onChange, circleOwner = false, circleId = null }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // Back from the editor: focus returns to the button that opened it.
    if (wasEditing.current && !editing) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <NoteCard note={note} level={level} editing={editing}>
      {editing ? (
        <NoteEditor
          note={note}
          onDone={(next) => {
            if (next) onChange(next);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <Reactions note={note} onChange={onChange} />
          {note.can_edit ? (
            <AuthorActions
              note={note}
              editRef={editRef}
              onEdit={() => setEditing(true)}
              onDeleted={() => onChange(null)}
            />
          ) : (
            <ReaderActions note={note} circleOwner={circleOwner} circleId={circleId} onRemoved={() => onChange(null)} />
          )}
        </>
      )}
    </NoteCard>
  );
}

function Reactions({ note, onChange }: { note: Note; onChange: (next: Note) => void }) {
  const [showWho, setShowWho] = useState(false);
  const chosen = useRef<ReactionKind>('hug');
  const react = useSubmit(async () => {
    const kind = chosen.current;
    // Tapping my own reaction again takes it back.
    onChange(note.my_reaction === kind ? await clearReaction(note.id) : await setReaction(note.id, kind));
  });

  const whoId = `note-${note.id}-who`;
  const people = whoReacted(note);
  return (
    <div class="reactions">
      <div class="reaction-row" role="group" aria-label={t('Send a reaction')}>
        {REACTIONS.map((r) => (
          <button
            key={r.kind}
            type="button"
            class="reaction"
            aria-pressed={note.my_reaction === r.kind ? 'true' : 'false'}
            disabled={react.busy}
            onClick={() => {
              chosen.current = r.kind;
              void react.onSubmit();
            }}
          >
            <span aria-hidden="true">{r.symbol}</span>
            <span>{t(r.label)}</span>
          </button>
        ))}
      </div>
      {people.length > 0 && (
        <button
          type="button"
          class="link-button"
          aria-expanded={showWho ? 'true' : 'false'}
          aria-controls={whoId}
          onClick={() => setShowWho(!showWho)}
        >
          {showWho ? t('Hide who reacted') : t('Who reacted')}
        </button>
      )}
      {people.length > 0 && showWho && (
        <ul id={whoId} class="who-reacted">
          {people.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <FormError message={react.error?.detail} />
    </div>
  );
}

function AuthorActions({
  note,
  editRef,
  onEdit,
  onDeleted,
}: {
  note: Note;
  editRef: { current: HTMLButtonElement | null };
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const remove = useSubmit(async () => {
    await deleteNote(note.id);
    onDeleted();
  });
  return (
    <div class="note-actions">
      <button ref={editRef} type="button" class="button button--quiet" onClick={onEdit}>
        {t('Edit')}
      </button>
      <ConfirmAction
        label={t('Delete')}
        confirmLabel={t('Yes, delete it')}
        busy={remove.busy}
        onConfirm={() => void remove.onSubmit()}
      >
        <p>{t("This note and its reactions go away for everyone. This can't be undone.")}</p>
      </ConfirmAction>
      <FormError message={remove.error?.detail} />
    </div>
  );
}

/** Someone else's note: report it; as the circle's owner, take a circle-wide note down. */
function ReaderActions({
  note,
  circleOwner,
  circleId,
  onRemoved,
}: {
  note: Note;
  circleOwner: boolean;
  circleId: string | null;
  onRemoved: () => void;
}) {
  const remove = useSubmit(async () => {
    await removeNoteFromCircle(note.id);
    onRemoved();
  });
  const name = note.author.display_name;
  return (
    <div class="note-actions">
      <ReportButton
        target={{ type: 'note', id: note.id, label: t("{name}'s note", { name }), person: note.author, circleId }}
      />
      {circleOwner && note.audience === 'circle' && (
        <ConfirmAction
          label={t('Remove from the circle')}
          confirmLabel={t('Yes, remove it')}
          busy={remove.busy}
          onConfirm={() => void remove.onSubmit()}
        >
          <p>
            {t("The note goes away for everyone in the circle. We tell {name} that the circle's owner took it down.", {
              name,
            })}
          </p>
        </ConfirmAction>
      )}
      <FormError message={remove.error?.detail} />
    </div>
  );
}

function NoteEditor({ note, onDone }: { note: Note; onDone: (next: Note | null) => void }) {
  const [body, setBody] = useState(note.body);
  const [audience, setAudience] = useState<Audience>(note.audience);
  const bodyId = `note-${note.id}-edit`;
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  const save = useSubmit(async () => {
    const changes: { body?: string; audience?: Audience } = {};
    if (body.trim() !== note.body) changes.body = body;
    if (audience !== note.audience) changes.audience = audience;
    onDone(Object.keys(changes).length ? await updateNote(note.id, changes) : null);
  });
  const length = lengthNote(body, BODY_MAX, 100);
  const tooLong = [...body].length > BODY_MAX;
  return (
    <form class="form note-editor" onSubmit={save.onSubmit}>
      <FormError message={save.error?.detail} />
      <div class="field">
        <label for={bodyId}>{t('Your note')}</label>
        <textarea
          ref={ref}
          id={bodyId}
          rows={4}
          value={body}
          aria-invalid={tooLong ? 'true' : undefined}
          aria-describedby={length ? `${bodyId}-length` : undefined}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        {length && (
          <p class={tooLong ? 'field-error' : 'counter'} id={`${bodyId}-length`} aria-live="polite">
            {length}
          </p>
        )}
      </div>
      <AudiencePicker name={`note-${note.id}-audience`} value={audience} onValue={setAudience} />
      <div class="note-actions">
        <button type="submit" class="button" disabled={save.busy || tooLong}>
          {t('Save changes')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => onDone(null)}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
