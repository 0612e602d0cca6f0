import { describe, expect, it } from 'vitest';
import { momentTitle } from '../src/aftermath/words';
import { myOfferLine, needLabels, offerLine } from '../src/checkins/sharing';

describe('two-way sessions', () => {
  it('names the needs with the compose screen’s words', () => {
    expect(needLabels({ silence_ok: true, no_need_to_explain: true, just_listen: false })).toEqual([
      'No need to explain',
      'Silence is okay',
    ]);
    expect(needLabels({})).toEqual([]);
  });

  it('says an offer softly, and a “let it be” gently', () => {
    expect(offerLine({ by: { id: 's', display_name: 'Sam' } })).toBe('Sam would like to share something too');
    expect(myOfferLine('pending', 'Bea')).toContain('Bea will see it');
    expect(myOfferLine('accepted', 'Bea')).toBe('Bea said: of course.');
    const declined = myOfferLine('declined', 'Bea') ?? '';
    expect(declined).not.toMatch(/declin|reject|no\b/i);
    expect(myOfferLine('ended', 'Bea')).toBeNull();
  });

  it('titles a mutual session as one moment together, never a tally', () => {
    const now = new Date('2025-06-01T12:00:00Z');
    const moment = {
      kind: 'reach_out' as const,
      requester: { id: 'b', display_name: 'Bea' },
      created_at: '2025-03-03T20:00:00Z',
      mutual: true,
      shared_with: [{ id: 'a', display_name: 'Ana' }],
    };
    expect(momentTitle(moment, 'b', now, 'UTC')).toBe('You were there for each other · 3 March');
    expect(momentTitle(moment, 'a', now, 'UTC')).toBe('You were there for each other · 3 March');
    expect(momentTitle(moment, 'c', now, 'UTC')).toBe('Bea and Ana were there for each other · 3 March');
    expect(momentTitle({ ...moment, mutual: false, shared_with: [] }, 'a', now, 'UTC')).toBe(
      'Bea reached out · 3 March',
    );
  });
});
