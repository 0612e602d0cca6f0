import { useEffect, useRef } from 'preact/hooks';
import { onPushMessage } from '../pwa/messages';

/**
 * Calls `refresh` when something may have changed: a push arrived (`onPushMessage`), or the app came back to the foreground.
 * With `everyMs`, also now and then while the screen is visible — for phones without push.
 */
export function useLiveRefresh(refresh: () => void, everyMs?: number): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const run = () => latest.current();
    const offPush = onPushMessage(run);
    const onVisible = () => {
      if (document.visibilityState === 'visible') run();
    };
    document.addEventListener('visibilitychange', onVisible);
    const timer = everyMs
      ? window.setInterval(() => {
          if (document.visibilityState === 'visible' && navigator.onLine !== false) run();
        }, everyMs)
      : undefined;
    return () => {
      offPush();
      document.removeEventListener('visibilitychange', onVisible);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [everyMs]);
}
