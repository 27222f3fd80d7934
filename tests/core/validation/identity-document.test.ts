/**
 * DNI and NIE numbers as a senior types them at the kiosk: the check letter must match the
 * number, and the usual ways of writing one (small letters, spaces, dots, dashes) are accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDniOrNie } from '../../../core/validation/identity-document.js';

/** The official rule, written out here so the tests do not trust the code they check. */
const letterTable = 'TRWAGMYFPDXBNJZSQVHLCKE';
function expectedLetter(eightDigits: string): string {
  return letterTable.charAt(Number(eightDigits) % 23);
}

describe('DNI', () => {
  it.each([
    ['12345678Z'], // 12345678 mod 23 = 14 → Z
    ['00000000T'], // 0 → T
    ['99999999R'], // 99999999 mod 23 = 1 → R
    ['87654321X'], // 87654321 mod 23 = 10 → X
    ['00000022E'], // 22, the last letter of the table
    ['00000023T'], // 23 wraps round to T
  ])('a DNI whose letter matches its number (%s) is accepted as typed', (dni) => {
    expect(validateDniOrNie(dni)).toEqual({ ok: true, value: dni });
  });

  it('the letters used in the examples follow the mod-23 rule', () => {
    expect(expectedLetter('12345678')).toBe('Z');
    expect(expectedLetter('00000000')).toBe('T');
  });

  it.each([
    ['12345678z', 'a small letter'],
    [' 12345678Z ', 'spaces around it'],
    ['12 345 678 Z', 'spaces inside it'],
    ['12.345.678-Z', 'dots and a dash'],
    ['12.345.678-z', 'dots, a dash and a small letter'],
    ['12345678-Z', 'a dash before the letter'],
    ['\t12345678\u00a0z\n', 'tabs, a non-breaking space and a new line'],
  ])('a DNI written with %s is accepted and tidied to 12345678Z (%s)', (typed) => {
    expect(validateDniOrNie(typed)).toEqual({ ok: true, value: '12345678Z' });
  });

  it.each([['12345678A'], ['12345678T'], ['00000000R'], ['12345678I'], ['12345678O']])(
    'a DNI whose letter does not match its number (%s) is refused for its letter',
    (dni) => {
      expect(validateDniOrNie(dni)).toEqual({ ok: false, code: 'dni-letter' });
    },
  );

  it('a small wrong letter is refused for its letter too, not for its shape', () => {
    expect(validateDniOrNie('12345678a')).toEqual({ ok: false, code: 'dni-letter' });
  });

  it.each([
    ['1234567Z', 'seven digits'],
    ['123456789Z', 'nine digits'],
    ['12345678', 'no letter'],
    ['12345678ZZ', 'two letters'],
    ['Z12345678', 'the letter in front'],
    ['1234567AZ', 'a letter among the digits'],
    ['12345678/Z', 'a slash'],
    ['12345678Ñ', 'a letter outside A to Z'],
    ['ABCDEFGHZ', 'no digits at all'],
    ['DNI 12345678Z', 'a word in front'],
    ['12345678_Z', 'an underscore'],
  ])('"%s" (%s) is refused for its shape', (typed) => {
    expect(validateDniOrNie(typed)).toEqual({ ok: false, code: 'dni-nie-format' });
  });

  it.each([[''], ['   '], [' . - '], ['\t\n']])('nothing typed (%j) is refused as empty', (typed) => {
    expect(validateDniOrNie(typed)).toEqual({ ok: false, code: 'empty' });
  });
});

