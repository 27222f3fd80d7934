import { describe, expect, it } from 'vitest';
import { acceptsTap, applyKey, keyboardRows, repeatWindowMs, type Key } from '../../../renderer/kiosk/keyboard/keyboard-layout.js';

const labels = (rows: Key[][]): string => rows.map((row) => row.map((key) => (key.kind === 'char' ? key.char : `[${key.kind}]`)).join('')).join('|');

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
