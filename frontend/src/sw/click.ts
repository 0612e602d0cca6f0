import { safeTargetUrl } from './policy';

declare const self: ServiceWorkerGlobalScope;

async function focusOrOpen(url: string): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows.find((c) => new URL(c.url).origin === self.location.origin);
  if (!existing) {
    await self.clients.openWindow(url);
    return;
  }
  const focused = await existing.focus();
  try {
    await focused.navigate(url);
  } catch {
    // navigate() refuses windows this worker does not control; let the page route itself.
    focused.postMessage({ type: 'navigate', url: new URL(url).pathname + new URL(url).search });
  }
}

export function setupNotificationClick(): void {
  self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const data = event.notification.data as { url?: unknown } | null;
    event.waitUntil(focusOrOpen(safeTargetUrl(data?.url, self.location.origin)));
  });
}
