import { describe, expect, it, vi } from 'vitest';
import { handleWorkerMessage, onPushMessage } from '../src/pwa/messages';

describe('messages from the service worker', () => {
  const payload = { title: 'Sam needs you', body: 'Come over', url: '/checkins/1', tag: 't', kind: 'reach_out' };

  it('a push reaches every listener, read by the same parser as the worker', () => {
    const a = vi.fn();
    const b = vi.fn();
    const stopA = onPushMessage(a);
    const stopB = onPushMessage(b);
    handleWorkerMessage({ type: 'push', payload }, vi.fn());
    expect(a).toHaveBeenCalledWith(payload);
    expect(b).toHaveBeenCalledWith(payload);
    stopA();
    handleWorkerMessage({ type: 'push', payload: { title: 'Again' } }, vi.fn());
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenLastCalledWith({ title: 'Again', body: '', url: '/', tag: '', kind: '' });
    stopB();
  });

  it('one failing listener does not stop the others', () => {
    const ok = vi.fn();
    const stopBad = onPushMessage(() => {
      throw new Error('boom');
    });
    const stopOk = onPushMessage(ok);
    handleWorkerMessage({ type: 'push', payload }, vi.fn());
    expect(ok).toHaveBeenCalledOnce();
    stopBad();
    stopOk();
  });

  it('navigates only to in-app paths', () => {
    const go = vi.fn();
    handleWorkerMessage({ type: 'navigate', url: '/checkins/1?x=1' }, go);
    handleWorkerMessage({ type: 'navigate', url: 'https://evil.example/' }, go);
    handleWorkerMessage({ type: 'navigate', url: 42 }, go);
    handleWorkerMessage(null, go);
    handleWorkerMessage('push', go);
    expect(go.mock.calls).toEqual([['/checkins/1?x=1']]);
  });
});
