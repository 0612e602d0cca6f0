import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `refresh` when something may have changed: a push arrived (the service worker
 * forwards it as a `{type: 'push'}` message), or the app came back to the foreground.
 * With `everyMs`, also now and then while the screen is visible — for phones without push.
 */
export function useLiveRefresh(refresh: () => void, everyMs?: number): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const run = () => latest.current();
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown } | null;
      if (data?.type === 'push') run();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') run();
    };
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
    sw?.addEventListener('message', onMessage);
    document.addEventListener('visibilitychange', onVisible);
    const timer = everyMs
      ? window.setInterval(() => {
          if (document.visibilityState === 'visible' && navigator.onLine !== false) run();
        }, everyMs)
      : undefined;
    return () => {
      sw?.removeEventListener('message', onMessage);
      document.removeEventListener('visibilitychange', onVisible);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [everyMs]);
}
