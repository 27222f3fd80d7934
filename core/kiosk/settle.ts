/**
 * A new screen ignores presses for a moment after it appears (issue 13): a second tap meant for
 * the screen before (a double tap, a tremor, a finger resting) must not act on a screen the
 * senior has not yet seen. Irreversible actions add a confirmation on top of this.
 */

/** How long a new screen ignores presses, by default (ms). */
export const defaultSettleMs = 400;

/**
 * Set on the document's root element (`<html>`) while the current screen is settling; removed
 * when presses count again. Tests and the kiosk bench wait for it to go before they tap.
 */
export const settlingAttribute = 'data-settling';

/** Whether a press at `now` counts on a screen shown at `shownAt`. */
export function pressCounts(shownAt: number, now: number, settleMs: number): boolean {
  return now - shownAt >= settleMs;
}
