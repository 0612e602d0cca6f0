import { describe, expect, it } from 'vitest';
import { isIos, isIosSafari } from '../src/pwa/platform';
import { timeZoneOptions } from '../src/timezones';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

describe('platform', () => {
  it('detects iOS Safari, including iPadOS in desktop mode', () => {
    expect(isIosSafari(IPHONE_SAFARI, 'iPhone', 5)).toBe(true);
    expect(isIosSafari(IPAD_DESKTOP_MODE, 'MacIntel', 5)).toBe(true);
  });

  it('does not show the Safari guide elsewhere', () => {
    expect(isIosSafari(IPHONE_CHROME, 'iPhone', 5)).toBe(false);
    expect(isIosSafari(IPAD_DESKTOP_MODE, 'MacIntel', 0)).toBe(false);
    expect(isIos(ANDROID, 'Linux armv8l', 5)).toBe(false);
  });
});

describe('time zones', () => {
  it('always offers the current zone and UTC, sorted', () => {
    expect(timeZoneOptions('Mars/Olympus', ['Europe/Berlin', 'America/New_York'])).toEqual([
      'America/New_York',
      'Europe/Berlin',
      'Mars/Olympus',
      'UTC',
    ]);
  });
});
