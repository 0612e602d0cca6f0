/// <reference lib="webworker" />
import type { PrecacheEntry } from 'workbox-precaching';
import { setupCaching } from './sw/caching';
import { setupNotificationClick } from './sw/click';
import { setupPush } from './sw/push';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

setupCaching(self.__WB_MANIFEST);
setupPush();
setupNotificationClick();

// An update waits until the page asks ("A new version is ready — Reload").
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// First install: take control right away so the shell works offline without a reload.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});
