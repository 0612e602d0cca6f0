import { describe, expect, it } from 'vitest';
import { reauthFlowsOf } from '../src/account/reauth';
import { describeUserAgent } from '../src/account/useragent';
import { ApiError, errorFromResponse } from '../src/api/client';
import { authStateFrom } from '../src/auth/state';
import { filterZones, isCurrentZoneName, zoneLabel } from '../src/timezones';

const allauthReauth = {
  status: 401,
  data: {
    user: { id: 1, display: 'Dana' },
    methods: [],
    flows: [{ id: 'reauthenticate' }, { id: 'mfa_reauthenticate', types: ['totp'] }],
  },
  meta: { is_authenticated: true },
};

describe('reauthFlowsOf', () => {
  it("reads allauth's 401 while still signed in", () => {
    expect(reauthFlowsOf(errorFromResponse(401, allauthReauth))).toEqual([
      { id: 'reauthenticate', types: undefined },
      { id: 'mfa_reauthenticate', types: ['totp'] },
    ]);
  });

  it("reads our API's 403 reauthentication_required", () => {
    const body = {
      type: 'client_error',
      errors: [{ code: 'reauthentication_required', detail: 'Please confirm', attr: null }],
      flows: [{ id: 'reauthenticate' }, { id: 'reauthenticate_by_code', recipients: [] }],
    };
    expect(reauthFlowsOf(errorFromResponse(403, body))).toEqual([{ id: 'reauthenticate', types: undefined }]);
  });

  it('leaves other errors alone', () => {
    const signedOut = { status: 401, data: { flows: [{ id: 'login' }] }, meta: { is_authenticated: false } };
    expect(reauthFlowsOf(errorFromResponse(401, signedOut))).toBeNull();
    const denied = { type: 'client_error', errors: [{ code: 'permission_denied', detail: 'No', attr: null }] };
    expect(reauthFlowsOf(errorFromResponse(403, denied))).toBeNull();
    expect(reauthFlowsOf(new Error('x'))).toBeNull();
    expect(reauthFlowsOf(new ApiError(500, []))).toBeNull();
  });

  it('keeps the session signed in while reauthentication is asked', () => {
    expect(authStateFrom(401, allauthReauth).status).toBe('authenticated');
  });
});

describe('describeUserAgent', () => {
  it('names browser and system', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iPhone');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome on Android');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox on Windows',
    );
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge on Mac');
    expect(describeUserAgent('')).toBe('A browser');
  });
});

describe('time zone list', () => {
  it('keeps current names only, and finds them by any word', () => {
    expect(isCurrentZoneName('Europe/Berlin')).toBe(true);
    expect(isCurrentZoneName('UTC')).toBe(true);
    expect(isCurrentZoneName('US/Eastern')).toBe(false);
    expect(isCurrentZoneName('Japan')).toBe(false);
    const zones = ['America/New_York', 'Europe/Berlin', 'US/Eastern', 'UTC', 'America/Argentina/Buenos_Aires'];
    expect(filterZones(zones, '')).toEqual([
      'America/New_York',
      'Europe/Berlin',
      'UTC',
      'America/Argentina/Buenos_Aires',
    ]);
    expect(filterZones(zones, 'new york')).toEqual(['America/New_York']);
    expect(filterZones(zones, 'berlin', 'US/Eastern')).toEqual(['Europe/Berlin', 'US/Eastern']);
  });

  it('reads like a place', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    expect(zoneLabel('Europe/Berlin', winter)).toBe('Berlin — Europe (GMT+1)');
    expect(zoneLabel('America/Argentina/Buenos_Aires', winter)).toBe('Buenos Aires, Argentina — America (GMT-3)');
    expect(zoneLabel('UTC', winter)).toBe('UTC');
  });
});
