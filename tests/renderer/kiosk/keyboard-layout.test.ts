import { describe, expect, it } from 'vitest';
import { acceptsTap, applyKey, keyboardPages, keyboardRows, repeatWindowMs, type Key } from '../../../renderer/kiosk/keyboard/keyboard-layout.js';

const labels = (rows: Key[][]): string => rows.map((row) => row.map((key) => (key.kind === 'char' ? key.char : key.kind === 'page' ? `[to ${key.shows} ${key.to}]` : `[${key.kind}]`)).join('')).join('|');

describe('the on-screen keyboard', () => {
  it('has digits only for postcode, phone, mobile and number', () => {
    for (const format of ['postcode', 'phone', 'mobile', 'number'] as const) {
      expect(labels(keyboardRows(format))).toBe('123|456|789|0[erase]');
    }
  });

  it('adds "/" for a date', () => {
    expect(labels(keyboardRows('date'))).toBe('123|456|789|/0[erase]');
  });

  it('has letters with Ñ, digits, space and erase for a DNI/NIE and for text', () => {
    for (const format of ['dni-nie', 'text'] as const) {
      const all = labels(keyboardRows(format));
      expect(all).toContain('Ñ');
      expect(all).toContain('1234567890');
      expect(all).toContain('[space]');
      expect(all).toContain('[erase]');
      // Every letter of the Spanish alphabet, X, Y and Z of the NIE included.
      for (const letter of 'ABCDEFGHIJKLMNÑOPQRSTUVWXYZ') expect(all).toContain(letter);
    }
  });

  it('on a short screen splits the DNI/NIE and text keyboards into a digits page and a letters page, each leading to the other', () => {
    expect(keyboardPages('dni-nie', true).map(labels)).toEqual(['1234567890|[space][erase][to letters 1]', 'QWERTYUIOP|ASDFGHJKLÑ|ZXCVBNM[erase][to digits 0]']);
    // Free text starts with the letters.
    expect(keyboardPages('text', true).map(labels)).toEqual(['QWERTYUIOP|ASDFGHJKLÑ|ZXCVBNM[erase][to digits 1]', '1234567890|[space][erase][to letters 0]']);
    for (const format of ['dni-nie', 'text'] as const) {
      const all = keyboardPages(format, true).map(labels).join('|');
      for (const letter of 'ABCDEFGHIJKLMNÑOPQRSTUVWXYZ0123456789') expect(all).toContain(letter);
      expect(Math.max(...keyboardPages(format, true).map((page) => page.length))).toBeLessThanOrEqual(3);
    }
    // Digit keyboards keep one page, in two rows on a short screen; tall screens keep the pad.
    for (const format of ['postcode', 'phone', 'mobile', 'number'] as const) expect(keyboardPages(format, true).map(labels)).toEqual(['1234567890|[erase]']);
    expect(keyboardPages('date', true).map(labels)).toEqual(['1234567890|/[erase]']);
    expect(keyboardPages('phone', false)).toEqual([keyboardRows('phone')]);
    expect(keyboardPages('dni-nie', false)).toEqual([keyboardRows('dni-nie')]);
    expect(applyKey('12', { kind: 'page', to: 1, shows: 'letters' })).toBe('12');
  });

  it('types, erases and spaces', () => {
    expect(applyKey('12', { kind: 'char', char: 'Ñ' })).toBe('12Ñ');
    expect(applyKey('12Ñ', { kind: 'erase' })).toBe('12');
    expect(applyKey('', { kind: 'erase' })).toBe('');
    expect(applyKey('A', { kind: 'space' })).toBe('A ');
  });

  it('with the tremor option, ignores the same key again within 500 ms, and only then', () => {
    const last = { key: '1', at: 1000 };
    expect(acceptsTap(true, last, '1', 1000 + repeatWindowMs - 1)).toBe(false);
    expect(acceptsTap(true, last, '1', 1000 + repeatWindowMs)).toBe(true);
    expect(acceptsTap(true, last, '2', 1001)).toBe(true);
    expect(acceptsTap(true, undefined, '1', 1001)).toBe(true);
    expect(acceptsTap(false, last, '1', 1001)).toBe(true);
  });
});
