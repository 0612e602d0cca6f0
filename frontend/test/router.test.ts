import { exec } from 'preact-iso/router';
import { describe, expect, it } from 'vitest';
import { APP_SCOPE, isServerPath, routablePath, safeNext, withNext } from '../src/router';

describe('routes as preact-iso matches them', () => {
  it('matches exact paths, ignoring a trailing slash', () => {
    expect(exec('/', '/')).toBeTruthy();
    expect(exec('/crisis/', '/crisis')).toBeTruthy();
    expect(exec('/crisis', '/about')).toBeUndefined();
  });

  it('captures and decodes params; an empty one does not match', () => {
    expect(exec('/invite/a%20b', '/invite/:token')?.params).toEqual({ token: 'a b' });
    expect(exec('/invite/', '/invite/:token')).toBeUndefined();
  });

  it('knows which paths it could not decode', () => {
    expect(routablePath('/invite/a%20b')).toBe(true);
    expect(routablePath('/invite/%E0%A4%A')).toBe(false);
  });
});

describe('the in-app link scope', () => {
  it('routes app paths in the page and leaves server paths to the browser', () => {
    for (const href of ['/', '/crisis', '/invite/tok?x=1', '/administrator', '/apis']) {
      expect(APP_SCOPE.test(href), href).toBe(true);
    }
    for (const href of [
      '/admin/',
      '/admin',
      '/api/v1/me/',
      '/_allauth/x',
      '/static/a.css',
      '/accounts/',
      '//evil.example/',
      'relative',
      'https://x.example/',
    ]) {
      expect(APP_SCOPE.test(href), href).toBe(false);
    }
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
