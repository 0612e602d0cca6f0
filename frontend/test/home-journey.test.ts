import { describe, expect, it } from 'vitest';
import type { ActivityItem } from '../src/api/checkins';
import { activityLine, activityWhen } from '../src/checkins/activity';
import { nudgeDeliveryText } from '../src/checkins/nudge';
import { isTopScreen, parentOf } from '../src/components/back';
import { nextStep } from '../src/pwa/onboarding';

describe('where Back goes', () => {
  it('has nothing to go back to on top screens', () => {
    for (const path of ['/', '/login', '/signup', '/goodbye', '/login/']) expect(isTopScreen(path)).toBe(true);
    for (const path of ['/account', '/reach-out', '/checkins/x', '/crisis']) expect(isTopScreen(path)).toBe(false);
  });

  it('goes up to where a screen belongs', () => {
    expect(parentOf('/checkins/abc/notes')).toBe('/checkins/abc');
    expect(parentOf('/checkins/abc')).toBe('/');
    expect(parentOf('/circles/abc/moments')).toBe('/circles/abc');
    expect(parentOf('/circles/abc')).toBe('/');
    expect(parentOf('/circles/new')).toBe('/');
    expect(parentOf('/account/security')).toBe('/account');
    expect(parentOf('/settings/notifications')).toBe('/account');
    expect(parentOf('/reports')).toBe('/account');
    expect(parentOf('/login/code')).toBe('/login');
    expect(parentOf('/password/reset')).toBe('/login');
    expect(parentOf('/crisis')).toBe('/');
  });
});

const item = (over: Partial<ActivityItem>): ActivityItem => ({
  kind: 'answer',
  at: '2026-12-01T10:00:00Z',
  person: { id: 'p', display_name: 'Ana' },
  circle: { id: 'c', name: 'Tuesday people' },
  checkin: 'k',
  answer: 'on_my_way',
  ...over,
});

describe('the Lately list', () => {
  it('says each kind of event in words, with where it leads', () => {
    expect(activityLine(item({}))).toEqual({ text: 'Ana: On my way', href: '/checkins/k' });
    expect(activityLine(item({ kind: 'nudge_answer', answer: 'need_you' })).text).toBe(
      'Ana could use you — their answer to your nudge',
    );
    expect(activityLine(item({ kind: 'nudge_answer', answer: 'okay' })).text).toBe('Ana answered your nudge: I’m okay');
    expect(activityLine(item({ kind: 'okay_now', answer: null })).text).toBe('Ana is okay now');
    expect(activityLine(item({ kind: 'join_request', checkin: null, answer: null }))).toEqual({
      text: 'Ana would like to join Tuesday people',
      href: '/circles/c',
    });
    expect(activityLine(item({ kind: 'note', answer: null })).href).toBe('/checkins/k/notes');
  });

  it('gives a time today, "Yesterday" or the weekday', () => {
    const now = new Date(2026, 11, 3, 12, 0);
    expect(activityWhen(new Date(2026, 11, 3, 9, 5).toISOString(), now)).not.toMatch(/Yesterday/);
    expect(activityWhen(new Date(2026, 11, 2, 22, 10).toISOString(), now)).toMatch(/^Yesterday /);
    expect(activityWhen(new Date(2026, 11, 1, 8, 0).toISOString(), now)).not.toMatch(/^Yesterday/);
  });
});

describe('a nudge on its way', () => {
  it('is said in whole sentences, never a lone "sent"', () => {
    expect(nudgeDeliveryText('Ana', null)).toMatch(/^It’s on its way to Ana/);
    expect(nudgeDeliveryText('Ana', { delivered_at: 'x' })).toMatch(/^It reached Ana’s phone/);
    expect(nudgeDeliveryText('Ana', { delivered_at: 'x', seen_at: 'y' })).toMatch(/^Ana has seen it/);
  });
});

describe('first steps', () => {
  const device = { standalone: false, permission: 'default' };
  it('goes home screen first, then notifications, then never again', () => {
    expect(nextStep({}, device)).toBe('install');
    expect(nextStep({ install: 'skipped' }, device)).toBe('notifications');
    expect(nextStep({ install: 'done', notifications: 'skipped' }, device)).toBeNull();
  });

  it('skips what this device already has', () => {
    expect(nextStep({}, { standalone: true, permission: 'default' })).toBe('notifications');
    expect(nextStep({}, { standalone: true, permission: 'granted' })).toBeNull();
  });
});
