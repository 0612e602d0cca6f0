import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  fillPath,
  forgetConditional,
  normaliseErrors,
  OfflineError,
  onAuthChange,
  readCookie,
} from '../src/api/client';
import { setLocale } from '../src/i18n/i18n';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('api client', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', { cookie: 'sessionid=x; csrftoken=tok%2B123; other=1' });
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('sends JSON with same-origin credentials and no CSRF header on GET', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { id: '1' }));
    const res = await api.get<{ id: string }>('/api/v1/me/');
    expect(res).toEqual({ status: 200, data: { id: '1' } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/me/');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers.Accept).toBe('application/json');
    expect(init.headers['X-CSRFToken']).toBeUndefined();
  });

  it("asks the server for the app's language (its sentences before signing in, a sign-up's emails)", async () => {
    vi.stubGlobal('document', { cookie: '', documentElement: {} });
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    await api.get('/api/v1/crisis-resources/');
    expect(fetchMock.mock.calls[0]![1].headers['Accept-Language']).toBe('en');
    try {
      await setLocale('es', false);
      await api.post('/_allauth/browser/v1/auth/signup', {});
      expect(fetchMock.mock.calls[1]![1].headers['Accept-Language']).toBe('es');
    } finally {
      await setLocale('en', false);
    }
  });

  it('sends the csrftoken cookie as X-CSRFToken on writes', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, {}));
    await api.patch('/api/v1/me/', { display_name: 'Alex' });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init.method).toBe('PATCH');
    expect(init.headers['X-CSRFToken']).toBe('tok+123');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ display_name: 'Alex' });
  });

  it('normalises the Shoulder API error shape', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        type: 'validation_error',
        errors: [{ code: 'blank', detail: 'Please tell us your name.', attr: 'display_name' }],
      }),
    );
    const err = await api.patch('/api/v1/me/', { display_name: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('blank');
    expect(e.detail).toBe('Please tell us your name.');
    expect(e.field).toBe('display_name');
    expect(e.forField('display_name')).toBe('Please tell us your name.');
  });

  it('normalises the allauth error shape', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        status: 400,
        errors: [{ message: 'Incorrect code.', code: 'incorrect_code', param: 'key' }],
      }),
    );
    const e = (await api
      .post('/_allauth/browser/v1/auth/email/verify', { key: 'x' })
      .catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('incorrect_code');
    expect(e.detail).toBe('Incorrect code.');
    expect(e.field).toBe('key');
  });

  it('treats accepted statuses (allauth 401 flows) as answers and announces the auth change', async () => {
    const body = {
      status: 401,
      data: { flows: [{ id: 'verify_email', is_pending: true }] },
      meta: { is_authenticated: false },
    };
    fetchMock.mockResolvedValue(jsonResponse(401, body));
    const seen: unknown[] = [];
    const off = onAuthChange((c) => seen.push(c));
    const res = await api.post('/_allauth/browser/v1/auth/signup', {}, { accept: [401] });
    off();
    expect(res.status).toBe(401);
    expect(res.data).toEqual(body);
    expect(seen).toEqual([{ status: 401, body }]);
  });

  it('announces a 410 from allauth even when it is an error', async () => {
    fetchMock.mockResolvedValue(jsonResponse(410, { status: 410 }));
    const seen: number[] = [];
    const off = onAuthChange((c) => seen.push(c.status));
    await expect(api.get('/_allauth/browser/v1/auth/session')).rejects.toBeInstanceOf(ApiError);
    off();
    expect(seen).toEqual([410]);
  });

  it('turns a network failure into an OfflineError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const e = await api.get('/api/v1/me/').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OfflineError);
    expect((e as OfflineError).status).toBe(0);
    expect((e as OfflineError).detail).toMatch(/offline/);
  });

  it('gives a plain sentence when the server sends no JSON', async () => {
    fetchMock.mockResolvedValue(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const e = (await api.get('/api/v1/me/').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(502);
    expect(e.detail).toMatch(/on our side/);
  });
});

