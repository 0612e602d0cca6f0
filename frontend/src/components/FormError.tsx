import { t } from '../i18n/i18n';
import { isSuspensionMessage, STANDING_PATH } from '../moderation/suspension';

/** The server's plain sentence, announced to screen readers. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p class="alert" role="alert">
      {message}
      {isSuspensionMessage(message) && (
        <>
          {' '}
          <a href={STANDING_PATH}>{t('See why, and appeal')}</a>
        </>
      )}
    </p>
  );
}
