import { describe, expect, it, vi } from 'vitest';
import { focusOrOpen, pickWindow, safeTargetUrl, type WindowLike } from '../src/sw/policy';

const origin = 'https://shoulder.example';
const at = (path: string) => new URL(path, origin).href;

function fakeWindow(url: string, opts: { focused?: boolean; controlled?: boolean } = {}) {
  const win = {
    url,
    focused: opts.focused ?? false,
    focus: vi.fn(async (): Promise<WindowLike> => win),
    navigate: vi.fn(async (to: string): Promise<WindowLike | null> => {
      if (opts.controlled === false) throw new TypeError('not controlled');
      return { ...win, url: to };
    }),
    postMessage: vi.fn((_message: unknown) => undefined),
  };
  return win;
}

function fakeClients(windows: WindowLike[]) {
  return {
    matchAll: vi.fn(async () => windows),
    openWindow: vi.fn(async () => null),
  };
}

describe('notification click: where it goes', () => {
  it('goes to the notification url when it is an app page', () => {
    expect(safeTargetUrl('/settings/notifications', origin)).toBe(at('/settings/notifications'));
    expect(safeTargetUrl(at('/checkins/1'), origin)).toBe(at('/checkins/1'));
  });

  it('falls back to home for other sites, server paths or nothing', () => {
    for (const raw of ['https://evil.example/', '//evil.example/x', '/api/v1/me/', '/admin/', '', null, 7]) {
      expect(safeTargetUrl(raw, origin), String(raw)).toBe(at('/'));
    }
  });
});

describe('notification click: which window', () => {
  it('prefers a window already on the target, then the focused one, then the most recent', () => {
    const other = fakeWindow('https://elsewhere.example/');
    const recent = fakeWindow(at('/circles'));
    const focused = fakeWindow(at('/account'), { focused: true });
    const there = fakeWindow(at('/checkins/1'));
    expect(pickWindow([other, recent, focused, there], at('/checkins/1'), origin)).toBe(there);
    expect(pickWindow([other, recent, focused], at('/checkins/1'), origin)).toBe(focused);
    expect(pickWindow([other, recent], at('/checkins/1'), origin)).toBe(recent);
    expect(pickWindow([other], at('/checkins/1'), origin)).toBeNull();
  });

  it('opens a new window when none of the app is open', async () => {
    const clients = fakeClients([fakeWindow('https://elsewhere.example/')]);
    await focusOrOpen(clients, at('/checkins/1'), origin);
    expect(clients.matchAll).toHaveBeenCalledWith({ type: 'window', includeUncontrolled: true });
    expect(clients.openWindow).toHaveBeenCalledWith(at('/checkins/1'));
  });

  it('focuses an open window and navigates it', async () => {
    const win = fakeWindow(at('/'));
    const clients = fakeClients([win]);
    await focusOrOpen(clients, at('/checkins/1'), origin);
    expect(win.focus).toHaveBeenCalledOnce();
    expect(win.navigate).toHaveBeenCalledWith(at('/checkins/1'));
    expect(clients.openWindow).not.toHaveBeenCalled();
    expect(win.postMessage).not.toHaveBeenCalled();
  });

  it('only focuses a window already showing the target', async () => {
    const win = fakeWindow(at('/checkins/1'));
    await focusOrOpen(fakeClients([win]), at('/checkins/1'), origin);
    expect(win.focus).toHaveBeenCalledOnce();
    expect(win.navigate).not.toHaveBeenCalled();
  });

  it('asks the page to route itself when the worker may not navigate it', async () => {
    const win = fakeWindow(at('/'), { controlled: false });
    await focusOrOpen(fakeClients([win]), at('/checkins/1?from=push'), origin);
    expect(win.postMessage).toHaveBeenCalledWith({ type: 'navigate', url: '/checkins/1?from=push' });
  });

  it('still takes the window there when focusing is refused', async () => {
    const win = fakeWindow(at('/'));
    win.focus.mockRejectedValueOnce(new Error('not allowed'));
    await focusOrOpen(fakeClients([win]), at('/account'), origin);
    expect(win.navigate).toHaveBeenCalledWith(at('/account'));
  });
});
