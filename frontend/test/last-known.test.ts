import { beforeEach, describe, expect, it } from 'vitest';
import { OfflineError } from '../src/api/client';
import { auth } from '../src/auth/state';
import { LAST_KNOWN_KEY, lastKnownUser, recall, remember, watchSignOut, withLastKnown } from '../src/pwa/lastKnown';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const signIn = (id: string) => {
  auth.value = { status: 'authenticated', user: { id, display: id }, pending: [] };
};

describe('the last known home, per person', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
    auth.value = { status: 'loading', user: null, pending: [] };
  });

  it('gives back only what the person signed in now kept', () => {
    signIn('ana');
    remember('home', { hi: 'Ana' });
    expect(recall('home')).toEqual({ hi: 'Ana' });
    expect(lastKnownUser()?.id).toBe('ana');
    signIn('bea');
    expect(recall('home')).toBeNull();
    remember('home', { hi: 'Bea' });
    expect(recall('home')).toEqual({ hi: 'Bea' });
  });

  it('answers offline with what it knew, and passes other errors on', async () => {
    signIn('ana');
    await withLastKnown('circles', async () => ['tuesday']);
    expect(await withLastKnown('circles', () => Promise.reject(new OfflineError()))).toEqual(['tuesday']);
    await expect(withLastKnown('home', () => Promise.reject(new OfflineError()))).rejects.toBeInstanceOf(OfflineError);
    await expect(withLastKnown('circles', () => Promise.reject(new Error('500')))).rejects.toThrow('500');
  });

  it('is wiped when the device is signed out, or someone else signs in', () => {
    watchSignOut();
    signIn('ana');
    remember('home', 1);
    auth.value = { status: 'anonymous', user: null, pending: [] };
    expect(localStorage.getItem(LAST_KNOWN_KEY)).toBeNull();
    signIn('ana');
    remember('home', 1);
    signIn('bea');
    expect(localStorage.getItem(LAST_KNOWN_KEY)).toBeNull();
  });
});
