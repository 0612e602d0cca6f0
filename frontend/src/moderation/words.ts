/** What the moderation screens say, and the small decisions behind them. All pure. */
import type { Report, ReportCategory, ReportTargetType, Strike } from '../api/moderation';
import { intlLocale, msg, t } from '../i18n/i18n';

export const CATEGORIES: { value: ReportCategory; label: string; hint?: string }[] = [
  { value: 'harassment', label: msg('Harassment or bullying') },
  { value: 'hate', label: msg('Hate'), hint: msg('Attacks on who someone is.') },
  { value: 'sexual', label: msg('Sexual content') },
  { value: 'spam', label: msg('Spam') },
  {
    value: 'self_harm_concern',
    label: msg("I'm worried about their safety"),
    hint: msg('You think they may hurt themselves.'),
  },
  { value: 'other', label: msg('Something else') },
];

export function categoryLabel(category: ReportCategory): string {
  return t(CATEGORIES.find((c) => c.value === category)?.label ?? msg('Something else'));
}

const TARGETS: Record<ReportTargetType, string> = {
  note: msg('A note'),
  checkin: msg('A message'),
  user: msg('A person'),
  circle: msg('A circle'),
};

/** What the report was about: the label stored with it ("Note by Cy, 01 Dec 2026"), which still
 * reads after the thing is gone; the kind alone when there is none. */
export function reportSubject(report: Pick<Report, 'target_type' | 'target_label'>): string {
  return report.target_label || t(TARGETS[report.target_type] ?? msg('Something you reported'));
}

/** Where a report stands, in plain words; the outcome is the moderator's sentence once decided. */
export function reportStatus(report: Pick<Report, 'status' | 'outcome'>): string {
  if (report.status === 'open') return t("We're looking at it. We'll let you know what we decide.");
  return report.outcome || t('We reviewed your report.');
}

export const STRIKE_KINDS: Record<Strike['kind'], string> = {
  warning: msg('A warning'),
  suspension: msg('A suspension'),
  ban: msg('Your account was closed'),
};

/** What became of an appeal, in plain words (null when there is none). */
export function appealWords(status: string): string | null {
  if (status === 'pending') return t("You appealed. We'll look at it again.");
  if (status === 'approved') return t('We looked again and took this back. Thank you for telling us.');
  if (status === 'rejected') return t('We looked again and kept this in place.');
  return null;
}

/** An appeal can be sent once, within its window, and not against a ban. */
export function canAppeal(strike: Pick<Strike, 'kind' | 'appeal_status' | 'appeal_until'>, now: Date): boolean {
  return strike.kind !== 'ban' && strike.appeal_status === 'none' && new Date(strike.appeal_until) > now;
}

/** A suspension still running at `now`. */
export function isActive(until: string | null | undefined, now: Date): boolean {
  return !!until && new Date(until) > now;
}

export function formatWhen(iso: string, locale: string = intlLocale()): string {
  return new Date(iso).toLocaleString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}
