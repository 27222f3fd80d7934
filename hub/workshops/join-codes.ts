/**
 * Join codes: short enough to type on the kiosk's keypad, unique among the workshops not ended
 * (the database's partial unique index decides; a clash is drawn again). Four digits first; only
 * when draws keep clashing (thousands running at once across a city) five, then six.
 */

/** How many draws of each length before a longer code is tried. */
const drawsPerLength = 8;

/** How many draws in all before starting a workshop gives up (a 503-worthy state of the world). */
export const joinCodeDraws = drawsPerLength * 3;

/** The length of the `round`-th draw: 4 digits, then 5, then 6. */
export function joinCodeLength(round: number): number {
  return Math.min(6, 4 + Math.floor(round / drawsPerLength));
}

/**
 * A code of `length` digits from `randomInt` (crypto's, passed in: `randomInt(max)` gives 0 to
 * max − 1). Never starting with 0, so a code read aloud or copied into a spreadsheet keeps its digits.
 */
export function drawJoinCode(length: number, randomInt: (max: number) => number): string {
  const low = 10 ** (length - 1);
  return String(low + randomInt(9 * low));
}
