import { parsePushPayload } from '../pwa/payload';
import { notificationOptions } from './policy';

declare const self: ServiceWorkerGlobalScope;

export function setupPush(): void {
  self.addEventListener('push', (event) => {
    let text: string | null = null;
    try {
      text = event.data?.text() ?? null;
    } catch {
      text = null;
    }
    const payload = parsePushPayload(text);
    event.waitUntil(
      Promise.all([
        self.registration.showNotification(payload.title, notificationOptions(payload)),
        self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
          for (const c of clients) c.postMessage({ type: 'push', payload });
        }),
      ]),
    );
  });
}
