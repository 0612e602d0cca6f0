import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { auth } from './auth/state';
import { Header } from './components/Header';
import { InstallPrompt } from './components/InstallPrompt';
import { OfflineNotice } from './components/OfflineNotice';
import { UpdateBanner } from './components/UpdateBanner';
import { decide } from './guard';
import { location, matchRoute, navigate, query } from './router';
import { notFound, routes, type PageProps, type RouteDef } from './routes';

const loaded = new Map<RouteDef, ComponentType<PageProps>>();

/** Loads a route's page chunk; `failed` when the chunk can't be fetched (offline, stale deploy). */
function usePage(route: RouteDef): { Page: ComponentType<PageProps> | null; failed: boolean } {
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState<RouteDef | null>(null);
  useEffect(() => {
    if (loaded.has(route)) return;
    let live = true;
    route
      .load()
      .then((mod) => {
        loaded.set(route, mod.default);
        if (live) setTick((n) => n + 1);
      })
      .catch(() => {
        if (live) setFailed(route);
      });
    return () => {
      live = false;
    };
  }, [route]);
  return { Page: loaded.get(route) ?? null, failed: failed === route };
}

function RouteView() {
  const loc = location.value;
  const state = auth.value;
  const match = matchRoute(routes, loc.path);
  const route = match?.route ?? notFound;
  const params = match?.params ?? {};
  const q = query(loc);
  const decision = decide(route.access, state, loc.path + loc.search, q.get('next'));
  const { Page, failed } = usePage(route);

  useEffect(() => {
    if (decision.kind === 'redirect') navigate(decision.to, { replace: true });
  }, [decision.kind === 'redirect' ? decision.to : null]);

  if (decision.kind === 'offline' || failed) return <OfflineNotice />;
  if (decision.kind !== 'render' || !Page) {
    return (
      <p class="waiting" role="status">
        One moment…
      </p>
    );
  }
  return <Page params={params} query={q} />;
}

export function App() {
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const path = location.value.path;

  // After a client-side navigation, move focus to the new page's heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.setTimeout(() => {
      const heading = mainRef.current?.querySelector<HTMLElement>('h1');
      (heading ?? mainRef.current)?.focus();
    }, 50);
    return () => window.clearTimeout(id);
  }, [path]);

  const signedIn = auth.value.status === 'authenticated';
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <UpdateBanner />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <RouteView />
      </main>
      <footer class="footer">
        <InstallPrompt />
        <nav aria-label="More">
          {signedIn && <a href="/account">Your account</a>}
          <a href="/about">Gentle reminders</a>
          <a href="/crisis">Crisis resources</a>
        </nav>
      </footer>
    </div>
  );
}
