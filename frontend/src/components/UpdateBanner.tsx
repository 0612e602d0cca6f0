import { applyUpdate, waitingWorker } from '../pwa/register';

export function UpdateBanner() {
  if (!waitingWorker.value) return null;
  return (
    <div class="banner" role="status">
      <p>A new version is ready</p>
      <button type="button" class="button button--quiet button--inline" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}
