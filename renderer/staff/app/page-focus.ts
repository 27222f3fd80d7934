/**
 * Where the keyboard focus goes when the console shows another page. Without this, signing in or
 * following a link leaves the focus on `<body>` (the control that had it is gone), and a keyboard
 * or screen-reader user starts over from the top of an unknown page.
 */
import { useEffect, useRef } from 'react';

/** How long a page may take to show its heading (the editor loads its procedure first). */
const headingWaitMs = 10_000;

/** Focuses `element`, making it focusable by script first if it is not (a heading, a section). */
export function focusElement(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}

/**
 * Focuses the page's main heading (`#main h1`) once it is on the page, waiting for it for a
 * while. If the focus moves somewhere on its own meanwhile (the page focused a field, staff
 * clicked), it is left there. Returns a function that stops waiting.
 */
function focusHeadingWhenShown(root: Document = document): () => void {
  const before = root.activeElement;
  const moved = (): boolean => {
    const active = root.activeElement;
    return active !== null && active !== before && active !== root.body && active.id !== 'main';
  };
  const attempt = (): boolean => {
    if (moved()) return true;
    const heading = root.querySelector<HTMLElement>('#main h1');
    if (!heading) return false;
    focusElement(heading);
    return true;
  };
  if (attempt()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (attempt()) stop();
  });
  const timer = window.setTimeout(() => stop(), headingWaitMs);
  function stop(): void {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(root.body, { childList: true, subtree: true });
  return stop;
}

/**
 * Moves the focus to the new page's heading whenever `page` (the shown page's address, or
 * `undefined` while signed out) changes: after signing in and after every move between pages.
 * A page opened afresh (typed address, reload, bookmark) keeps the browser's own start at the
 * top, where the skip links are.
 */
export function useFocusOnPageChange(page: string | undefined): void {
  const opened = useRef(false);
  useEffect(() => {
    const fresh = !opened.current;
    opened.current = true;
    if (page === undefined || fresh) return undefined;
    return focusHeadingWhenShown();
  }, [page]);
}
