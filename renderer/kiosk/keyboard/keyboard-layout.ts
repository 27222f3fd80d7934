/**
 * The on-screen keyboard's keys for each typed-answer format, and the tremor filter. Pure, so
 * the rows and the 500 ms rule are tested without a browser.
 */
import type { InputFormat } from '../../../core/procedure/schema.js';

/**
 * A key: a character typed as is, one of the two action keys, or the key that turns to the
 * keyboard's other page (letters ↔ digits) on a short screen. "Borrar" is not on the keyboard's
 * pages but beside the field it erases (step-screen.tsx): a row less of keys on a short screen.
 */
export type Key =
  | { kind: 'char'; char: string }
  | { kind: 'erase' }
  | { kind: 'space' }
  | { kind: 'page'; to: number; shows: 'letters' | 'digits'; range?: string };

const digits = '1234567890';
const letterRows = ['QWERTYUIOP', 'ASDFGHJKLÑ', 'ZXCVBNM'];

const chars = (row: string): Key[] => Array.from(row, (char) => ({ kind: 'char', char }));

/**
 * The rows of keys for a format: digits only for postcode, phone, mobile, number and date (the
 * date's "/" is put in as it is typed); digits and the letters with Ñ for a DNI/NIE and free text. "Espacio" only
 * where a space can be part of the answer (`space`: free text, a volunteer's name; a DNI/NIE
 * has none). "Borrar" is beside the field, not here.
 */
export function keyboardRows(format: InputFormat, space = format === 'text'): Key[][] {
  switch (format) {
    case 'postcode':
    case 'phone':
    case 'mobile':
    case 'number':
      return [chars('123'), chars('456'), chars('789'), chars('0')];
    case 'date':
      // No "/": the keys put it in (applyKey), so a date is 8 digits to type and a row of keys.
      return [chars('123'), chars('456'), chars('789'), chars('0')];
    case 'dni-nie':
    case 'text':
      // "Espacio" ends the last letter row: four rows, not five, on a 1080 px screen.
      return [
        chars(digits),
        chars(letterRows[0] ?? ''),
        chars(letterRows[1] ?? ''),
        [...chars(letterRows[2] ?? ''), ...(space ? [{ kind: 'space' } as const] : [])],
      ];
  }
}

/** How a keyboard is laid out on the screen it is drawn on. */
export interface KeyboardFit {
  /** A short screen (under 1,200 px tall): the letters and the digits are two pages. */
  short: boolean;
  /**
   * How many 88 px keys with their 32 px gaps fit across (a wide key takes two). Under 10, the
   * rows of 10 would wrap 8 + 2: the keys then flow into full rows instead, the letters in
   * alphabetical order (a QWERTY row cut in two helps nobody), each page's controls after its keys.
   */
  columns: number;
  /**
   * The most rows of keys a page may have, when the screen is too short for the letters' three
   * (a 768 px screen: two). The letters then flow in alphabetical order over as many pages as
   * that takes ("A–N", "Ñ–Z"), each with keys to the others.
   */
  maxRows?: number;
}

/** The most keys a row has on the widest keyboards: the 10 digits. */
export const fullRowKeys = 10;

/** How many places a key takes in a row: "Borrar" and "Espacio" take two. */
const keySpan = (key: Key): number => (key.kind === 'erase' || key.kind === 'space' ? 2 : 1);

