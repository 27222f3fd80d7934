/**
 * Where a confirmation sheet goes (issue 13): in the half of the screen away from the tap that
 * opened it, so a second tap landing where the first one did cannot answer "Sí".
 */

/** A point on the screen, in CSS px from the top left of the viewport. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** `start`: against the top; `end`: against the bottom (above the help button); `center`: no tap to avoid. */
export type SheetPlace = 'start' | 'end' | 'center';

/** The sheet's place for a tap at `from` on a viewport `height` px tall. */
export function placeAwayFrom(from: ScreenPoint | undefined, height: number): SheetPlace {
  if (from === undefined) return 'center';
  return from.y >= height / 2 ? 'start' : 'end';
}
