import { describe, expect, it } from 'vitest';
import { isServerPath, matchRoute, safeNext, withNext } from '../src/router';

const routes = [{ pattern: '/' }, { pattern: '/crisis' }, { pattern: '/invite/:token' }];

describe('matchRoute', () => {
  it('matches exact paths, ignoring a trailing slash', () => {
    expect(matchRoute(routes, '/')?.route.pattern).toBe('/');
    expect(matchRoute(routes, '/crisis/')?.route.pattern).toBe('/crisis');
  });

  it('captures and decodes params', () => {
    expect(matchRoute(routes, '/invite/a%20b')).toEqual({
      route: { pattern: '/invite/:token' },
      params: { token: 'a b' },
    });
  });

  it('returns null for unknown paths and empty params', () => {
    expect(matchRoute(routes, '/nope')).toBeNull();
    expect(matchRoute(routes, '/invite/')).toBeNull();
    expect(matchRoute(routes, '/invite/%E0%A4%A')).toBeNull();
  });
});

describe('safeNext', () => {
  it('accepts in-app paths with their query', () => {
    expect(safeNext('/invite/tok')).toBe('/invite/tok');
    expect(safeNext('/account?x=1')).toBe('/account?x=1');
  });

  it('lets staff go back to the admin after logging in', () => {
    expect(safeNext('/admin/')).toBe('/admin/');
    expect(safeNext('/admin/moderation/report/')).toBe('/admin/moderation/report/');
  });

  it('refuses anything that could leave the app', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      'invite/tok',
      '/api/v1/me/',
      '/_allauth/browser/v1/auth/session',
      '',
      null,
    ]) {
      expect(safeNext(bad), String(bad)).toBeNull();
    }
  });
});

describe('withNext', () => {
  it('carries next along, but not when it is home', () => {
    expect(withNext('/verify', '/invite/tok')).toBe('/verify?next=%2Finvite%2Ftok');
    expect(withNext('/login?reset=done', '/invite/tok')).toBe('/login?reset=done&next=%2Finvite%2Ftok');
    expect(withNext('/verify', '/')).toBe('/verify');
    expect(withNext('/verify', null)).toBe('/verify');
    expect(withNext('/verify', 'https://evil.example')).toBe('/verify');
  });

  it('knows the server-owned paths', () => {
    expect(isServerPath('/admin/')).toBe(true);
    expect(isServerPath('/admin')).toBe(true);
    expect(isServerPath('/administrator')).toBe(false);
    expect(isServerPath('/crisis')).toBe(false);
  });
});
