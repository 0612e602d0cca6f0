import { useState } from 'preact/hooks';
import { me, saveMe } from '../auth/me';
import { LANGUAGES, type Language, locale, serverLanguage, setLocale, t } from '../i18n/i18n';

/** The language switch: the app changes at once; the server learns it for pushes and emails. */
export function LanguagePicker() {
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
    <div class="field">
      <label for="language">{t('Language')}</label>
      <p class="hint" id="language-hint">
        {t('What Shoulder says to you, on this device and in notifications and emails.')}
      </p>
      <select
        id="language"
        aria-describedby="language-hint"
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
