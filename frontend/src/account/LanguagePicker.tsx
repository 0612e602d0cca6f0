import { useState } from 'preact/hooks';
import { me, saveMe } from '../auth/me';
import { LANGUAGES, type Language, locale, serverLanguage, setLocale, t } from '../i18n/i18n';

/**
 * The language switch: the app changes at once and this device remembers it; signed in, the
 * server learns it for pushes and emails. `beforeSignIn` (landing, sign up, log in): the
 * short form, whose choice sign-up then sends as the new account's language.
 */
export function LanguagePicker({ beforeSignIn = false }: { beforeSignIn?: boolean }) {
  const id = beforeSignIn ? 'language-switch' : 'language';
  const [failed, setFailed] = useState(false);

  async function choose(code: Language) {
    setFailed(false);
    await setLocale(code);
    if (!me.value) return;
    try {
      await saveMe({ language: code });
    } catch {
      setFailed(true);
    }
  }

  return (
    <div class={beforeSignIn ? 'field language-switch' : 'field'}>
      <label for={id}>{t('Language')}</label>
      {!beforeSignIn && (
        <p class="hint" id="language-hint">
          {t('What Shoulder says to you, on this device and in notifications and emails.')}
        </p>
      )}
      <select
        id={id}
        aria-describedby={beforeSignIn ? undefined : 'language-hint'}
        value={serverLanguage(locale.value)}
        onChange={(e) => void choose((e.currentTarget as HTMLSelectElement).value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      {failed && (
        <p class="error" role="alert">
          {t('Could not save your language. Try again.')}
        </p>
      )}
    </div>
  );
}
