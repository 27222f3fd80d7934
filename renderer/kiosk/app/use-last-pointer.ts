/**
 * Where the last finger landed on the kiosk, for placing a question away from it (a confirmation
 * sheet opens on the other half of the screen). A key press that acts (Enter, Space) forgets it:
 * then there is no finger to keep clear of.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { ScreenPoint } from '../../../core/kiosk/confirm-place.js';

/** The last pointer-down point, or undefined after a key press or before any touch. */
export function useLastPointer(): RefObject<ScreenPoint | undefined> {
  const lastPointer = useRef<ScreenPoint | undefined>(undefined);
  useEffect(() => {
    const note = (event: PointerEvent): void => {
      lastPointer.current = { x: event.clientX, y: event.clientY };
    };
    const forget = (event: KeyboardEvent): void => {
      if (event.key === 'Enter' || event.key === ' ') lastPointer.current = undefined;
    };
    window.addEventListener('pointerdown', note, true);
    window.addEventListener('keydown', forget, true);
    return () => {
      window.removeEventListener('pointerdown', note, true);
      window.removeEventListener('keydown', forget, true);
    };
  }, []);
  return lastPointer;
}
