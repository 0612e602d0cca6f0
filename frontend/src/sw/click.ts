import { focusOrOpen, safeTargetUrl } from './policy';

declare const self: ServiceWorkerGlobalScope;

export function setupNotificationClick(): void {
  self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const data = event.notification.data as { url?: unknown } | null;
    const origin = self.location.origin;
    event.waitUntil(focusOrOpen(self.clients, safeTargetUrl(data?.url, origin), origin));
  });
}
