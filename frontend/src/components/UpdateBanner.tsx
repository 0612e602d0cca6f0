import { t } from '../i18n/i18n';
import { applyUpdate, waitingWorker } from '../pwa/register';

export function UpdateBanner() {
  if (!waitingWorker.value) return null;
  return (
    <div class="banner" role="status">
      <p>{t('A new version is ready')}</p>
      <button type="button" class="button button--quiet button--inline" onClick={applyUpdate}>
        {t('Reload')}
      </button>
    </div>
  );
}
