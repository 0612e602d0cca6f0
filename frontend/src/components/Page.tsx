import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

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
  useEffect(() => {
    document.title = `${title} · Shoulder`;
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1}>{heading ?? title}</h1>
      {children}
    </>
  );
}
