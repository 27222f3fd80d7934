/**
 * Issue 15: a script's pattern runs on the kiosk's only thread, where nothing can stop it. The
 * hub refuses catastrophic patterns; the kiosk adds a bound of its own: a pattern is only ever
 * tried on an answer of at most {@link maxPatternAnswerLength} characters.
 */
import { describe, expect, it } from 'vitest';
import { maxPatternAnswerLength, validateField } from '../../../core/validation/index.js';

describe('a script pattern on the kiosk', () => {
  it('is never run on a long answer: a patterned answer past the bound is refused as too long', () => {
    // A pattern the analyser would pass, tried by a senior (or someone leaning on the keyboard) with a long answer.
    const rules = { format: 'text', pattern: '^[0-9a-z ]+$' } as const;
    expect(validateField('a'.repeat(maxPatternAnswerLength), rules)).toEqual({ ok: true, value: 'a'.repeat(maxPatternAnswerLength) });
    expect(validateField('a'.repeat(maxPatternAnswerLength + 1), rules)).toEqual({ ok: false, code: 'too-long' });
    // Without a pattern the general bound alone applies.
    expect(validateField('a'.repeat(maxPatternAnswerLength + 1), { format: 'text' })).toMatchObject({ ok: true });
  });

  it('still leaves room for every code the samples ask for (an IBAN is at most 34 characters)', () => {
    expect(maxPatternAnswerLength).toBeGreaterThanOrEqual(34);
    expect(validateField('ES91 2100 0418 4502 0005 1332', { format: 'text', pattern: '^ES[0-9]{2}( ?[0-9]{4}){5}$' })).toMatchObject({ ok: true });
  });
});
