import type { Checkin } from '../api/checkins';
import { someoneCame } from '../checkins/words';
import { t } from '../i18n/i18n';

/** After a session: the way to the notes the people who were there keep together. */
export function AftermathSlot({ checkin }: { checkin: Checkin }) {
  if (checkin.status !== 'closed' && checkin.status !== 'expired') return null;
  if (checkin.kind === 'nudge') return null;
  // Notes are for the people who were there: none when nobody came, none for a friend who wasn't.
  if (!someoneCame(checkin)) return null;
  const mine = checkin.my_response;
  if (checkin.my_role === 'asked' && (!mine || mine.answer === 'cant_right_now')) return null;
  return (
    <section class="card aftermath-slot" aria-labelledby="aftermath-title">
      <h2 id="aftermath-title">{t('Afterwards')}</h2>
      <p class="muted">
        {t(
          'A few words for the people who were there — what helped, a thank-you, the joke that made you laugh through it.',
        )}
      </p>
      <a class="button button--quiet" href={`/checkins/${checkin.id}/notes`}>
        {t('Our notes')}
      </a>
    </section>
  );
}
