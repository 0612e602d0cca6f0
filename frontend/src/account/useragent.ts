import { t } from '../i18n/i18n';

/** "Firefox on Android" from a user agent string: browser and system, nothing finer. Pure. */
export function describeUserAgent(ua: string): string {
  const s = ua || '';
  let browser = t('A browser');
  if (/Edg(A|iOS)?\//.test(s)) browser = 'Edge';
  else if (/OPR\/|Opera/.test(s)) browser = 'Opera';
  else if (/SamsungBrowser\//.test(s)) browser = 'Samsung Internet';
  else if (/Firefox\/|FxiOS\//.test(s)) browser = 'Firefox';
  else if (/Chrome\/|CriOS\/|Chromium\//.test(s)) browser = 'Chrome';
  else if (/Safari\//.test(s) && /Version\//.test(s)) browser = 'Safari';
  else if (/python|curl|okhttp|Dart/i.test(s)) browser = t('An app');

  let system = '';
  if (/iPhone/.test(s)) system = 'iPhone';
  else if (/iPad/.test(s)) system = 'iPad';
  else if (/Android/.test(s)) system = 'Android';
  else if (/Windows/.test(s)) system = 'Windows';
  else if (/Mac OS X|Macintosh/.test(s)) system = 'Mac';
  else if (/CrOS/.test(s)) system = 'ChromeOS';
  else if (/Linux/.test(s)) system = 'Linux';
  return system ? t('{browser} on {system}', { browser, system }) : browser;
}
