/** The words of two-way sessions, in one place. Pure, so they are unit-tested. */

import type { Needs } from '../api/checkins';
import type { ShareOffer } from '../api/sharing';
import { t } from '../i18n/i18n';
import { NEEDS } from './words';

/** The needs someone picked, as the same labels the compose screen uses. */
export function needLabels(needs: Partial<Needs>): string[] {
  return NEEDS.filter((n) => needs[n.key]).map((n) => t(n.label));
}

/** The soft line the requester sees: never an alarm, never a count. */
export function offerLine(offer: Pick<ShareOffer, 'by'>): string {
  return t('{name} would like to share something too', { name: offer.by.display_name });
}

/** What the friend who asked reads about their own offer. A "let it be" is said gently. */
export function myOfferLine(status: ShareOffer['status'], requesterName: string): string | null {
  switch (status) {
    case 'pending':
      return t('You asked if you could share too. {name} will see it when they’re ready.', { name: requesterName });
    case 'declined':
      return t('{name} needs this time for themselves right now. When you need someone, you can reach out too.', {
        name: requesterName,
      });
    case 'accepted':
      return t('{name} said: of course.', { name: requesterName });
    default:
      return null;
  }
}
