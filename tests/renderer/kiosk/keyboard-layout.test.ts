import { describe, expect, it } from 'vitest';
import { applyKey, columnsThatFit, flowKeys, keyboardPages, keyboardRows, letterPages, type Key } from '../../../renderer/kiosk/keyboard/keyboard-layout.js';

const labels = (rows: Key[][]): string =>
  rows
    .map((row) =>
      row.map((key) => (key.kind === 'char' ? key.char : key.kind === 'page' ? `[to ${key.range ?? key.shows} ${key.to}]` : `[${key.kind}]`)).join(''),
    )
    .join('|');

describe('the on-screen keyboard', () => {
  it('has digits only for postcode, phone, mobile and number', () => {
    for (const format of ['postcode', 'phone', 'mobile', 'number'] as const) {
      expect(labels(keyboardRows(format))).toBe('123|456|789|0');
    }
  });

  it('has digits only for a date, whose "/" the keys put in as it is typed, and take out with "Borrar"', () => {
    expect(labels(keyboardRows('date'))).toBe('123|456|789|0');
    const typed: string[] = [];
    let value = '';
    for (const digit of '310119501') {
      value = applyKey(value, { kind: 'char', char: digit }, 'date');
      typed.push(value);
    }
    expect(typed).toEqual(['3', '31', '31/0', '31/01', '31/01/1', '31/01/19', '31/01/195', '31/01/1950', '31/01/1950']);
    expect(applyKey('31/01/1', { kind: 'erase' }, 'date')).toBe('31/01');
    expect(applyKey('31/0', { kind: 'erase' }, 'date')).toBe('31');
    // A stored answer shown again ("Corregir") goes on the same way; other formats are untouched.
    expect(applyKey('05/03/1950', { kind: 'erase' }, 'date')).toBe('05/03/195');
    expect(applyKey('12', { kind: 'char', char: '3' }, 'number')).toBe('123');
  });

  it('has letters with Ñ and digits for a DNI/NIE and for text, a space for text only, and never "Borrar" (it is beside the field)', () => {
    expect(labels(keyboardRows('text'))).toContain('[space]');
    expect(labels(keyboardRows('dni-nie'))).not.toContain('[space]');
    for (const format of ['dni-nie', 'text', 'phone', 'date'] as const) expect(labels(keyboardRows(format))).not.toContain('[erase]');
    // The volunteer's sign-in: digits first (the PIN) with a space (a name has them).
    expect(keyboardPages('dni-nie', { short: true, columns: 10 }, true).map(labels)[0]).toBe('1234567890|[space][to letters 1]');
    for (const format of ['dni-nie', 'text'] as const) {
      const all = labels(keyboardRows(format));
      expect(all).toContain('Ñ');
      expect(all).toContain('1234567890');
      // Every letter of the Spanish alphabet, X, Y and Z of the NIE included.
      for (const letter of 'ABCDEFGHIJKLMNÑOPQRSTUVWXYZ') expect(all).toContain(letter);
    }
  });

  const short = { short: true, columns: 10 };

  it('on a short screen splits the DNI/NIE and text keyboards into a digits page and a letters page, each leading to the other', () => {
    expect(keyboardPages('dni-nie', short).map(labels)).toEqual(['1234567890|[to letters 1]', 'QWERTYUIOP|ASDFGHJKLÑ|ZXCVBNM[to digits 0]']);
    // Free text starts with the letters.
    expect(keyboardPages('text', short).map(labels)).toEqual(['QWERTYUIOP|ASDFGHJKLÑ|ZXCVBNM[to digits 1]', '1234567890|[space][to letters 0]']);
    for (const format of ['dni-nie', 'text'] as const) {
      const all = keyboardPages(format, short).map(labels).join('|');
      for (const letter of 'ABCDEFGHIJKLMNÑOPQRSTUVWXYZ0123456789') expect(all).toContain(letter);
      expect(Math.max(...keyboardPages(format, short).map((page) => page.length))).toBeLessThanOrEqual(3);
    }
    // Digit keyboards keep one page, one row on a short screen; tall screens keep the pad.
    for (const format of ['postcode', 'phone', 'mobile', 'number', 'date'] as const) expect(keyboardPages(format, short).map(labels)).toEqual(['1234567890']);
    expect(keyboardPages('phone')).toEqual([keyboardRows('phone')]);
    expect(keyboardPages('dni-nie')).toEqual([keyboardRows('dni-nie')]);
    expect(applyKey('12', { kind: 'page', to: 1, shows: 'letters' })).toBe('12');
  });

  it('on a narrow screen (8 keys across, 1080 px portrait) flows the keys into full rows, the letters in alphabetical order, on two pages', () => {
    const narrow = { short: false, columns: columnsThatFit(1016, 88, 32) };
    expect(narrow.columns).toBe(8);
    expect(keyboardPages('dni-nie', narrow).map(labels)).toEqual(['12345678|90[to letters 1]', 'ABCDEFGH|IJKLMNÑO|PQRSTUVW|XYZ[to digits 0]']);
    // No row holds more than its places; "Espacio" counts two.
    for (const page of keyboardPages('text', { short: true, columns: 7 })) {
      for (const row of page) expect(row.reduce((places, key) => places + (key.kind === 'erase' || key.kind === 'space' ? 2 : 1), 0)).toBeLessThanOrEqual(7);
    }
    // A digit pad is three keys across: it stays a pad on a narrow, tall screen.
    expect(keyboardPages('phone', narrow)).toEqual([keyboardRows('phone')]);
    // A wide key that does not fit the rest of a row starts the next one.
    expect(flowKeys([{ kind: 'char', char: 'A' }, { kind: 'erase' }], 2).map((row) => row.length)).toEqual([1, 1]);
    expect(columnsThatFit(1168, 88, 32)).toBe(10);
    expect(columnsThatFit(1167, 88, 32)).toBe(9);
    expect(columnsThatFit(10, 88, 32)).toBe(1);
  });

  it('on a 768 px screen (two rows a page, 11 keys across) gives a DNI its digits in one row and the letters two pages, A–N and Ñ–Z, each leading to the other and to the digits', () => {
    const short = { short: true, columns: columnsThatFit(1302, 88, 32), maxRows: 2 };
    expect(short.columns).toBe(11);
    expect(keyboardPages('dni-nie', short).map(labels)).toEqual([
      '1234567890[to A–N 1]',
      'ABCDEFGHIJK|LMN[to Ñ–Z 2][to digits 0]',
      'ÑOPQRSTUVWX|YZ[to A–N 1][to digits 0]',
    ]);
    // Free text starts with the letters, and its page keys point there.
    expect(keyboardPages('text', short).map(labels)).toEqual([
      'ABCDEFGHIJK|LMN[to Ñ–Z 1][to digits 2]',
      'ÑOPQRSTUVWX|YZ[to A–N 0][to digits 2]',
      '1234567890|[space][to A–N 0]',
    ]);
    // Every letters page of every width keeps within its rows; one page where the letters fit in it.
    const hasLetters = (page: Key[][]): boolean => page.some((row) => row.some((key) => key.kind === 'char' && /\p{L}/u.test(key.char)));
    for (const columns of [7, 8, 9, 10, 11, 14]) {
      for (const page of keyboardPages('text', { short: true, columns, maxRows: 2 }).filter(hasLetters)) expect(page.length).toBeLessThanOrEqual(2);
    }
    // One row a page (a 768 px screen): four pages of 7 letters, each with its 3 other pages and "123".
    expect(letterPages(11, 1)).toEqual(['ABCDEFG', 'HIJKLMN', 'ÑOPQRST', 'UVWXYZ']);
    expect(keyboardPages('dni-nie', { short: true, columns: 11, maxRows: 1 }).map(labels)).toEqual([
      '1234567890[to A–G 1]',
      'ABCDEFG[to H–N 2][to Ñ–T 3][to U–Z 4][to digits 0]',
      'HIJKLMN[to A–G 1][to Ñ–T 3][to U–Z 4][to digits 0]',
      'ÑOPQRST[to A–G 1][to H–N 2][to U–Z 4][to digits 0]',
      'UVWXYZ[to A–G 1][to H–N 2][to Ñ–T 3][to digits 0]',
    ]);
    // Ten keys across cannot hold a letters page in one row: one letter a page is what is left, and the kiosk keeps two rows then.
    expect(letterPages(10, 1)).toHaveLength(27);
    expect(letterPages(11, undefined)).toEqual(['ABCDEFGHIJKLMNÑOPQRSTUVWXYZ']);
    expect(letterPages(40, 2)).toEqual(['ABCDEFGHIJKLMNÑOPQRSTUVWXYZ']);
  });

  it('types, erases and spaces', () => {
    expect(applyKey('12', { kind: 'char', char: 'Ñ' })).toBe('12Ñ');
    expect(applyKey('12Ñ', { kind: 'erase' })).toBe('12');
    expect(applyKey('', { kind: 'erase' })).toBe('');
    expect(applyKey('A', { kind: 'space' })).toBe('A ');
  });
});
