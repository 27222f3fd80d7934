/**
 * Moving between a screen's controls without seeing them (issue 17). The controls are taken in
 * the screen's reading order (the order the fit work lays them out in, which is the DOM's); a new
 * screen starts with none reached, so its instruction is heard first. Moving past the last control
 * goes round to the first (scanning with one switch needs that), and the senior is told so.
 */

/** Where the focus is: the index of the control reached, or none yet. */
export type FocusIndex = number | undefined;

/** The result of one move. */
export interface FocusMove {
  /** The control reached; undefined when the screen has no controls. */
  index: FocusIndex;
  /** The move went round an end of the screen (the kiosk says "Principio de la pantalla"). */
  wrapped: boolean;
}

/**
 * One step forward (`+1`) or back (`-1`) over `count` controls from `from`. From none, forward
 * reaches the first and back the last. A focus past the end (controls went away) counts from the end.
 */
export function moveFocus(from: FocusIndex, step: 1 | -1, count: number): FocusMove {
  if (count <= 0) return { index: undefined, wrapped: false };
  if (from === undefined) return { index: step === 1 ? 0 : count - 1, wrapped: false };
  const start = Math.min(Math.max(from, -1), count);
  const target = start + step;
  if (target >= count) return { index: 0, wrapped: true };
  if (target < 0) return { index: count - 1, wrapped: true };
  return { index: target, wrapped: false };
}
