import { LANGUAGES, type Language, locale, serverLanguage, setLocale, t } from '../i18n/i18n';

/**
 * The language switch for someone not signed in yet (landing, sign up, log in): the app
 * changes at once and this device remembers it; sign-up then sends it as the new account's
 * language. Signed in, the account screen's picker also tells the server.
 */
export function LanguageSwitch() {
  return (
    <div class="field language-switch">
      <label for="language-switch">{t('Language')}</label>
      <select
        id="language-switch"
        value={serverLanguage(locale.value)}
        onChange={(e) => void setLocale(e.currentTarget.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
