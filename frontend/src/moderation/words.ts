/** What the moderation screens say, and the small decisions behind them. All pure. */
import type { Report, ReportCategory, ReportTargetType, Strike } from '../api/moderation';

export const CATEGORIES: { value: ReportCategory; label: string; hint?: string }[] = [
  { value: 'harassment', label: 'Harassment or bullying' },
  { value: 'hate', label: 'Hate', hint: 'Attacks on who someone is.' },
  { value: 'sexual', label: 'Sexual content' },
  { value: 'spam', label: 'Spam' },
  {
    value: 'self_harm_concern',
    label: "I'm worried about their safety",
    hint: 'You think they may hurt themselves.',
  },
  { value: 'other', label: 'Something else' },
];

export function categoryLabel(category: ReportCategory): string {
  return CATEGORIES.find((c) => c.value === category)?.label ?? 'Something else';
}

const TARGETS: Record<ReportTargetType, string> = {
  note: 'A note',
  checkin: 'A message',
  user: 'A person',
  circle: 'A circle',
};

/** What the report was about: the label stored with it ("Note by Cy, 01 Dec 2026"), which still
 * reads after the thing is gone; the kind alone when there is none. */
export function reportSubject(report: Pick<Report, 'target_type' | 'target_label'>): string {
  return report.target_label || (TARGETS[report.target_type] ?? 'Something you reported');
}

/** Where a report stands, in plain words; the outcome is the moderator's sentence once decided. */
export function reportStatus(report: Pick<Report, 'status' | 'outcome'>): string {
  if (report.status === 'open') return "We're looking at it. We'll let you know what we decide.";
  return report.outcome || 'We reviewed your report.';
}

export const STRIKE_KINDS: Record<Strike['kind'], string> = {
  warning: 'A warning',
  suspension: 'A suspension',
  ban: 'Your account was closed',
};

/** What became of an appeal, in plain words (null when there is none). */
export function appealWords(status: string): string | null {
  if (status === 'pending') return "You appealed. We'll look at it again.";
  if (status === 'approved') return 'We looked again and took this back. Thank you for telling us.';
  if (status === 'rejected') return 'We looked again and kept this in place.';
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

export function formatWhen(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}
