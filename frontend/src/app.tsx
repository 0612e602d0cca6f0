import type { ComponentType } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
// Subpath imports: the package index also pulls in prerendering and hydration.
import lazy from 'preact-iso/lazy';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router';
import { mayHaveSession, signedInHereBefore } from './auth/device';
import { auth } from './auth/state';
import { Header } from './components/Header';
import { InstallPrompt } from './components/InstallPrompt';
import { OfflineNotice } from './components/OfflineNotice';
import { UpdateBanner } from './components/UpdateBanner';
import { decide } from './guard';
import { t } from './i18n/i18n';
import { SuspendedBanner } from './moderation/SuspendedBanner';
import { Landing } from './pages/Landing';
import { APP_SCOPE, navigate, routablePath, setRouteFn } from './router';
import { notFound, type RouteDef, routes } from './routes';

/** preact-iso's scope test, also refusing links whose path it could not decode. */
const scope = { test: (href: string) => APP_SCOPE.test(href) && routablePath(href.split(/[?#]/)[0]!) } as RegExp;

/**
 * A route's page behind its guard (signed in / signed out / public). The page chunk loads
 * lazily; a chunk that can't be fetched (offline, stale deploy) shows the offline notice.
 */
function guarded(route: RouteDef): ComponentType<{ params?: Record<string, string> }> {
  const Page = lazy(() => route.load().catch(() => ({ default: OfflineNotice })));
  return function Guarded({ params, path }: { params?: Record<string, string>; path?: string }) {
    const location = useLocation();
    const here = location.url.split('#')[0]!;
    const query = new URLSearchParams(here.includes('?') ? here.slice(here.indexOf('?')) : '');
    const decision = decide(route.access, auth.value, here, query.get('next'), {
      signedInBefore: signedInHereBefore(),
      hasSession: mayHaveSession(),
    });
    // While the next page's chunk loads, the router still shows this one: it is leaving,
    // and must not redirect from the new address.
    const leaving = path !== undefined && path !== location.path;
    const to = decision.kind === 'redirect' && !leaving ? decision.to : null;
    useEffect(() => {
      if (to) navigate(to, { replace: true });
    }, [to]);
    if (decision.kind === 'offline') return <OfflineNotice />;
    if (decision.kind === 'landing') return <Landing />;
    if (decision.kind !== 'render') {
      return (
        <p class="waiting" role="status">
          {t('One moment…')}
        </p>
      );
    }
    return <Page params={params ?? {}} query={query} />;
  };
}

const pages = routes.map((route) => ({ pattern: route.pattern, component: guarded(route) }));
const NotFound = guarded(notFound);

function Shell() {
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const { path, route } = useLocation();
  setRouteFn(route);

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
        {t('Skip to content')}
      </a>
      <Header />
      <UpdateBanner />
      <SuspendedBanner path={path} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Router>
          {pages.map((p) => (
            <Route key={p.pattern} path={p.pattern} component={p.component} />
          ))}
          <Route default component={NotFound} />
        </Router>
      </main>
      <footer class="footer">
        <InstallPrompt />
        <nav aria-label={t('More')}>
          {signedIn && <a href="/account">{t('Your account')}</a>}
          <a href="/about">{t('Gentle reminders')}</a>
          <a href="/crisis">{t('Crisis resources')}</a>
        </nav>
      </footer>
    </div>
  );
}

export function App() {
  return (
    <LocationProvider scope={scope}>
      <Shell />
    </LocationProvider>
  );
}
