/**
 * The checker's notes in the console's language. The checker words its findings in English for
 * the command line; a note also says what it is about (`kind`, `language`), so the console says
 * it again in Spanish or English rather than show English to Spanish-speaking staff.
 */
import type { TFunction } from 'i18next';
import type { Note } from '../../../core/procedure/problem.js';
import { languageName } from '../../../core/text/language-name.js';

/** A note as a sentence in the console's language (`t` and `consoleLanguage` of the console's i18next). */
export function noteText(note: Note, t: TFunction, consoleLanguage: string): string {
  switch (note.kind) {
    case 'unreviewed-language':
      return t('editor.noteUnreviewedLanguage', {
        line: note.line,
        language: languageName(note.language, consoleLanguage, { capitalised: true }),
        code: note.language,
      });
  }
}
