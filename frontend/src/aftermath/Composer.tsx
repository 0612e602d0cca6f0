import { useState } from 'preact/hooks';
import { type Audience, createNote, type Note } from '../api/aftermath';
import { lengthNote } from '../checkins/compose';
import { FormError } from '../components/FormError';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { AudiencePicker } from './AudiencePicker';
import { BODY_MAX, nextPrompt, PROMPTS } from './words';

/**
 * Writing a note. A gentle prompt sits beside the box as a hint (never typed into it), one at a
 * time: "Another prompt" turns to the next, "Hide prompts" puts them away. No `maxlength`: a
 * long paste isn't cut off silently; the note under the box says how far over it is.
 */
export function Composer({ checkinId, onCreated }: { checkinId: string; onCreated: (note: Note) => void }) {
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<Audience>('participants');
  const [prompt, setPrompt] = useState<number | null>(0);
  const [shared, setShared] = useState<string | null>(null);

  const share = useSubmit(async () => {
    setShared(null);
    const note = await createNote(checkinId, { body, audience });
    setBody('');
    setShared(
      note.audience === 'circle' ? t('Shared with the whole circle.') : t('Shared with the people who were there.'),
    );
    onCreated(note);
  });

  const promptText = prompt === null ? null : t(PROMPTS[prompt] ?? '');
  const length = lengthNote(body, BODY_MAX, 100);
  const tooLong = [...body].length > BODY_MAX;
  return (
    <section class="card composer" aria-labelledby="composer-title">
      <h2 id="composer-title">{t('Add a note')}</h2>
      <form class="form" onSubmit={share.onSubmit}>
        <FormError message={share.error?.detail} />
        {shared && (
          <p class="notice" role="status">
            {shared}
          </p>
        )}
        <div class="field">
          <label for="note-body">{t('Write a few words')}</label>
          {promptText && (
            <div class="prompt">
              <p class="hint" id="note-prompt">
                {promptText}
              </p>
              <div class="prompt-controls">
                <button type="button" class="link-button" onClick={() => setPrompt(nextPrompt(prompt))}>
                  {t('Another prompt')}
                </button>
                <button type="button" class="link-button" onClick={() => setPrompt(null)}>
                  {t('Hide prompts')}
                </button>
              </div>
            </div>
          )}
          <textarea
            id="note-body"
            name="body"
            rows={5}
            required
            value={body}
            aria-describedby={
              [promptText ? 'note-prompt' : '', length ? 'note-length' : ''].join(' ').trim() || undefined
            }
            aria-invalid={tooLong || share.error?.field === 'body' ? 'true' : undefined}
            onInput={(e) => {
              setShared(null);
              setBody(e.currentTarget.value);
            }}
          />
          {length && (
            <p class={tooLong ? 'field-error' : 'counter'} id="note-length" aria-live="polite">
              {length}
            </p>
          )}
        </div>
        <AudiencePicker name="new-note-audience" value={audience} onValue={setAudience} />
        <button type="submit" class="button" disabled={share.busy || tooLong}>
          {t('Share note')}
        </button>
      </form>
    </section>
  );
}
