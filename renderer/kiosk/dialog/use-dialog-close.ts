/**
 * What every kiosk sheet over the screen does as it opens (the glossary's meaning, the help
 * call in full, "Más opciones"): the focus goes to the button that closes it, so a keyboard or a
 * switch starts there, and Escape closes it. The latest `onClose` is used, without re-running
 * the effect (which would move the focus again on every render).
 */
import { useEffect, useRef, type RefObject } from 'react';

/** Focuses the returned button's element once, on opening, and closes on Escape. */
export function useDialogClose<Target extends HTMLElement = HTMLButtonElement>(onClose: () => void): RefObject<Target | null> {
  const first = useRef<Target>(null);
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  }, [onClose]);
  useEffect(() => {
    first.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') latestClose.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return first;
}