/** Keys into rows of at most `columns` places, in order, each row as full as it goes. */
export function flowKeys(keys: readonly Key[], columns: number): Key[][] {
  const rows: Key[][] = [];
  let row: Key[] = [];
  let used = 0;
  for (const key of keys) {
    const span = keySpan(key);
    if (row.length > 0 && used + span > columns) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(key);
    used += span;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

const alphabet = 'ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/**
 * The keyboard's pages: one page of all its rows on a tall, wide screen; otherwise the DNI/NIE
 * and free-text keyboards are two pages, digits (a DNI starts with them) and letters, each with
 * a key to the other, so the field, its error and the keys fit above the help button on a 768 px
 * screen and across a 1080 px portrait one. Digit-only keyboards are one page: the phone pad on
 * a tall screen, the digits in one row on a short one.
 */
export function keyboardPages(format: InputFormat, fit: KeyboardFit = { short: false, columns: fullRowKeys }, withSpace = format === 'text'): Key[][][] {
  const narrow = fit.columns < fullRowKeys;
  if (!fit.short && !narrow) return [keyboardRows(format, withSpace)];
  if (format !== 'dni-nie' && format !== 'text') {
    // A short screen has the digits in one row instead of the pad's four. A narrow, tall one
    // keeps the pad (three keys across).
    if (!fit.short) return [keyboardRows(format)];
    return [flowKeys(chars(digits), Math.max(fit.columns, fullRowKeys))];
  }
  // Keys flow into full rows in alphabetical order where the QWERTY rows cannot be kept whole.
  const flow = narrow || fit.maxRows !== undefined;
  const letterGroups = flow ? letterPages(fit.columns, fit.maxRows) : [alphabet];
  const rangeOf = (group: string): string => `${group.at(0) ?? ''}–${group.at(-1) ?? ''}`;
  // Free text starts with the letters; a DNI/NIE with the digits (it starts with them).
  const order: ('digits' | number)[] =
    format === 'text' ? [...letterGroups.map((_, index) => index), 'digits'] : ['digits', ...letterGroups.map((_, index) => index)];
  const pageOf = (what: 'digits' | number): number => order.indexOf(what);
  const toDigits: Key = { kind: 'page', to: pageOf('digits'), shows: 'digits' };
  const toLetters = (index: number): Key => ({
    kind: 'page',
    to: pageOf(index),
    shows: 'letters',
    ...(letterGroups.length > 1 ? { range: rangeOf(letterGroups[index] ?? '') } : {}),
  });
  const space: Key[] = withSpace ? [{ kind: 'space' }] : [];
  const digitKeys: Key[] = [...chars(digits), ...space, toLetters(0)];
  const digitsPage: Key[][] = flow ? flowKeys(digitKeys, fit.columns) : [chars(digits), [...space, toLetters(0)]];
  const lettersPage = (index: number): Key[][] => {
    const others = letterGroups
      .map((_, other) => other)
      .filter((other) => other !== index)
      .map(toLetters);
    return flow
      ? flowKeys([...chars(letterGroups[index] ?? ''), ...others, toDigits], fit.columns)
      : [chars(letterRows[0] ?? ''), chars(letterRows[1] ?? ''), [...chars(letterRows[2] ?? ''), toDigits]];
  };
  return order.map((what) => (what === 'digits' ? digitsPage : lettersPage(what)));
}

/**
 * The alphabet in as few groups as keep each letters page (its letters, a key to each other
 * page) within `maxRows` rows of `columns`; one group when there is no such limit.
 */
export function letterPages(columns: number, maxRows: number | undefined): string[] {
  const letters = Array.from(alphabet);
  if (maxRows === undefined) return [alphabet];
  for (let count = 1; count < letters.length; count++) {
    const size = Math.ceil(letters.length / count);
    const groups = Array.from({ length: count }, (_, index) => letters.slice(index * size, (index + 1) * size).join('')).filter((group) => group !== '');
    // Each page: its letters, a key to every other letters page and "123".
    const fits = groups.every(
      (group) =>
        flowKeys(
          [...chars(group), ...groups.slice(1).map((): Key => ({ kind: 'page', to: 0, shows: 'letters' })), { kind: 'page', to: 0, shows: 'digits' }],
          columns,
        ).length <= maxRows,
    );
    if (fits) return groups;
  }
  return letters;
}

/**
 * How many keys of `keyWidth` with `gap` between them fit across `width` px: what {@link KeyboardFit.columns} is measured with.
 */
export function columnsThatFit(width: number, keyWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (keyWidth + gap)));
}

/**
 * The value after a key: the character added, the last one erased, or a space. A date's keys
 * put its "/" in as the digits come (3 → 31 → 31/0 → 31/01/1 … 31/01/1950, at most 8 digits), and
 * "Borrar" takes a digit and its "/" away together: a senior types the 8 digits on their
 * document and sees the date take its shape (core's date check takes both forms).
 */
export function applyKey(value: string, key: Key, format?: InputFormat): string {
  if (key.kind === 'page') return value;
  if (format === 'date' && (key.kind === 'erase' || (key.kind === 'char' && /^[0-9]$/.test(key.char)))) {
    const typed = value.replace(/[^0-9]/g, '');
    return dateAsTyped(key.kind === 'erase' ? typed.slice(0, -1) : (typed + key.char).slice(0, 8));
  }
  if (key.kind === 'erase') return Array.from(value).slice(0, -1).join('');
  if (key.kind === 'space') return `${value} `;
  return value + key.char;
}

/** Up to 8 digits as day/month/year, each "/" after a part that is complete and followed. */
function dateAsTyped(digitsTyped: string): string {
  const day = digitsTyped.slice(0, 2);
  const month = digitsTyped.slice(2, 4);
  const year = digitsTyped.slice(4, 8);
  return [day, month, year].filter((part) => part !== '').join('/');
}
