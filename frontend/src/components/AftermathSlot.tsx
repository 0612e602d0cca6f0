import type { Checkin } from '../api/checkins';

/**
 * Where the aftermath notes of a finished check-in will live ("Write a note": what helped, a
 * thank-you). A slot for now, so the session screen needs no change when notes arrive.
 */
export function AftermathSlot({ checkin }: { checkin: Checkin }) {
  if (checkin.status !== 'closed') return null;
  return (
    <section class="card aftermath-slot" aria-labelledby="aftermath-title">
      <h2 id="aftermath-title">Write a note</h2>
      <p class="muted">
        Soon you’ll be able to leave a short note here for the people who were there — what
        helped, a thank-you, the joke that made you laugh through it.
      </p>
    </section>
  );
}
