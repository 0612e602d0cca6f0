import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { t } from '../i18n/i18n';
import { navigate } from '../router';
import { isTopScreen, parentOf } from './back';

/** The Navigation API where the browser has it: it knows if the previous entry is ours. */
interface NavigationLike {
  canGoBack?: boolean;
}

/**
 * "Back" on every screen that is not a top screen. It goes to the previous screen of the app
 * when there is one, else to the screen this one belongs to (opened from a notification, or
 * a browser without the Navigation API).
 */
function BackLink({ path }: { path: string }) {
  if (isTopScreen(path)) return null;
  const onClick = (event: MouseEvent) => {
    // Ours alone: the router's own link handling would push the parent on top of this.
    event.preventDefault();
    event.stopPropagation();
    const nav = (window as Window & { navigation?: NavigationLike }).navigation;
    if (nav?.canGoBack) history.back();
    // Up to where it belongs, in place of this screen: "Back" never piles up history.
    else navigate(parentOf(path), { replace: true });
  };
  return (
    <a class="back-link" href={parentOf(path)} onClick={onClick}>
      <span aria-hidden="true" class="back-chevron" />
      {t('Back')}
    </a>
  );
}

/** Sets the document title; the h1 can take focus after a route change. */
export function Page({
  title,
  heading,
  children,
}: {
  title: string;
  heading?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { path } = useLocation();
  useEffect(() => {
    document.title = `${title} · Shoulder`;
  }, [title]);
  return (
    <>
      <BackLink path={path} />
      <h1 tabIndex={-1}>{heading ?? title}</h1>
      {children}
    </>
  );
}
