/**
 * The window's height, kept up to date: for the few layout choices CSS alone cannot make because
 * they change what is drawn (the help call's status in the help button on a short screen).
 */
import { useSyncExternalStore } from 'react';

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
