/**
 * Spanish identity numbers: the DNI (8 digits and a check letter) and the NIE for foreign
 * residents (X, Y or Z, 7 digits and a check letter). The check letter is the remainder of the
 * number divided by 23, looked up in a fixed table, which catches most typing slips.
 */
import type { FieldValidation } from './result.js';

const checkLetters = 'TRWAGMYFPDXBNJZSQVHLCKE';
const niePrefixDigit: Record<string, string> = { X: '0', Y: '1', Z: '2' };

/** The check letter of an 8-digit number (for a NIE, the prefix already turned into its digit). */
export function checkLetterFor(digits: string): string {
  return checkLetters.charAt(Number(digits) % 23);
}

/** Validates a DNI or NIE as typed (spaces, dots, dashes and case ignored) and returns it as `12345678Z` / `X1234567L`. */
export function validateDniOrNie(raw: string): FieldValidation {
  const value = raw.toUpperCase().replace(/[\s.-]/g, '');
  if (value === '') return { ok: false, code: 'empty' };
  const dni = /^([0-9]{8})([A-Z])$/.exec(value);
  if (dni) {
    const [, digits, letter] = dni as unknown as [string, string, string];
    return checkLetterFor(digits) === letter ? { ok: true, value } : { ok: false, code: 'dni-letter' };
  }
  const nie = /^([XYZ])([0-9]{7})([A-Z])$/.exec(value);
  if (nie) {
    const [, prefix, digits, letter] = nie as unknown as [string, string, string, string];
    return checkLetterFor(`${niePrefixDigit[prefix] ?? ''}${digits}`) === letter ? { ok: true, value } : { ok: false, code: 'nie-letter' };
  }
  return { ok: false, code: 'dni-nie-format' };
}
