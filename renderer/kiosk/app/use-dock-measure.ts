/**
 * Measures the kiosk's top bar and its dock (step bar, help panel, help button) into the CSS
 * variables `--bar-height` and `--dock-height`: the page reserves the dock's height at its end,
 * and a step's area is the screen less the bar and the dock. Measured, because both grow with
 * the text size and the help panel, and the step pages itself into what is left.
 */
import { useEffect, useRef, type RefObject } from 'react';

/** The refs to put on the bar and the dock; the variables follow their sizes while mounted. */
export function useDockMeasure(): { barRef: RefObject<HTMLElement | null>; dockRef: RefObject<HTMLDivElement | null> } {
  const dockRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const dock = dockRef.current;
    const bar = barRef.current;
    if (!dock || !bar || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--dock-height', `${Math.ceil(dock.getBoundingClientRect().height)}px`);
      root.style.setProperty('--bar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    });
    observer.observe(dock);
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--dock-height');
      root.style.removeProperty('--bar-height');
    };
  }, []);
  return { barRef, dockRef };
}
