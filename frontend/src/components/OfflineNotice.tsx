import { t } from '../i18n/i18n';
import { Page } from './Page';

/** Shown when we can't reach Shoulder. Lives in the main bundle so it never needs the network. */
export function OfflineNotice() {
  return (
    <Page title={t("You're offline")}>
      <p class="lead">{t("We can't reach Shoulder right now.")}</p>
      <p>
        {t(
          'Check your Wi-Fi or mobile data, then try again. Your friends are still there — you can call or text them from your phone as usual.',
        )}
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => window.location.reload()}>
          {t('Try again')}
        </button>
        <a class="button button--quiet" href="/crisis">
          {t('See crisis resources')}
        </a>
      </div>
    </Page>
  );
}
