import { describe, expect, it } from 'vitest';
import { mayHaveSession } from '../src/auth/device';
import { type AuthState, authStateFrom } from '../src/auth/state';
import { afterAuth, decide } from '../src/guard';

const anon: AuthState = { status: 'anonymous', user: null, pending: [] };
const user: AuthState = { status: 'authenticated', user: { id: 1, display: 'Alex' }, pending: [] };

describe('authStateFrom', () => {
  it('reads an authenticated session', () => {
    const s = authStateFrom(200, {
      status: 200,
      data: { user: { id: 1, display: 'Alex' }, methods: [] },
      meta: { is_authenticated: true },
    });
    expect(s.status).toBe('authenticated');
    expect(s.user?.display).toBe('Alex');
  });

  it('reads a pending verify_email flow from a 401', () => {
    const s = authStateFrom(401, {
      status: 401,
      data: { flows: [{ id: 'login' }, { id: 'verify_email', is_pending: true }] },
      meta: { is_authenticated: false },
    });
    expect(s).toEqual({ status: 'anonymous', user: null, pending: ['verify_email'] });
  });

  it('keeps a person signed in when a 401 only asks them to confirm who they are', () => {
    const s = authStateFrom(401, {
      status: 401,
      data: { user: { id: 1, display: 'Alex' }, flows: [{ id: 'reauthenticate' }, { id: 'mfa_reauthenticate' }] },
      meta: { is_authenticated: true },
    });
    expect(s.status).toBe('authenticated');
    expect(authStateFrom(401, { data: { user: { id: 1 } }, meta: { is_authenticated: false } }).status).toBe(
      'anonymous',
    );
  });

  it('treats odd bodies as signed out', () => {
    expect(authStateFrom(401, null).status).toBe('anonymous');
    expect(authStateFrom(200, { meta: { is_authenticated: false } }).status).toBe('anonymous');
  });
});

describe('route guard', () => {
  it('renders public pages for everyone, even before the session is known', () => {
    const loading: AuthState = { ...anon, status: 'loading' };
    expect(decide('public', loading, '/crisis', null)).toEqual({ kind: 'render' });
    expect(decide('public', anon, '/crisis', null)).toEqual({ kind: 'render' });
  });

  it('waits on protected pages until the session is known', () => {
    expect(decide('user', { ...anon, status: 'loading' }, '/', null)).toEqual({ kind: 'wait' });
  });

  it('sends signed-out people from / to /login without a next', () => {
    expect(decide('user', anon, '/', null)).toEqual({ kind: 'redirect', to: '/login' });
  });

  it('shows home to a stranger as the welcome, and only home', () => {
    const stranger = { signedInBefore: false, hasSession: false };
    expect(decide('user', anon, '/', null, stranger)).toEqual({ kind: 'landing' });
    expect(decide('user', anon, '/?utm=x', null, stranger)).toEqual({ kind: 'landing' });
    expect(decide('user', anon, '/account', null, stranger)).toEqual({
      kind: 'redirect',
      to: '/login?next=%2Faccount',
    });
    // Mid sign-up (a code to enter) the stranger goes on to it; signed in, home itself.
    expect(decide('user', { ...anon, pending: ['verify_email'] }, '/', null, stranger)).toEqual({
      kind: 'redirect',
      to: '/verify',
    });
    expect(decide('user', user, '/', null, stranger)).toEqual({ kind: 'render' });
    expect(decide('user', { ...anon, status: 'loading' }, '/', null, stranger)).toEqual({ kind: 'wait' });
  });

  it('renders signed-in pages beside the session check when the browser holds a session', () => {
    const loading: AuthState = { ...anon, status: 'loading' };
    const returning = { signedInBefore: true, hasSession: true };
    expect(decide('user', loading, '/', null, returning)).toEqual({ kind: 'render' });
    expect(decide('user', loading, '/account', null, returning)).toEqual({ kind: 'render' });
    // Log-in pages still wait: they may be about to send the person on.
    expect(decide('guest', loading, '/login', null, returning)).toEqual({ kind: 'wait' });
    // The check said signed out after all: to the log-in.
    expect(decide('user', anon, '/', null, returning)).toEqual({ kind: 'redirect', to: '/login' });
  });

  it('keeps the page they wanted as ?next=', () => {
    expect(decide('user', anon, '/account', null)).toEqual({
      kind: 'redirect',
      to: '/login?next=%2Faccount',
    });
    expect(decide('user', anon, '/invite/abc?x=1', null)).toEqual({
      kind: 'redirect',
      to: '/login?next=%2Finvite%2Fabc%3Fx%3D1',
    });
  });

  it('sends people with a pending email verification to /verify', () => {
    const pending: AuthState = { ...anon, pending: ['verify_email'] };
    expect(decide('user', pending, '/account', null)).toEqual({
      kind: 'redirect',
      to: '/verify?next=%2Faccount',
    });
  });

  it('shows the offline notice when the session could not be checked', () => {
    expect(decide('user', { ...anon, status: 'unknown' }, '/', null)).toEqual({ kind: 'offline' });
  });

  it('sends signed-in people away from guest pages, to next if safe', () => {
    expect(decide('guest', user, '/login', null)).toEqual({ kind: 'redirect', to: '/' });
    expect(decide('guest', user, '/login', '/invite/tok')).toEqual({
      kind: 'redirect',
      to: '/invite/tok',
    });
    expect(decide('guest', user, '/login', 'https://evil.example/')).toEqual({
      kind: 'redirect',
      to: '/',
    });
    expect(decide('guest', anon, '/login', null)).toEqual({ kind: 'render' });
  });

  it('renders protected pages for signed-in people', () => {
    expect(decide('user', user, '/account', null)).toEqual({ kind: 'render' });
  });

  it('afterAuth falls back to home', () => {
    expect(afterAuth(null)).toBe('/');
    expect(afterAuth('/invite/tok')).toBe('/invite/tok');
    expect(afterAuth('//evil.example')).toBe('/');
  });
});

describe('session hint', () => {
  it('asks the server only when the browser holds a session cookie', () => {
    expect(mayHaveSession('')).toBe(false);
    expect(mayHaveSession('csrftoken=abc')).toBe(false);
    expect(mayHaveSession('csrftoken=abc; shoulder_has_session=1')).toBe(true);
    expect(mayHaveSession('shoulder_has_session=')).toBe(false);
  });
});
