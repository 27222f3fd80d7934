/**
 * validateField: the one door every typed answer goes through. It checks the step's format,
 * then the step's own pattern on the tidied value, and refuses anything too long. Also the
 * sentences a senior reads when an answer or a move is refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputFormat } from '../../../core/procedure/schema.js';
import { describeError, inputErrorCodes, maxAnswerLength, validateField, type InputErrorCode } from '../../../core/validation/index.js';

const allFormats: readonly InputFormat[] = ['dni-nie', 'postcode', 'phone', 'mobile', 'date', 'text', 'number'];

describe('validateField by format', () => {
  it.each([
    ['dni-nie', ' 12.345.678-z ', '12345678Z'],
    ['dni-nie', 'x1234567l', 'X1234567L'],
    ['postcode', '28 013', '28013'],
    ['phone', '+34 912 34 56 78', '912345678'],
    ['mobile', '600-12-34-56', '600123456'],
    ['date', '5-3-1950', '1950-03-05'],
    ['number', ' 1 2 3 ', '123'],
    ['number', '007', '007'],
    ['text', '  Calle   Mayor  5 ', 'Calle Mayor 5'],
  ] as const)('a %s answer typed as %j is accepted and tidied to %j', (format, typed, tidied) => {
    expect(validateField(typed, { format })).toEqual({ ok: true, value: tidied });
  });

  it.each([
    ['dni-nie', '12345678A', 'dni-letter'],
    ['dni-nie', 'X1234567A', 'nie-letter'],
    ['dni-nie', '1234', 'dni-nie-format'],
    ['postcode', '53000', 'postcode-province'],
    ['postcode', '2801', 'postcode-format'],
    ['phone', '500123456', 'phone-format'],
    ['mobile', '912345678', 'phone-not-mobile'],
    ['date', '31/04/2020', 'date-not-a-day'],
    ['date', '05/03/50', 'date-year'],
    ['date', 'ayer', 'date-format'],
    ['number', '12a', 'number-format'],
    ['number', '-5', 'number-format'],
    ['number', '1.5', 'number-format'],
    ['number', '1,5', 'number-format'],
  ] as const)('a %s answer typed as %j is refused with %s', (format, typed, code) => {
    expect(validateField(typed, { format })).toEqual({ ok: false, code });
  });

  it('a landline is accepted where any phone will do but refused where a mobile is needed', () => {
    expect(validateField('912345678', { format: 'phone' })).toEqual({ ok: true, value: '912345678' });
    expect(validateField('912345678', { format: 'mobile' })).toEqual({ ok: false, code: 'phone-not-mobile' });
  });

  it.each(allFormats.map((format) => [format]))('an empty %s answer is refused as empty, not as badly written', (format) => {
    expect(validateField('', { format })).toEqual({ ok: false, code: 'empty' });
    expect(validateField('   ', { format })).toEqual({ ok: false, code: 'empty' });
  });
});

describe('validateField with a pattern', () => {
  const sixDigits = { format: 'text', pattern: '^[0-9]{6}$' } as const;

  it('a text answer that matches the pattern is accepted', () => {
    expect(validateField('123456', sixDigits)).toEqual({ ok: true, value: '123456' });
  });

  it('the pattern is checked on the tidied answer, so spaces around it do not matter', () => {
    expect(validateField('  123456  ', sixDigits)).toEqual({ ok: true, value: '123456' });
  });

  it.each([['12345'], ['1234567'], ['12345a'], ['123 456']])('a text answer that does not match the pattern (%j) is refused with "pattern"', (typed) => {
    expect(validateField(typed, sixDigits)).toEqual({ ok: false, code: 'pattern' });
  });

  it('an empty answer is refused as empty before the pattern is looked at', () => {
    expect(validateField('', sixDigits)).toEqual({ ok: false, code: 'empty' });
  });

  it('a number answer has its spaces removed before the pattern, so a reference typed in groups matches', () => {
    const reference = { format: 'number', pattern: '^[0-9]{13}$' } as const;
    expect(validateField('1234 5678 90123', reference)).toEqual({ ok: true, value: '1234567890123' });
    expect(validateField('123456789012', reference)).toEqual({ ok: false, code: 'pattern' });
  });

  it('the format is checked first: letters in a number field are refused as not numbers, not as not matching', () => {
    expect(validateField('12345678901ab', { format: 'number', pattern: '^[0-9]{13}$' })).toEqual({ ok: false, code: 'number-format' });
  });

  it('a pattern on another format sees the tidied value (a NIE typed in small letters matches ^X)', () => {
    const onlyX = { format: 'dni-nie', pattern: '^X' } as const;
    expect(validateField('x1234567l', onlyX)).toEqual({ ok: true, value: 'X1234567L' });
    expect(validateField('12345678Z', onlyX)).toEqual({ ok: false, code: 'pattern' });
    // A wrong check letter is still reported as such, not as a pattern mismatch.
    expect(validateField('x1234567a', onlyX)).toEqual({ ok: false, code: 'nie-letter' });
  });

  it('a pattern on a date sees the ISO form', () => {
    const nineteenHundreds = { format: 'date', pattern: '^19' } as const;
    expect(validateField('05/03/1950', nineteenHundreds)).toEqual({ ok: true, value: '1950-03-05' });
    expect(validateField('05/03/2010', nineteenHundreds)).toEqual({ ok: false, code: 'pattern' });
  });

  it('a pattern is read with Unicode rules, so accented letters count as one character', () => {
    const fourLetters = { format: 'text', pattern: '^\\p{L}{4}$' } as const;
    expect(validateField('Peña', fourLetters)).toEqual({ ok: true, value: 'Peña' });
    expect(validateField('Peñas', fourLetters)).toEqual({ ok: false, code: 'pattern' });
  });
});

describe('validateField length limit', () => {
  it('the limit is 200 characters', () => {
    expect(maxAnswerLength).toBe(200);
  });

  it('an answer of exactly 200 characters is accepted', () => {
    const text = 'a'.repeat(200);
    expect(validateField(text, { format: 'text' })).toEqual({ ok: true, value: text });
  });

  it.each(allFormats.map((format) => [format]))('a %s answer of 201 characters is refused as too long', (format) => {
    expect(validateField('1'.repeat(201), { format })).toEqual({ ok: false, code: 'too-long' });
  });

  it('an answer made long only by spaces is still refused as too long (the limit is on what was typed)', () => {
    expect(validateField(`${' '.repeat(195)}28013${' '.repeat(5)}`, { format: 'postcode' })).toEqual({ ok: false, code: 'too-long' });
  });

  it('too long is reported even when the answer would also break the pattern', () => {
    expect(validateField('9'.repeat(250), { format: 'text', pattern: '^[0-9]{6}$' })).toEqual({ ok: false, code: 'too-long' });
  });
});

describe('validateField on any text', () => {
  const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
  const patterns = fc.constantFrom(undefined, '^[0-9]{6}$', '^[0-9]{13}$', '^X', '^\\p{L}+$', '[a-z]');

  it('never throws for any format, with or without a pattern, and accepted values are never longer than the limit', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...allFormats), patterns, (text, format, pattern) => {
        const result = validateField(text, { format, pattern });
        if (result.ok) {
          expect(text.length).toBeLessThanOrEqual(maxAnswerLength);
          expect(result.value.length).toBeLessThanOrEqual(maxAnswerLength);
          expect(result.value).not.toBe('');
          if (pattern !== undefined) expect(new RegExp(pattern, 'u').test(result.value)).toBe(true);
        } else {
          expect(typeof describeError(result.code, 'es')).toBe('string');
        }
      }),
    );
  });

  it('anything over 200 characters is refused as too long, whatever its format', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 201, maxLength: 300 }), fc.constantFrom(...allFormats), (text, format) => {
        fc.pre(text.length > maxAnswerLength);
        expect(validateField(text, { format })).toEqual({ ok: false, code: 'too-long' });
      }),
    );
  });
});

// The one list of refusal codes, which the InputErrorCode type is derived from.
const codes: readonly InputErrorCode[] = inputErrorCodes;

describe('error sentences', () => {
  it('the codes listed here are exactly those written in the source list, each once', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../../core/validation/messages.ts'), 'utf8');
    const union = /export const inputErrorCodes = \[([^\]]*)\] as const;/.exec(source)?.[1] ?? '';
    const declared = [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(declared.length).toBeGreaterThan(0);
    expect([...declared].sort()).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(codes.map((code) => [code]))('%s has a Spanish and an English sentence, and they differ', (code) => {
    const es = describeError(code, 'es');
    const en = describeError(code, 'en');
    expect(es.trim().length).toBeGreaterThan(5);
    expect(en.trim().length).toBeGreaterThan(5);
    expect(es).not.toBe(en);
  });

  it.each(codes.map((code) => [code]))('%s is explained in Spanish when the language is unknown', (code) => {
    for (const language of ['fr', 'pt-BR', 'xx', '']) expect(describeError(code, language)).toBe(describeError(code, 'es'));
  });

  // The Arabic sentences are machine-made and still need a native speaker's review; these checks are only the mechanical part.
  it.each(codes.map((code) => [code]))('%s has an Arabic sentence in Arabic script, ending with a full stop', (code) => {
    const ar = describeError(code, 'ar');
    expect(ar).toMatch(/^[\u0600-\u06FF]/u);
    expect(ar.endsWith('.')).toBe(true);
    expect(ar).not.toBe(describeError(code, 'es'));
    expect(describeError(code, 'ar-MA')).toBe(ar);
  });

  // An input's error has two lines at 64 px on a 768 px screen (issue 12), and the Spanish is what
  // was made to fit; Arabic at the same size is narrower per character (DejaVu Sans, bold), so an
  // Arabic sentence with no more characters than its Spanish one is no wider.
  it.each(codes.map((code) => [code]))('the Arabic sentence for %s is no longer than the Spanish one', (code) => {
    expect(describeError(code, 'ar').length).toBeLessThanOrEqual(describeError(code, 'es').length);
  });

  it('the Arabic sentences say what to fix, as the Spanish ones do, and keep the document names and figures', () => {
    expect(describeError('dni-letter', 'ar')).toMatch(/الحرف/u);
    expect(describeError('dni-letter', 'ar')).toContain('DNI');
    expect(describeError('nie-letter', 'ar')).toContain('NIE');
    expect(describeError('dni-nie-format', 'ar')).toMatch(/X.*Y.*Z/u);
    expect(describeError('date-year', 'ar')).toMatch(/السنة/u);
    expect(describeError('phone-not-mobile', 'ar')).toMatch(/محمول/u);
    expect(describeError('postcode-format', 'ar')).toMatch(/5/);
    expect(describeError('date-format', 'ar')).toContain('05/03/1950');
  });

  it('no two codes share an Arabic sentence', () => {
    const sentences = codes.map((code) => describeError(code, 'ar'));
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it.each(codes.map((code) => [code]))(
    'the Spanish sentence for %s is plain: it starts with a capital, ends with a full stop and uses no technical words',
    (code) => {
      const es = describeError(code, 'es');
      expect(es).toMatch(/^[¿¡]?[A-ZÁÉÍÓÚÑ]/u);
      expect(es.endsWith('.')).toBe(true);
      expect(es).not.toMatch(/regex|pattern|format|invalid|null|undefined|error/i);
      expect(es).not.toMatch(/[{}<>_`$]/);
    },
  );

  it.each(codes.map((code) => [code]))('the English sentence for %s ends with a full stop and uses no technical words', (code) => {
    const en = describeError(code, 'en');
    expect(en.endsWith('.')).toBe(true);
    expect(en).not.toMatch(/regex|pattern|format|invalid|null|undefined|error/i);
  });

  it('no two codes share a Spanish sentence, so each refusal tells the senior something specific', () => {
    const sentences = codes.map((code) => describeError(code, 'es'));
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('the sentences say what to fix: a wrong DNI letter mentions the letter, a bad year mentions the year', () => {
    expect(describeError('dni-letter', 'es')).toMatch(/letra/);
    expect(describeError('date-year', 'es')).toMatch(/año/);
    expect(describeError('phone-not-mobile', 'es')).toMatch(/móvil/);
    expect(describeError('postcode-format', 'es')).toMatch(/5/);
  });
});
