import type { ComponentChildren } from 'preact';
import type { Note } from '../api/aftermath';
import { t } from '../i18n/i18n';
import { audienceLabel, formatDate } from './words';
import './aftermath.css';

interface NoteCardProps {
  note: Note;
  /** The author's heading level: 2 on a session's notes page, 3 inside a moment. */
  level?: 2 | 3;
  /** While the author edits, the editor stands in for the body. */
  editing?: boolean;
  children?: ComponentChildren;
}

/**
 * One note, calm and plain. The body is a text child (never innerHTML): whatever someone
 * typed, HTML or links included, shows exactly as typed; CSS keeps its line breaks.
 * Stateless, so it renders the same wherever it is used.
 */
export function NoteCard({ note, level = 2, editing = false, children }: NoteCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const byId = `note-${note.id}-by`;
  return (
    <article class="note" aria-labelledby={byId}>
      <header class="note-head">
        <Heading id={byId} class="note-author">
          {note.author.display_name}
        </Heading>
        <p class="note-meta">
          <span>{formatDate(note.created_at)}</span>
          <span>{audienceLabel(note.audience, 'short')}</span>
          {note.edited_at && <span class="note-edited">{t('edited')}</span>}
        </p>
      </header>
      {!editing && <p class="note-body">{note.body}</p>}
      {children}
    </article>
  );
}
