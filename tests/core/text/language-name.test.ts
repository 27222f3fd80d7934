import { describe, expect, it } from 'vitest';
import { languageName } from '../../../core/text/language-name.js';

describe('a language name written for a label', () => {
  it('starts with a capital letter when asked, in the language it is written in', () => {
    expect(languageName('en', 'es', { capitalised: true })).toBe('Inglés');
    expect(languageName('ar', 'es', { capitalised: true })).toBe('Árabe');
    expect(languageName('es', 'en', { capitalised: true })).toBe('Spanish');
  });

  it('is the code itself, capitalised too, when the runtime has no name or the code is not a language', () => {
    expect(languageName('qqq', 'es', { capitalised: true })).toBe('Qqq');
    expect(languageName('x', 'es', { capitalised: true })).toBe('X');
  });
});
