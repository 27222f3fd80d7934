/**
 * Spanish phone numbers: nine digits, starting with 6 or 7 for mobiles and 8 or 9 for landlines,
 * optionally written with +34 or 0034 in front.
 */
import type { FieldValidation } from './result.js';

/** Validates a Spanish phone number and returns its nine digits; `mobileOnly` refuses landlines. */
export function validatePhone(raw: string, mobileOnly = false): FieldValidation {
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (compact === '') return { ok: false, code: 'empty' };
  const value = compact.replace(/^(\+34|0034)(?=[0-9]{9}$)/, '');
  if (!/^[6789][0-9]{8}$/.test(value)) return { ok: false, code: 'phone-format' };
  if (mobileOnly && !/^[67]/.test(value)) return { ok: false, code: 'phone-not-mobile' };
  return { ok: true, value };
}
