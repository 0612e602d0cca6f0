import type { Mode } from '../api/checkins';
import { t } from '../i18n/i18n';

/** A phone number as a `tel:`/`sms:` target (digits and a leading + only). */
export function phoneHref(kind: 'tel' | 'sms', phone: string): string {
  return `${kind}:${phone.replace(/[^+0-9]/g, '')}`;
}

/**
 * One-tap "Call Ana" / "Text Ana" when they gave a number; the way they asked to be met
 * comes first. Nothing when there is no number.
 */
export function ContactLinks({
  name,
  phone,
  mode,
}: {
  name: string;
  phone: string | null | undefined;
  mode?: Mode | null;
}) {
  if (!phone) return null;
  const call = (
    <a key="call" class="button button--quiet contact-link" href={phoneHref('tel', phone)}>
      {t('Call {name}', { name })}
    </a>
  );
  const text = (
    <a key="text" class="button button--quiet contact-link" href={phoneHref('sms', phone)}>
      {t('Text {name}', { name })}
    </a>
  );
  return <p class="contact">{mode === 'text' ? [text, call] : [call, text]}</p>;
}
