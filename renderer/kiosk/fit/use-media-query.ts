/**
 * Whether a CSS media query matches the window now, kept up to date: for the few layout choices
 * CSS alone cannot make because they change what is drawn (the help call's status in the help
 * button on a short screen).
 */
import { useCallback, useSyncExternalStore } from 'react';

/** `query` matches now (false where there is no window, as in a test without a DOM). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (typeof window === 'undefined') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => typeof window !== 'undefined' && window.matchMedia(query).matches,
    () => false,
  );
}

const subscribeToResize = (changed: () => void): (() => void) => {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('resize', changed);
  return () => window.removeEventListener('resize', changed);
};

/** The window's height in CSS px, kept up to date (0 where there is no window). */
export function useViewportHeight(): number {
  return useSyncExternalStore(
    subscribeToResize,
    () => (typeof window === 'undefined' ? 0 : window.innerHeight),
    () => 0,
  );
}
