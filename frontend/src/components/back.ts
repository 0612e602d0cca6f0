/**
 * Where "Back" goes from a screen that is not a top screen. The installed app (iOS standalone
 * above all) has no browser back button, so every such screen carries its own. Pure.
 */

/** Top screens: the places a person starts from, with nothing to go back to. */
const TOP = new Set(['/', '/login', '/signup', '/goodbye']);

export function isTopScreen(path: string): boolean {
  return TOP.has(path.replace(/\/+$/, '') || '/');
}

/** The screen a screen belongs to, for when there is no earlier screen of the app to return to. */
export function parentOf(path: string): string {
  const clean = path.replace(/\/+$/, '') || '/';
  const parts = clean.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (first === 'checkins' && second && third === 'notes') return `/checkins/${second}`;
  if (first === 'circles' && second && second !== 'new' && third) return `/circles/${second}`;
  if (first === 'account' && second) return '/account';
  if (first === 'settings' || first === 'reports') return '/account';
  if (first === 'login' && second) return '/login';
  if (first === 'password') return '/login';
  return '/';
}
