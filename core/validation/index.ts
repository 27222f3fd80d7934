/**
 * Validates a typed answer by the format a procedure's `input` step declares, plus the step's
 * own `pattern` when it has one.
 */
import type { InputFormat } from '../procedure/schema.js';
import { validateDate } from './date.js';
import { validateDniOrNie } from './identity-document.js';
import { validatePhone } from './phone.js';
import { validatePostcode } from './postcode.js';
import type { FieldValidation } from './result.js';

export type { FieldValidation } from './result.js';
export { describeError, inputErrorCodes, messageLanguageFor, type InputErrorCode } from './messages.js';

/** The longest free-text answer accepted; nothing a senior types at a kiosk needs more. */
export const maxAnswerLength = 200;

/**
 * The longest answer a script's own `pattern` is tried on. The kiosk cannot stop a regular
 * expression once it runs, and a backtracking pattern's time grows with the answer's length
 * (polynomially for some, exponentially for `(a|aa)+`). The hub refuses catastrophic patterns
 * when staff check, save or publish a script (core/procedure/pattern-safety.ts) and leaves them
 * out of what it serves if an older version holds one; this cap keeps any pattern the analyser
 * let through (at worst a few backtracks per letter) to microseconds. Patterns describe codes a
 * senior types (a 13-digit reference, an IBAN of 24 to 34 characters), all far shorter.
 */
export const maxPatternAnswerLength = 64;

/** What an input step asks of its answer. */
export interface FieldRules {
  format: InputFormat;
  pattern?: string | undefined;
}

/** Validates one typed answer and returns its tidied value or the reason it was refused. */
export function validateField(raw: string, rules: FieldRules): FieldValidation {
  if (raw.length > maxAnswerLength) return { ok: false, code: 'too-long' };
  const result = validateByFormat(raw, rules.format);
  if (!result.ok || rules.pattern === undefined) return result;
  if (result.value.length > maxPatternAnswerLength) return { ok: false, code: 'too-long' };
  return new RegExp(rules.pattern, 'u').test(result.value) ? result : { ok: false, code: 'pattern' };
}

function validateByFormat(raw: string, format: InputFormat): FieldValidation {
  switch (format) {
    case 'dni-nie':
      return validateDniOrNie(raw);
    case 'postcode':
      return validatePostcode(raw);
    case 'phone':
      return validatePhone(raw);
    case 'mobile':
      return validatePhone(raw, true);
    case 'date':
      return validateDate(raw);
    case 'number': {
      const value = raw.replace(/\s/g, '');
      if (value === '') return { ok: false, code: 'empty' };
      return /^[0-9]+$/.test(value) ? { ok: true, value } : { ok: false, code: 'number-format' };
    }
    case 'text': {
      const value = raw.trim().replace(/\s+/g, ' ');
      return value === '' ? { ok: false, code: 'empty' } : { ok: true, value };
    }
  }
}
