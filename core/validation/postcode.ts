/**
 * Spanish postcodes: five digits whose first two are the province, 01 (Álava) to 52 (Melilla).
 */
import type { FieldValidation } from './result.js';

/** Validates a Spanish postcode, ignoring spaces. */
export function validatePostcode(raw: string): FieldValidation {
  const value = raw.replace(/\s/g, '');
  if (value === '') return { ok: false, code: 'empty' };
  if (!/^[0-9]{5}$/.test(value)) return { ok: false, code: 'postcode-format' };
  const province = Number(value.slice(0, 2));
  return province >= 1 && province <= 52 ? { ok: true, value } : { ok: false, code: 'postcode-province' };
}
