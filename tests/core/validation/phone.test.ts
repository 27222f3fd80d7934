/**
 * Spanish phone numbers: nine digits starting with 6 or 7 (mobiles) or 8 or 9 (landlines),
 * however the senior writes them; some steps need a mobile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePhone } from '../../../core/validation/phone.js';

describe('phone', () => {
  it.each([
    ['600123456', '600123456'],
    ['912345678', '912345678'],
    ['712345678', '712345678'],
    ['812345678', '812345678'],
    ['+34 600 12 34 56', '600123456'],
    ['+34600123456', '600123456'],
    ['0034600123456', '600123456'],
    ['0034 912 34 56 78', '912345678'],
    ['600-12-34-56', '600123456'],
    ['600.12.34.56', '600123456'],
    ['(91) 234 56 78', '912345678'],
    [' 600 123 456 ', '600123456'],
  ])('%j is accepted and kept as its nine digits %s', (typed, digits) => {
    expect(validatePhone(typed)).toEqual({ ok: true, value: digits });
  });

  it.each([
    ['500123456', 'starts with 5'],
    ['012345678', 'starts with 0'],
    ['12345', 'too short'],
    ['60012345', 'eight digits'],
    ['6001234567', 'ten digits'],
    ['34600123456', 'a country code without + or 00'],
    ['+33600123456', 'a French country code'],
    ['+34 500 12 34 56', 'starts with 5 after +34'],
    ['+3460012345', '+34 and only eight digits'],
    ['600 12 34 5a', 'a letter'],
    ['+34', 'only the country code'],
    ['00340034600123456', 'the country code twice'],
  ])('%j (%s) is refused for its shape', (typed) => {
    expect(validatePhone(typed)).toEqual({ ok: false, code: 'phone-format' });
  });

  it.each([[''], ['   '], [' - . ( ) ']])('nothing typed (%j) is refused as empty', (typed) => {
    expect(validatePhone(typed)).toEqual({ ok: false, code: 'empty' });
  });

  describe('where a mobile is needed', () => {
    it.each([
      ['600123456', '600123456'],
      ['712345678', '712345678'],
      ['+34 600 12 34 56', '600123456'],
      ['0034712345678', '712345678'],
    ])('the mobile %j is accepted as %s', (typed, digits) => {
      expect(validatePhone(typed, true)).toEqual({ ok: true, value: digits });
    });

    it.each([['912345678'], ['812345678'], ['+34 912 34 56 78']])('the landline %j is refused as not a mobile', (typed) => {
      expect(validatePhone(typed, true)).toEqual({ ok: false, code: 'phone-not-mobile' });
    });

    it('a landline is still accepted where any phone will do', () => {
      expect(validatePhone('912345678', false)).toEqual({ ok: true, value: '912345678' });
    });

    it('a number of the wrong shape is refused for its shape, not for being a landline', () => {
      expect(validatePhone('500123456', true)).toEqual({ ok: false, code: 'phone-format' });
      expect(validatePhone('12345', true)).toEqual({ ok: false, code: 'phone-format' });
    });
  });

  it('any nine digits starting with 6 to 9 are accepted, and as a mobile only when starting with 6 or 7', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 9 }), fc.integer({ min: 0, max: 99_999_999 }), fc.boolean(), (first, rest, withPrefix) => {
        const digits = `${first}${String(rest).padStart(8, '0')}`;
        const typed = withPrefix ? `+34 ${digits}` : digits;
        expect(validatePhone(typed)).toEqual({ ok: true, value: digits });
        expect(validatePhone(typed, true)).toEqual(first <= 7 ? { ok: true, value: digits } : { ok: false, code: 'phone-not-mobile' });
      }),
    );
  });

  it('never throws on any text, and answers either nine digits or a known reason', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, mobileOnly) => {
        const result = validatePhone(text, mobileOnly);
        if (result.ok) expect(result.value).toMatch(mobileOnly ? /^[67][0-9]{8}$/ : /^[6-9][0-9]{8}$/);
        else expect(['empty', 'phone-format', 'phone-not-mobile']).toContain(result.code);
      }),
    );
  });
});
