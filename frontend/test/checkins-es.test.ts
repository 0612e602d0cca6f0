import { afterEach, describe, expect, it } from 'vitest';
import { activityWhen } from '../src/checkins/activity';
import { counterText, problems } from '../src/checkins/compose';
import { nudgeDeliveryText } from '../src/checkins/nudge';
import { askTitle, formatEta, joinNames, kindTo, reminderFor, responseText, timeAgo } from '../src/checkins/words';
import { setLocale } from '../src/i18n/i18n';

const NOW = new Date('2026-03-03T02:10:00Z');

describe('the words of check-ins in Spanish', () => {
  afterEach(() => setLocale('en', false));

  it('says answers, ETAs and times through the catalog and Intl', async () => {
    await setLocale('es', false);
    expect(formatEta(15)).toBe('15 min');
    expect(formatEta(90)).toBe('1 hora 30 min');
    expect(responseText({ answer: 'on_my_way', eta_minutes: 15 })).toBe('Voy para allá, 15 min');
    const answer = { answer: 'on_my_way' as const, eta_minutes: 15, eta_from: '2026-03-03T02:10:00Z' };
    expect(responseText(answer, 'es', 'UTC')).toBe('Voy para allá, hacia las 02:25');
    expect(timeAgo('2026-03-03T02:09:40Z', NOW, 'es')).toBe('ahora mismo');
    expect(timeAgo('2026-03-03T02:08:00Z', NOW, 'es')).toBe('hace 2 min');
    expect(activityWhen(new Date(2026, 2, 2, 22, 10).toISOString(), new Date(2026, 2, 3, 9, 0))).toMatch(/^Ayer, /);
  });

  it('says names, kinds and plurals as Spanish does', async () => {
    await setLocale('es', false);
    expect(joinNames(['Sam', 'Jo', 'Ana'])).toBe('Sam, Jo y Ana');
    expect(askTitle({ kind: 'reach_out', requester: { display_name: 'Bea' } } as never)).toBe('Bea te necesita');
    expect(kindTo('nudge', 'Bea')).toBe('tu «pienso en ti» a Bea');
    expect(counterText('x'.repeat(279))).toBe('Queda 1 carácter');
    expect(counterText('x'.repeat(283))).toBe('Un poco más corto, por favor: sobran 3');
    expect(nudgeDeliveryText('Bea', { seen_at: NOW.toISOString() })).toMatch(/^Bea ya lo vio\./);
    expect(reminderFor(0)).toBe('No eres una carga. Por algo son tus amigos.');
    const draft = { circleId: 'c', who: 'circle', people: [], nudgeTo: null, mode: null, message: '' } as never;
    expect(problems(draft, 'reach_out', NOW).mode).toBe('Elige cómo te gustaría que te acompañen.');
  });

  it('keeps the English as it was', () => {
    expect(joinNames(['Sam', 'Jo', 'Ana'])).toBe('Sam, Jo and Ana');
    expect(formatEta(90)).toBe('1 hour 30 min');
    expect(kindTo('reach_out', 'Tuesday people')).toBe('reach out to Tuesday people');
    expect(counterText('x'.repeat(279))).toBe('1 character left');
  });
});
