/** The words around a nudge once it is sent. Pure, so they are unit-tested. */
import { t } from '../i18n/i18n';

export interface NudgeDelivery {
  delivered_at?: string | null;
  seen_at?: string | null;
}

/** Where the nudge is, said as a whole sentence (never a lone "sent"). */
export function nudgeDeliveryText(name: string, entry: NudgeDelivery | null | undefined): string {
  if (entry?.seen_at) return t('{name} has seen it. They can answer with one tap, whenever they’re ready.', { name });
  if (entry?.delivered_at)
    return t('It reached {name}’s phone. They can answer with one tap, whenever they’re ready.', { name });
  return t('It’s on its way to {name} — they’ll see it next time they look at their phone.', { name });
}
