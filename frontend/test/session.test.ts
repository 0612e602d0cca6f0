import { describe, expect, it } from 'vitest';
import { phoneHref } from '../src/checkins/Contact';
import { lengthNote, pickCircle } from '../src/checkins/compose';
import { etaAt, friendClosing, requesterClosing, responseText, someoneCame, timeAgo } from '../src/checkins/words';

const NOW = new Date('2026-03-03T02:10:00Z');

describe('time on everything', () => {
  it('says how long ago, in plain words', () => {
    expect(timeAgo('2026-03-03T02:09:40Z', NOW, 'en')).toBe('just now');
    expect(timeAgo('2026-03-03T02:08:00Z', NOW, 'en')).toBe('2 min. ago');
    expect(timeAgo('2026-03-03T00:10:00Z', NOW, 'en')).toBe('2 hr. ago');
    expect(timeAgo(null, NOW)).toBe('');
  });

  it('turns an ETA into the time they will be there', () => {
    const answer = { answer: 'on_my_way' as const, eta_minutes: 15, eta_from: '2026-03-03T02:10:00Z' };
    expect(etaAt(answer)?.toISOString()).toBe('2026-03-03T02:25:00.000Z');
    expect(responseText(answer, 'en-GB', 'UTC')).toBe('On my way, around 02:25');
    expect(responseText({ ...answer, eta_minutes: null }, 'en-GB', 'UTC')).toBe('On my way');
    // Without a "from", the old duration is all there is.
    expect(responseText({ answer: 'on_my_way', eta_minutes: 15 })).toBe('On my way, 15 min');
  });
});

describe('closing words by what happened', () => {
  const cant = { response: { answer: 'cant_right_now' as const } };
  const came = { response: { answer: 'on_my_way' as const } };
  it('knows whether anyone came', () => {
    expect(someoneCame({ audience: [cant, { response: null }] })).toBe(false);
    expect(someoneCame({ audience: [cant, came] })).toBe(true);
  });

  it('never thanks people who could not come for being there', () => {
    expect(requesterClosing({ status: 'closed', audience: [cant] })).toMatch(/Nobody could answer this time/);
    expect(requesterClosing({ status: 'closed', audience: [cant] })).not.toMatch(/glad to be there/);
    expect(requesterClosing({ status: 'closed', audience: [came] })).toMatch(/glad to be there/);
    expect(friendClosing('closed', { answer: 'cant_right_now' })).not.toMatch(/being there/);
    expect(friendClosing('closed', null)).not.toMatch(/being there/);
    expect(friendClosing('closed', { answer: 'calling' })).toBe('Thank you for being there.');
  });
});

describe('compose starts where someone can be asked', () => {
  const me = 'me';
  const alone = { id: 'a', name: 'Just me', members: [{ user: { id: me } }] };
  const friends = { id: 'b', name: 'Tuesday people', members: [{ user: { id: me } }, { user: { id: 'ana' } }] };
  it('prefers a circle with people, even over the remembered one', () => {
    expect(pickCircle([alone, friends], null, me)).toBe('b');
    expect(pickCircle([alone, friends], 'a', me)).toBe('b');
    expect(pickCircle([alone], null, me)).toBe('a');
  });
});

describe('no silent cut-off', () => {
  it('says how far over a text is', () => {
    expect(lengthNote('x'.repeat(10), 140)).toBeNull();
    expect(lengthNote('x'.repeat(130), 140)).toBe('10 characters left');
    expect(lengthNote('x'.repeat(150), 140)).toBe('A little shorter, please — 10 over');
  });
});

describe('call and text links', () => {
  it('keeps digits and a leading +', () => {
    expect(phoneHref('tel', '+44 7700 900-123')).toBe('tel:+447700900123');
    expect(phoneHref('sms', '07700900123')).toBe('sms:07700900123');
  });
});
