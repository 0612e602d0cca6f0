import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  base64UrlToUint8Array,
  forgetThisDevice,
  type PushEnvironment,
  PushError,
  pushUiState,
  sameBytes,
  turnOnPush,
  withTimeout,
} from '../src/pwa/push';

// A real VAPID public key shape: 65 bytes, uncompressed P-256 point (0x04 first).
const KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

describe('base64url → bytes (applicationServerKey)', () => {
  it('decodes an unpadded URL-safe key to its 65 raw bytes', () => {
    const bytes = base64UrlToUint8Array(KEY);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(65);
    expect(bytes[0]).toBe(4);
  });

  it('handles - and _ (the URL-safe letters) and optional padding', () => {
    expect([...base64UrlToUint8Array('-_8')]).toEqual([0xfb, 0xff]);
    expect([...base64UrlToUint8Array('-_8=')]).toEqual([0xfb, 0xff]);
    expect([...base64UrlToUint8Array('AQID')]).toEqual([1, 2, 3]);
    expect([...base64UrlToUint8Array('AQIDBA')]).toEqual([1, 2, 3, 4]);
    expect([...base64UrlToUint8Array('')]).toEqual([]);
  });

  it('refuses what is not URL-safe base64', () => {
    for (const bad of ['a+b/', 'abc!', 'A', 'AAAAA']) {
      expect(() => base64UrlToUint8Array(bad), bad).toThrow(TypeError);
    }
  });

  it('compares keys byte for byte', () => {
    const key = base64UrlToUint8Array(KEY);
    expect(sameBytes(key.slice().buffer, key)).toBe(true);
    expect(sameBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(sameBytes(null, key)).toBe(false);
  });
});

describe('permission → what the device card shows', () => {
  const env = (changes: Partial<PushEnvironment>): PushEnvironment => ({
    supported: true,
    ios: false,
    standalone: false,
    permission: 'default',
    subscribed: false,
    ...changes,
  });

  it.each<[string, Partial<PushEnvironment>, string]>([
    ['never asked', {}, 'off'],
    ['still looking for a subscription', { subscribed: null }, 'checking'],
    ['granted and subscribed', { permission: 'granted', subscribed: true }, 'on'],
    ['granted but not subscribed (e.g. turned off)', { permission: 'granted' }, 'off'],
    ['subscribed but permission reset: ask again', { permission: 'default', subscribed: true }, 'off'],
    ['blocked', { permission: 'denied' }, 'denied'],
    ['blocked while a stale subscription lingers', { permission: 'denied', subscribed: true }, 'denied'],
    ['no push in this browser', { supported: false }, 'unsupported'],
    ['iPhone Safari, not installed', { supported: false, ios: true }, 'install-first'],
    ['iPhone, installed without push (old iOS)', { supported: false, ios: true, standalone: true }, 'unsupported'],
    ['iPhone, installed', { ios: true, standalone: true, permission: 'granted', subscribed: true }, 'on'],
  ])('%s', (_, changes, expected) => {
    expect(pushUiState(env(changes))).toBe(expected);
  });
});

describe('withTimeout', () => {
  it('passes a value through and rejects with a plain sentence when too slow', async () => {
    await expect(withTimeout(Promise.resolve(1), 50, 'slow')).resolves.toBe(1);
    const never = new Promise<number>(() => undefined);
    await expect(withTimeout(never, 10, 'Too slow.')).rejects.toEqual(new PushError('Too slow.'));
  });
});

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A browser with a worker registration whose pushManager the test controls. */
function fakeBrowser(opts: { permission: NotificationPermission; answer?: NotificationPermission }) {
  const subscription = {
    endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
    options: { applicationServerKey: null },
    toJSON: () => ({ endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: { p256dh: 'p', auth: 'a' } }),
    unsubscribe: vi.fn(async () => true),
  };
  let current: typeof subscription | null = null;
  const pushManager = {
    getSubscription: vi.fn(async () => current),
    subscribe: vi.fn(async () => {
      current = subscription;
      return subscription;
    }),
  };
  const Notification = {
    permission: opts.permission,
    requestPermission: vi.fn(async () => opts.answer ?? opts.permission),
  };
  vi.stubGlobal('Notification', Notification);
  vi.stubGlobal('window', { PushManager: class {}, Notification });
  vi.stubGlobal('navigator', { serviceWorker: { getRegistration: vi.fn(async () => ({ pushManager })) } });
  return {
    pushManager,
    Notification,
    subscription,
    setCurrent: (v: typeof subscription | null) => (current = v),
  };
}

describe('turning push on and off', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', { cookie: 'csrftoken=tok' });
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('asks, subscribes with the server key, then posts toJSON()', async () => {
    const browser = fakeBrowser({ permission: 'default', answer: 'granted' });
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { public_key: KEY }))
      .mockResolvedValueOnce(jsonResponse(201, { id: '1' }));
    await expect(turnOnPush()).resolves.toBe('granted');
    expect(browser.Notification.requestPermission).toHaveBeenCalledOnce();
    const [options] = browser.pushManager.subscribe.mock.calls[0] as unknown as [PushSubscriptionOptionsInit];
    expect(options.userVisibleOnly).toBe(true);
    expect([...(options.applicationServerKey as Uint8Array)]).toEqual([...base64UrlToUint8Array(KEY)]);
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/v1/push/subscriptions/');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual(browser.subscription.toJSON());
  });

  it('does not subscribe when the person says no', async () => {
    const browser = fakeBrowser({ permission: 'default', answer: 'denied' });
    await expect(turnOnPush()).resolves.toBe('denied');
    expect(browser.pushManager.subscribe).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('before logout: deletes on the server, then unsubscribes', async () => {
    const browser = fakeBrowser({ permission: 'granted' });
    browser.setCurrent(browser.subscription);
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await forgetThisDevice();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect([url, init.method, JSON.parse(init.body)]).toEqual([
      '/api/v1/push/subscriptions/',
      'DELETE',
      { endpoint: browser.subscription.endpoint },
    ]);
    expect(browser.subscription.unsubscribe).toHaveBeenCalledOnce();
  });

  it('before logout: never throws, and still unsubscribes when the server is unreachable', async () => {
    const browser = fakeBrowser({ permission: 'granted' });
    browser.setCurrent(browser.subscription);
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    await expect(forgetThisDevice()).resolves.toBeUndefined();
    expect(browser.subscription.unsubscribe).toHaveBeenCalledOnce();
  });

  it('before logout: gives up on a browser that never answers', async () => {
    vi.stubGlobal('window', { PushManager: class {}, Notification: {} });
    vi.stubGlobal('Notification', { permission: 'granted' });
    vi.stubGlobal('navigator', { serviceWorker: { getRegistration: () => new Promise(() => undefined) } });
    await expect(forgetThisDevice(20)).resolves.toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('does nothing before logout on a device without a subscription', async () => {
    fakeBrowser({ permission: 'default' });
    await forgetThisDevice();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
