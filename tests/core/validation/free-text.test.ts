/**
 * The free-text rules alone (core/validation/free-text.ts): what is tidied, what is refused and
 * what real names and lines in other alphabets keep. The hub's routes are tested with the same
 * inputs in tests/hub/free-text-attacks.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkFreeText, describeFreeTextProblem } from '../../../core/validation/free-text.js';

describe('free text staff and volunteers type', () => {
  it('is NFC, with tabs, line breaks and no-break spaces as one space, trimmed', () => {
    expect(checkFreeText(' Planta\t2\n\u00A0sala\u2028B ', 'line')).toEqual({ ok: true, value: 'Planta 2 sala B' });
    expect(checkFreeText('Jose\u0301', 'name')).toEqual({ ok: true, value: 'José' });
  });

  it('keeps real names in other alphabets and with apostrophes, dashes and accents', () => {
    for (const name of ['Анна Петрова', 'Σοφία', 'فاطمة الزهراء', 'Nguyễn Thị Hoa', "D'Angelo-O'Neill", '李小龍', 'Zoë Ærøskøbing']) {
      expect(checkFreeText(name, 'name')).toEqual({ ok: true, value: name });
    }
  });

  it('keeps the direction marks Arabic needs in a line, and refuses them in a name', () => {
    expect(checkFreeText('مكتب\u200F 3', 'line')).toEqual({ ok: true, value: 'مكتب\u200F 3' });
    expect(checkFreeText('مكتب\u200F', 'name')).toMatchObject({ ok: false, problem: 'direction' });
  });

  it('keeps the zero-width joiner and non-joiner Persian and emoji need, but not a name of joiners only', () => {
    expect(checkFreeText('می\u200Cخواهم', 'name')).toMatchObject({ ok: true });
    expect(checkFreeText('Ana 👩\u200D💻', 'line')).toMatchObject({ ok: true });
    expect(checkFreeText('\u200D\u200D', 'name')).toMatchObject({ ok: false, problem: 'nothing-visible' });
  });

  it('refuses what hides, reorders or impersonates, naming the character', () => {
    const refused = (text: string, kind: 'name' | 'line' = 'name') => {
      const check = checkFreeText(text, kind);
      return check.ok ? 'accepted' : describeFreeTextProblem(check, kind);
    };
    expect(refused('Ana\u0000')).toBe('it holds an invisible control character (U+0000); type it again without it');
    expect(refused('Ana\u0085')).toBe('it holds an invisible control character (U+0085); type it again without it');
    expect(refused('Ana\u2067x', 'line')).toBe('it holds a character that changes the direction of the text (U+2067); type it again without it');
    expect(refused('A\u00ADna')).toBe('it holds an invisible character (U+00AD); type it again without it');
    expect(refused('\u3164')).toBe('it holds an invisible character (U+3164); type it again without it');
    expect(refused('Ana\uDC00')).toBe('it holds a broken character (half of an emoji or of a rare letter); type it again');
    expect(refused('123', 'name')).toBe('a name needs at least one letter');
    expect(refused('Ventanilla ＜3＞', 'line')).toBe('"<" and ">" are not allowed; type it again without it');
    expect(refused('p\u0430ypal')).toBe('"pаypal" mixes Latin letters with Cyrillic or Greek ones that look the same; type it again in one alphabet');
    expect(refused('Ολγα Olga')).toBe('accepted');
    expect(refused('Οlga')).toBe('"Οlga" mixes Latin letters with Cyrillic or Greek ones that look the same; type it again in one alphabet');
  });
});