describe('helpers', () => {
  it('reads a cookie by exact name', () => {
    expect(readCookie('csrftoken', 'xcsrftoken=no; csrftoken=yes')).toBe('yes');
    expect(readCookie('csrftoken', '')).toBeNull();
  });

  it('ignores malformed error items', () => {
    expect(normaliseErrors(400, { errors: ['x', { code: 'c' }] })).toEqual([
      { code: 'c', detail: 'Something went wrong. Please try again.', field: null },
    ]);
    expect(normaliseErrors(400, null)).toEqual([]);
  });
});

describe('fillPath', () => {
  it('fills and encodes the path template, then adds the query', () => {
    expect(fillPath('/api/v1/circles/{circle_id}/members/{user_id}/', { circle_id: 'a b', user_id: 'x/y' })).toBe(
      '/api/v1/circles/a%20b/members/x%2Fy/',
    );
    expect(fillPath('/api/v1/circles/', {}, { page_size: 100 })).toBe('/api/v1/circles/?page_size=100');
  });

  it('refuses a missing parameter instead of asking for "undefined"', () => {
    expect(() => fillPath('/api/v1/checkins/{checkin_id}/', {})).toThrow(/checkin_id/);
  });
});

describe('conditional polling', () => {
  const fetchMock = vi.fn();
  const tagged = (body: unknown, etag: string) =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json', ETag: etag },
    });
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', { cookie: '' });
    forgetConditional();
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('sends the last ETag of a URL and answers a 304 with the body it kept', async () => {
    fetchMock.mockResolvedValueOnce(tagged({ n: 1 }, 'W/"a"'));
    expect((await api.get('/api/v1/home/')).data).toEqual({ n: 1 });
    expect(fetchMock.mock.calls[0]![1].headers['If-None-Match']).toBeUndefined();

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 304, headers: { ETag: 'W/"a"' } }));
    expect(await api.get('/api/v1/home/')).toEqual({ status: 200, data: { n: 1 } });
    expect(fetchMock.mock.calls[1]![1].headers['If-None-Match']).toBe('W/"a"');

    // Something changed: the new body and its ETag replace the kept ones.
    fetchMock.mockResolvedValueOnce(tagged({ n: 2 }, 'W/"b"'));
    expect((await api.get('/api/v1/home/')).data).toEqual({ n: 2 });
    expect(fetchMock.mock.calls[2]![1].headers['If-None-Match']).toBe('W/"a"');
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 304 }));
    expect((await api.get('/api/v1/home/')).data).toEqual({ n: 2 });
    expect(fetchMock.mock.calls[3]![1].headers['If-None-Match']).toBe('W/"b"');
  });

  it('keeps nothing for untagged answers, other URLs or writes', async () => {
    fetchMock.mockResolvedValueOnce(tagged({ n: 1 }, 'W/"a"'));
    await api.get('/api/v1/checkins/1/');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { me: true }));
    await api.get('/api/v1/me/');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, {}));
    await api.post('/api/v1/checkins/1/close/');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { me: true }));
    await api.get('/api/v1/me/');
    expect(fetchMock.mock.calls[1]![1].headers['If-None-Match']).toBeUndefined();
    expect(fetchMock.mock.calls[2]![1].headers['If-None-Match']).toBeUndefined();
    expect(fetchMock.mock.calls[3]![1].headers['If-None-Match']).toBeUndefined();
  });

  it('forgets every kept body when the session ends', async () => {
    fetchMock.mockResolvedValueOnce(tagged({ n: 1 }, 'W/"a"'));
    await api.get('/api/v1/home/');
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { errors: [] }));
    await api.get('/api/v1/me/').catch(() => undefined);
    fetchMock.mockResolvedValueOnce(tagged({ n: 9 }, 'W/"z"'));
    await api.get('/api/v1/home/');
    expect(fetchMock.mock.calls[2]![1].headers['If-None-Match']).toBeUndefined();
  });
});
