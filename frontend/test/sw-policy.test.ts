import { describe, expect, it } from 'vitest';
import { parsePushPayload } from '../src/pwa/payload';
import { BADGE, ICON, isAppNavigation, isNeverHandled, notificationOptions, safeTargetUrl } from '../src/sw/policy';

const origin = 'https://shoulder.example';
const u = (path: string) => new URL(path, origin);
const nav = { mode: 'navigate', method: 'GET' };

describe('service worker: what it never handles', () => {
  it('never handles API, allauth, admin or Django static URLs', () => {
    for (const path of [
      '/api/v1/me/',
      '/api/v1/crisis-resources/',
      '/api',
      '/_allauth/browser/v1/auth/session',
      '/admin/',
      '/admin/login/?next=/admin/',
      '/static/admin/css/base.css',
    ]) {
      expect(isNeverHandled(u(path), origin), path).toBe(true);
      expect(isAppNavigation(nav, u(path), origin), path).toBe(false);
    }
  });

  it('never handles other origins', () => {
    expect(isNeverHandled(new URL('https://findahelpline.com/'), origin)).toBe(true);
  });

  it('handles app page loads (deep links included)', () => {
    for (const path of ['/', '/crisis', '/invite/abc', '/login?next=%2Faccount', '/administrator']) {
      expect(isAppNavigation(nav, u(path), origin), path).toBe(true);
    }
  });

  it('only handles navigations, and only GET', () => {
    expect(isAppNavigation({ mode: 'cors', method: 'GET' }, u('/crisis'), origin)).toBe(false);
    expect(isAppNavigation({ mode: 'navigate', method: 'POST' }, u('/crisis'), origin)).toBe(false);
  });
});

describe('service worker: push payloads', () => {
  it('reads {title, body, url, tag, kind}', () => {
    const p = parsePushPayload(
      JSON.stringify({ title: 'Sam needs you', body: 'Come over?', url: '/checkins/1', tag: 'c1', kind: 'reach_out' }),
    );
    expect(p).toEqual({ title: 'Sam needs you', body: 'Come over?', url: '/checkins/1', tag: 'c1', kind: 'reach_out' });
    expect(notificationOptions(p)).toEqual({
      body: 'Come over?',
      icon: ICON,
      badge: BADGE,
      tag: 'c1',
      data: { url: '/checkins/1', kind: 'reach_out' },
    });
  });

  it('falls back gently on empty or non-JSON payloads', () => {
    expect(parsePushPayload(null)).toEqual({ title: 'Shoulder', body: '', url: '/', tag: '', kind: '' });
    expect(parsePushPayload('hello').body).toBe('hello');
    expect(notificationOptions(parsePushPayload(null)).tag).toBeUndefined();
  });

  it('only opens same-origin app pages on click', () => {
    expect(safeTargetUrl('/checkins/1', origin)).toBe(`${origin}/checkins/1`);
    expect(safeTargetUrl(`${origin}/crisis`, origin)).toBe(`${origin}/crisis`);
    expect(safeTargetUrl('https://evil.example/', origin)).toBe(`${origin}/`);
    expect(safeTargetUrl('/api/v1/me/', origin)).toBe(`${origin}/`);
    expect(safeTargetUrl(undefined, origin)).toBe(`${origin}/`);
  });
});
