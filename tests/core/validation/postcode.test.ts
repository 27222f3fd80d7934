/**
 * Spanish postcodes: five digits, the first two a province from 01 (Álava) to 52 (Melilla).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePostcode } from '../../../core/validation/postcode.js';

describe('postcode', () => {
  it.each([
    ['28013', 'Madrid centre'],
    ['52001', 'Melilla, the last province'],
    ['01001', 'Álava, the first province'],
    ['08001', 'Barcelona'],
    ['51001', 'Ceuta'],
    ['28999', 'the highest Madrid number'],
  ])('%s (%s) is accepted', (postcode) => {
    expect(validatePostcode(postcode)).toEqual({ ok: true, value: postcode });
  });

  it.each([
    [' 28013 ', '28013'],
    ['28 013', '28013'],
    ['2 8 0 1 3', '28013'],
    ['\t01001\n', '01001'],
  ])('spaces are ignored: %j is accepted as %s', (typed, tidied) => {
    expect(validatePostcode(typed)).toEqual({ ok: true, value: tidied });
  });

  it.each([['00000'], ['00999'], ['53000'], ['60000'], ['99999']])('%s is five digits but no Spanish province, and is refused for that', (postcode) => {
    expect(validatePostcode(postcode)).toEqual({ ok: false, code: 'postcode-province' });
  });

  it.each([
    ['2801', 'four digits'],
    ['280133', 'six digits'],
    ['28a13', 'a letter inside'],
    ['28-013', 'a dash'],
    ['28.013', 'a dot'],
    ['E28013', 'a country letter'],
    ['madrid', 'a word'],
  ])('"%s" (%s) is refused for its shape', (typed) => {
    expect(validatePostcode(typed)).toEqual({ ok: false, code: 'postcode-format' });
  });

  it.each([[''], ['    '], ['\n']])('nothing typed (%j) is refused as empty', (typed) => {
    expect(validatePostcode(typed)).toEqual({ ok: false, code: 'empty' });
  });

  it('every five-digit code is accepted exactly when its province is 01 to 52', () => {
    fc.assert(
      fc.property(
        // Half the time near a province boundary (00/01, 52/53), where mistakes hide.
        fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 1_999 }), fc.integer({ min: 51_000, max: 53_999 })),
        (n) => {
          const postcode = String(n).padStart(5, '0');
          const province = Math.floor(n / 1000);
          const expected = province >= 1 && province <= 52 ? { ok: true, value: postcode } : { ok: false, code: 'postcode-province' };
          expect(validatePostcode(postcode)).toEqual(expected);
        },
      ),
    );
  });

  it('never throws on any text, and answers either five digits or a known reason', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(
      fc.property(anyText, (text) => {
        const result = validatePostcode(text);
        if (result.ok) expect(result.value).toMatch(/^(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$/);
        else expect(['empty', 'postcode-format', 'postcode-province']).toContain(result.code);
      }),
    );
  });
});
