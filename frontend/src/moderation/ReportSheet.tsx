import { useState } from 'preact/hooks';
import type { Person } from '../api/circles';
import { REPORT_DETAILS_MAX } from '../api/limits';
import { createReport, type Report, type ReportCategory, type ReportTargetType } from '../api/moderation';
import { FormError } from '../components/FormError';
import { Sheet } from '../components/Sheet';
import { useSubmit } from '../components/useSubmit';
import { CATEGORIES } from './words';
import './moderation.css';
import { t } from '../i18n/i18n';

export interface ReportTarget {
  type: ReportTargetType;
  id: string;
  /** What is reported, for the sheet's title: "Cy's note", "Sunday people". */
  label: string;
  /** The person behind it, when there is one: offered "also block", and "reach out yourself". */
  person?: Person | null;
  /** A circle we share with that person, for the reach-out link. */
  circleId?: string | null;
}

interface ReportSheetProps {
  target: ReportTarget;
  onClose: () => void;
}

/** One way to report anything: what's wrong, a few optional words, and maybe block them too. */
export function ReportSheet({ target, onClose }: ReportSheetProps) {
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [details, setDetails] = useState('');
  const [alsoBlock, setAlsoBlock] = useState(false);
  const [sent, setSent] = useState<Report | null>(null);
  const [missing, setMissing] = useState(false);
  const person = target.person ?? null;

  const send = useSubmit(async () => {
    if (!category) {
      setMissing(true);
      return;
    }
    setSent(
      await createReport({
        target_type: target.type,
        target_id: target.id,
        category,
        details: details.trim(),
        also_block: person ? alsoBlock : false,
      }),
    );
  });

  if (sent) {
    return (
      <Sheet id="report-sheet" title={t('Thank you for telling us')} onClose={onClose}>
        <ReportSent report={sent} person={person} circleId={target.circleId ?? null} blocked={alsoBlock} />
      </Sheet>
    );
  }

  const name = 'report-category';
  const detailsId = 'report-details';
  return (
    <Sheet id="report-sheet" title={t('Report {what}', { what: target.label })} onClose={onClose}>
      <form class="form" onSubmit={send.onSubmit} noValidate>
        <p class="muted">{t('A moderator will look at it. We never tell anyone who reported.')}</p>
        <FormError message={missing && !category ? t('Pick what feels wrong, so we know what to look for.') : null} />
        <FormError message={send.error?.detail} />
        <fieldset class="report-choices">
          <legend>{t("What's wrong?")}</legend>
          {CATEGORIES.map((option) => {
            const id = `${name}-${option.value}`;
            return (
              <div class="report-choice" key={option.value}>
                <input
                  id={id}
                  type="radio"
                  name={name}
                  value={option.value}
                  checked={category === option.value}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                  onChange={() => setCategory(option.value)}
                />
                <label for={id}>{t(option.label)}</label>
                {option.hint && (
                  <p class="hint" id={`${id}-hint`}>
                    {t(option.hint)}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
        <div class="field">
          <label for={detailsId}>{t("Anything you'd like us to know (optional)")}</label>
          <textarea
            id={detailsId}
            rows={3}
            maxLength={REPORT_DETAILS_MAX}
            value={details}
            onInput={(e) => setDetails(e.currentTarget.value)}
          />
        </div>
        {person && (
          <div class="check">
            <input
              id="report-also-block"
              type="checkbox"
              checked={alsoBlock}
              onChange={(e) => setAlsoBlock(e.currentTarget.checked)}
            />
            <label for="report-also-block">{t('Also block {name}', { name: person.display_name })}</label>
          </div>
        )}
        <button type="submit" class="button" disabled={send.busy}>
          {t('Send report')}
        </button>
      </form>
    </Sheet>
  );
}

function ReportSent({
  report,
  person,
  circleId,
  blocked,
}: {
  report: Report;
  person: Person | null;
  circleId: string | null;
  blocked: boolean;
}) {
  const worried = report.show_crisis_resources;
  const reachOut =
    person && circleId && !blocked
      ? `/reach-out?nudge=${encodeURIComponent(person.id)}&circle=${encodeURIComponent(circleId)}`
      : null;
  return (
    <div class="report-done" role="status">
      <p>
        {t(
          'We’ve got your report and a moderator will look at it. We never tell them who reported. You can follow it under “My reports”.',
        )}
      </p>
      {blocked && person && <p>{t("You've also blocked {name}.", { name: person.display_name })}</p>}
      {worried && (
        <section class="report-care" aria-labelledby="report-care-title">
          <h3 id="report-care-title">{t("If you're worried about them")}</h3>
          <p>
            {t(
              'If they might be in danger right now, call your local emergency number. The crisis page has people you can call or text, for them or for you.',
            )}
          </p>
          <p>
            {t(
              'Reaching out yourself can mean a lot: a short “thinking of you” is enough. We never tell them who reported.',
            )}
          </p>
          <div class="actions">
            {reachOut && (
              <a class="button" href={reachOut}>
                {t('Reach out to {name} yourself', { name: person?.display_name ?? '' })}
              </a>
            )}
            <a class={reachOut ? 'button button--quiet' : 'button'} href="/crisis">
              {t('Crisis resources')}
            </a>
          </div>
        </section>
      )}
      <a class="button button--quiet" href="/reports">
        {t('My reports')}
      </a>
    </div>
  );
}
