import { cleanupOutdatedCaches, matchPrecache, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { isAppNavigation } from './policy';

declare const self: ServiceWorkerGlobalScope;

export function setupCaching(manifest: Array<PrecacheEntry | string>): void {
  cleanupOutdatedCaches();
  // directoryIndex '' keeps `/` out of the precache route: page loads go to
  // the network first so Django can set the CSRF cookie and CSP.
  precacheAndRoute(manifest, { directoryIndex: '', cleanURLs: false });

  // Navigations are never cached; offline they get the precached shell and
  // the app routes on the client (so /crisis works offline).
  const shell = new NetworkOnly({
    networkTimeoutSeconds: 10,
    plugins: [{ handlerDidError: async () => (await matchPrecache('/index.html')) ?? undefined }],
  });
  registerRoute(({ request, url }) => isAppNavigation(request, url, self.location.origin), shell);
  // Nothing else is routed: /api/, /_allauth/, /admin/ and /static/ requests
  // (and any other non-precached URL) go straight to the network untouched.
}