describe('NIE', () => {
  it.each([
    ['X1234567L'], // X → 0: 01234567 mod 23 = 19 → L
    ['Y1234567X'], // Y → 1: 11234567 mod 23 = 10 → X
    ['Z1234567R'], // Z → 2: 21234567 mod 23 = 1 → R
    ['X0000000T'], // 00000000 → T
    ['Y0000000Z'], // 10000000 mod 23 = 14 → Z
    ['Z0000000M'], // 20000000 mod 23 = 5 → M
  ])('a NIE whose letter matches its number after the prefix (%s) is accepted', (nie) => {
    expect(validateDniOrNie(nie)).toEqual({ ok: true, value: nie });
  });

  it('the prefix counts as its digit: the same seven digits need a different letter after X, Y and Z', () => {
    expect(expectedLetter('01234567')).toBe('L');
    expect(expectedLetter('11234567')).toBe('X');
    expect(expectedLetter('21234567')).toBe('R');
    // The letter of X1234567 is wrong after Y and after Z.
    expect(validateDniOrNie('Y1234567L')).toEqual({ ok: false, code: 'nie-letter' });
    expect(validateDniOrNie('Z1234567L')).toEqual({ ok: false, code: 'nie-letter' });
  });

  it.each([
    ['x1234567l', 'X1234567L'],
    [' y-1234567-x ', 'Y1234567X'],
    ['Z.123.45.67 r', 'Z1234567R'],
  ])('a NIE typed as %j is accepted and tidied to %s', (typed, tidied) => {
    expect(validateDniOrNie(typed)).toEqual({ ok: true, value: tidied });
  });

  it.each([['X1234567A'], ['Y1234567L'], ['Z1234567T'], ['x1234567m']])(
    'a NIE whose last letter does not match its number (%s) is refused for its letter',
    (nie) => {
      expect(validateDniOrNie(nie)).toEqual({ ok: false, code: 'nie-letter' });
    },
  );

  it.each([
    ['X123456L', 'six digits'],
    ['X12345678L', 'eight digits'],
    ['W1234567L', 'a prefix other than X, Y or Z'],
    ['A1234567L', 'the prefix A'],
    ['X1234567', 'no final letter'],
    ['XX1234567L', 'two prefixes'],
  ])('"%s" (%s) is refused for its shape', (typed) => {
    expect(validateDniOrNie(typed)).toEqual({ ok: false, code: 'dni-nie-format' });
  });
});

describe('DNI properties', () => {
  const eightDigits = fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0'));

  it('for any 8-digit number, the DNI with its correct letter is accepted', () => {
    fc.assert(
      fc.property(eightDigits, (digits) => {
        const dni = `${digits}${expectedLetter(digits)}`;
        expect(validateDniOrNie(dni)).toEqual({ ok: true, value: dni });
      }),
    );
  });

  it('for any 8-digit number, every other letter is refused for its letter', () => {
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    fc.assert(
      fc.property(eightDigits, letters, fc.boolean(), (digits, letter, lowercase) => {
        fc.pre(letter !== expectedLetter(digits));
        const typed = `${digits}${lowercase ? letter.toLowerCase() : letter}`;
        expect(validateDniOrNie(typed)).toEqual({ ok: false, code: 'dni-letter' });
      }),
    );
  });

  it('for any 7-digit NIE number, the correct letter is accepted and any other refused', () => {
    const prefix = fc.constantFrom(['X', '0'] as const, ['Y', '1'] as const, ['Z', '2'] as const);
    const sevenDigits = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'));
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    fc.assert(
      fc.property(prefix, sevenDigits, letters, ([letterPrefix, digit], digits, letter) => {
        const right = expectedLetter(`${digit}${digits}`);
        const nie = `${letterPrefix}${digits}${letter}`;
        expect(validateDniOrNie(nie)).toEqual(letter === right ? { ok: true, value: nie } : { ok: false, code: 'nie-letter' });
      }),
    );
  });

  it('never throws on any text, and answers either a tidied DNI/NIE or a known reason', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(
      fc.property(anyText, (text) => {
        const result = validateDniOrNie(text);
        if (result.ok) expect(result.value).toMatch(/^([0-9]{8}|[XYZ][0-9]{7})[A-Z]$/);
        else expect(['empty', 'dni-nie-format', 'dni-letter', 'nie-letter']).toContain(result.code);
      }),
    );
  });
});
