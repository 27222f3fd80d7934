/**
 * How a stored typed answer is shown back to the senior: as they write it, not as the code keeps
 * it. Dates are kept as ISO `1950-02-01` (core/validation/date.ts) but a Spaniard reads and types
 * `01/02/1950`, on the review screen and in the field "Corregir" opens again.
 */
import type { InputFormat } from '../procedure/schema.js';

/** The answer as the senior would write it; unchanged for every format but dates. */
export function displayAnswer(format: InputFormat, value: string): string {
  if (format !== 'date') return value;
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}
