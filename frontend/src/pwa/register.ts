import { signal } from '@preact/signals';
import { navigate } from '../router';
import { handleWorkerMessage } from './messages';
import { isIosSafari } from './platform';

/** Chrome's install event (not in TypeScript's DOM lib). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** A worker with a new version waiting to take over. */
export const waitingWorker = signal<ServiceWorker | null>(null);
/** Set when the browser offers an install prompt we can trigger. */
export const installEvent = signal<BeforeInstallPromptEvent | null>(null);
export const isStandalone = signal(false);
export const showIosGuide = signal(false);

export function startPwa(): void {
  isStandalone.value =
    window.matchMedia('(display-mode: standalone)').matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;

  showIosGuide.value =
    !isStandalone.value && isIosSafari(navigator.userAgent, navigator.platform, navigator.maxTouchPoints);

  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    installEvent.value = event as BeforeInstallPromptEvent;
  });
  window.addEventListener('appinstalled', () => {
    installEvent.value = null;
    isStandalone.value = true;
  });

  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    void registerWorker();
  }
}

export async function promptInstall(): Promise<void> {
  const event = installEvent.value;
  if (!event) return;
  installEvent.value = null;
  await event.prompt();
  await event.userChoice.catch(() => undefined);
}

/** "Reload" on the update banner: let the waiting worker take over, then reload once. */
export function applyUpdate(): void {
  const worker = waitingWorker.value;
  if (!worker) {
    window.location.reload();
    return;
  }
  worker.postMessage({ type: 'SKIP_WAITING' });
}

async function registerWorker(): Promise<void> {
  const sw = navigator.serviceWorker;
  const hadController = !!sw.controller;
  let reloading = false;

  sw.addEventListener('controllerchange', () => {
    // The first install claims the page; only a real update needs a reload.
    if (!hadController || reloading) return;
    reloading = true;
    window.location.reload();
  });

  sw.addEventListener('message', (event: MessageEvent) => handleWorkerMessage(event.data, navigate));
  sw.startMessages();

  let registration: ServiceWorkerRegistration;
  try {
    registration = await sw.register('/sw.js', { scope: '/' });
  } catch {
    return; // No worker (e.g. private mode): the app still works online.
  }

  const track = (worker: ServiceWorker | null) => {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) waitingWorker.value = worker;
    });
  };

  if (registration.waiting && sw.controller) waitingWorker.value = registration.waiting;
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));

  // Look for a new version now and then, e.g. when the app comes back to the foreground.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
  });
}
