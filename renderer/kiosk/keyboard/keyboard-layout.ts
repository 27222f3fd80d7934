/**
 * The on-screen keyboard's keys for each typed-answer format, and the tremor filter. Pure, so
 * the rows and the 500 ms rule are tested without a browser.
 */
import type { InputFormat } from '../../../core/procedure/schema.js';

/**
 * A key: a character typed as is, one of the two action keys, or the key that turns to the
 * keyboard's other page (letters ↔ digits) on a short screen.
 */
export type Key = { kind: 'char'; char: string } | { kind: 'erase' } | { kind: 'space' } | { kind: 'page'; to: number; shows: 'letters' | 'digits' };

const digits = '1234567890';
const letterRows = ['QWERTYUIOP', 'ASDFGHJKLÑ', 'ZXCVBNM'];

const chars = (row: string): Key[] => Array.from(row, (char) => ({ kind: 'char', char }));

/**
 * The rows of keys for a format: digits only for postcode, phone, mobile and number; digits and
 * "/" for a date; digits and the letters with Ñ for a DNI/NIE and free text. "Borrar" is on
 * every keyboard, "Espacio" wherever a space can be part of the answer.
 */
export function keyboardRows(format: InputFormat): Key[][] {
  switch (format) {
    case 'postcode':
    case 'phone':
    case 'mobile':
    case 'number':
      return [chars('123'), chars('456'), chars('789'), [...chars('0'), { kind: 'erase' }]];
    case 'date':
      return [chars('123'), chars('456'), chars('789'), [...chars('/0'), { kind: 'erase' }]];
    case 'dni-nie':
    case 'text':
      // "Espacio" and "Borrar" end the last letter row: four rows, not five, on a 1080 px screen.
      return [chars(digits), chars(letterRows[0] ?? ''), chars(letterRows[1] ?? ''), [...chars(letterRows[2] ?? ''), { kind: 'space' }, { kind: 'erase' }]];
  }
}

/**
 * The keyboard's pages: one page of all its rows, or, on a short screen (`compact`), the DNI/NIE
 * and free-text keyboards as two pages, digits (a DNI starts with them) and letters, each with
 * a key to the other: two and three rows instead of four, so the field, its error and the keys
 * fit above the help button on a 768 px screen. Digit-only keyboards are one page of two rows there.
 */
export function keyboardPages(format: InputFormat, compact: boolean): Key[][][] {
  if (!compact) return [keyboardRows(format)];
  // A short screen has the digits in one row, as on the DNI keyboard, and "Borrar" (with "/"
  // for a date) below: two rows instead of the phone pad's four, so the field stays on the
  // screen with its step's words.
  if (format !== 'dni-nie' && format !== 'text') return [[chars(digits), [...(format === 'date' ? chars('/') : []), { kind: 'erase' }]]];
  const erase: Key = { kind: 'erase' };
  const digitsPage: Key[][] = [chars(digits), [{ kind: 'space' }, erase, { kind: 'page', to: 1, shows: 'letters' }]];
  const lettersPage: Key[][] = [chars(letterRows[0] ?? ''), chars(letterRows[1] ?? ''), [...chars(letterRows[2] ?? ''), erase, { kind: 'page', to: 0, shows: 'digits' }]];
  return format === 'text' ? [lettersPage, digitsPage].map((page, index) => page.map((row) => row.map((key) => (key.kind === 'page' ? { ...key, to: 1 - index } : key)))) : [digitsPage, lettersPage];
}

/** How long after a tap the same key is ignored when the tremor option is on. */
export const repeatWindowMs = 500;

/** The last tap the keyboard accepted. */
export interface LastTap {
  key: string;
  at: number;
}

/**
 * Whether a tap counts: with the tremor option on, a tap on the same key as the last accepted
 * one less than 500 ms after it is ignored (a shaking finger landing twice); other keys always count.
 */
export function acceptsTap(ignoreRepeats: boolean, last: LastTap | undefined, key: string, at: number): boolean {
  if (!ignoreRepeats || !last) return true;
  return last.key !== key || at - last.at >= repeatWindowMs;
}

/** The value after a key: the character added, the last one erased, or a space. */
export function applyKey(value: string, key: Key): string {
  if (key.kind === 'page') return value;
  if (key.kind === 'erase') return Array.from(value).slice(0, -1).join('');
  if (key.kind === 'space') return `${value} `;
  return value + key.char;
}
