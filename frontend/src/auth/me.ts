import { effect, signal } from '@preact/signals';
import { getMe, type Me, updateMe } from '../api/shoulder';
import { adoptProfileLanguage } from '../i18n/i18n';
import { auth } from './state';

/** The signed-in person's profile, loaded once and shared by the pages. */
export const me = signal<Me | null>(null);

let loading: Promise<Me> | null = null;

export function loadMe(force = false): Promise<Me> {
  if (me.value && !force) return Promise.resolve(me.value);
  loading ??= getMe()
    .then((value) => {
      me.value = value;
      adoptProfileLanguage(value.language);
      return value;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

export async function saveMe(
  changes: Partial<Pick<Me, 'display_name' | 'timezone' | 'language' | 'phone'>>,
): Promise<Me> {
  const value = await updateMe(changes);
  me.value = value;
  return value;
}

// Someone else may sign in next on this device: forget the profile on sign-out.
effect(() => {
  if (auth.value.status === 'anonymous') me.value = null;
});
