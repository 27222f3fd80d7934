/**
 * Native-speaker review (`reviewedLanguages`): the checker notes every declared language no
 * native speaker has reviewed, beside its problems and without failing; a reviewed language that
 * is not declared is a problem.
 */
import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { languageName } from '../../../core/text/language-name.js';
import { formatNote } from '../../../core/procedure/problem.js';
import { miniProcedureYaml, sampleSources, stepYaml } from '../../support/procedures.js';

const flow = stepYaml('inicio', 'info', 'next: fin') + stepYaml('fin', 'done');

/** The mini procedure in Spanish, English and Arabic, with `header` before its steps. */
function trilingual(header = ''): string {
  return miniProcedureYaml(flow, header)
    .replace('languages: [es]', 'languages: [es, en, ar]')
    .replace('title: { es: Mini }', 'title: { es: Mini, en: Mini, ar: مصغّر }')
    .replace('summary: { es: Un trámite de prueba. }', 'summary: { es: Un trámite de prueba., en: A test procedure., ar: إجراء للتجربة. }')
    .replace(/title: \{ es: Título (\w+) \}/g, 'title: { es: Título $1, en: Title $1, ar: عنوان }')
    .replace(/text: \{ es: Texto (\w+) \}/g, 'text: { es: Texto $1, en: Text $1, ar: نص }');
}

/** Notes as `line:column: message` strings. */
function notesOf(text: string): string[] {
  return checkProcedureText(text).notes.map((note) => `${note.line}:${note.column}: ${note.message}`);
}

const languagesLine = 9;

describe('unreviewed languages', () => {
  it('are notes, one per language not in reviewedLanguages, at that language in the list; the procedure still passes', () => {
    const text = trilingual('reviewedLanguages: [es]\n');
    const result = checkProcedureText(text);
    expect(result.problems).toEqual([]);
    expect(result.procedure?.reviewedLanguages).toEqual(['es']);
    expect(result.notes.map(({ kind, language, line, column }) => ({ kind, language, line, column }))).toEqual([
      { kind: 'unreviewed-language', language: 'en', line: languagesLine, column: 17 },
      { kind: 'unreviewed-language', language: 'ar', line: languagesLine, column: 21 },
    ]);
    expect(notesOf(text)[1]).toBe(
      `${languagesLine}:21: Arabic (ar) text has not been reviewed by a native speaker: have it reviewed before seniors use it, then add ar to reviewedLanguages`,
    );
  });

  it('are every language when the field is missing (none counts as reviewed), and none when all are listed', () => {
    const missing = checkProcedureText(trilingual());
    expect(missing.procedure?.reviewedLanguages).toEqual([]);
    expect(missing.notes.map((note) => note.language)).toEqual(['es', 'en', 'ar']);
    expect(notesOf(trilingual('reviewedLanguages: [ar, es, en]\n'))).toEqual([]);
  });

  it('are still given when the procedure has problems, so a draft being fixed shows them too', () => {
    const broken = trilingual('reviewedLanguages: [es, en]\n').replace('next: fin', 'next: nowhere');
    const result = checkProcedureText(broken);
    expect(result.procedure).toBeUndefined();
    expect(result.problems).toHaveLength(2);
    expect(result.notes.map((note) => note.language)).toEqual(['ar']);
  });

  it('are not given for a file the schema refuses (nothing can be said of its languages yet)', () => {
    expect(checkProcedureText(trilingual('reviewedLanguages: [es]\n').replace('version: 1', 'version: uno')).notes).toEqual([]);
    expect(checkProcedureText('id: [').notes).toEqual([]);
  });

  it('are printed by the command line as notes, like compilers print theirs', () => {
    const note = checkProcedureText(trilingual('reviewedLanguages: [es, en]\n')).notes[0];
    expect(note && formatNote('a.yaml', note)).toBe(
      `a.yaml:${languagesLine}:21: note: Arabic (ar) text has not been reviewed by a native speaker: have it reviewed before seniors use it, then add ar to reviewedLanguages`,
    );
  });
});

describe('reviewedLanguages itself', () => {
  it('refuses a language the procedure does not declare, at that language', () => {
    const text = trilingual('reviewedLanguages: [es, fr]\n');
    const result = checkProcedureText(text);
    expect(result.procedure).toBeUndefined();
    expect(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      `${languagesLine + 1}:25: reviewedLanguages lists "fr", which is not in languages (es, en, ar); a language must be declared before it can be reviewed`,
    ]);
  });

  it('refuses a language listed twice and a malformed code', () => {
    expect(checkProcedureText(trilingual('reviewedLanguages: [es, es]\n')).problems.map((p) => p.message)).toEqual([
      '"reviewedLanguages": a language is listed twice',
    ]);
    expect(checkProcedureText(trilingual('reviewedLanguages: [Arabic]\n')).problems.map((p) => p.message)).toEqual([
      '"reviewedLanguages": a language is written as two or three small letters, like "es" or "en"',
    ]);
  });
});

describe('the samples', () => {
  it('say that their Arabic has not been reviewed by a native speaker (it was machine-made)', () => {
    const withArabic = sampleSources().filter(({ text }) => /^languages: \[.*\bar\b.*\]$/m.test(text));
    expect(withArabic.length).toBeGreaterThanOrEqual(4);
    for (const { fileName, text } of withArabic) {
      const result = checkProcedureText(text);
      expect(result.procedure?.reviewedLanguages, fileName).not.toContain('ar');
      expect(
        result.notes.map((note) => note.language),
        fileName,
      ).toContain('ar');
    }
  });
});

describe('language names', () => {
  it('come from the runtime in the language asked for, or are the code itself', () => {
    expect(languageName('ar')).toBe('Arabic');
    expect(languageName('ar', 'es')).toBe('árabe');
    expect(languageName('qqq')).toBe('qqq');
  });
});
