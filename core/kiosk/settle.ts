/**
 * A new screen ignores presses for a moment after it appears (issue 13): a second tap meant for
 * the screen before (a double tap, a tremor, a finger resting) must not act on a screen the
 * senior has not yet seen. Irreversible actions add a confirmation on top of this. The rule
 * itself is core/kiosk/press-gate.ts.
 */

/** How long a new screen ignores presses, by default (ms). */
export const defaultSettleMs = 400;

/** The longest settle time a kiosk may be configured with: longer, and a senior's deliberate tap is lost. */
export const maximumSettleMs = 2000;

/**
 * Set on the document's root element (`<html>`) while the current screen is settling; removed
 * when presses count again. Tests and the kiosk bench wait for it to go before they tap.
 */
export const settlingAttribute = 'data-settling';

/**
 * The settle time asked for in the page's fragment (`settle=0` … `settle=2000`), if any: tests
 * that walk hundreds of screens set 0; the tests of the settle time itself use the default.
 * Anything else is ignored, with the default kept.
 */
export function settleMsFromFragment(fragment: string): number | undefined {
  const match = /(?:^#?|&)settle=(\d{1,4})(?:&|$)/.exec(fragment);
  if (!match) return undefined;
  const ms = Number(match[1]);
  return ms <= maximumSettleMs ? ms : undefined;
}
