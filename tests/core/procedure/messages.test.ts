/**
 * The checker's message catalogue: Spanish and English hold the same codes with the same
 * placeholders, every problem the checker finds has a code the catalogue words, and a Spanish
 * reader gets no English sentence of the catalogue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { catalogueSizes, checkerCatalogues, describeProblem, isCheckerCode, type CheckerCode } from '../../../core/procedure/messages/catalog.js';
import { en } from '../../../core/procedure/messages/en.js';
import { es } from '../../../core/procedure/messages/es.js';
import { miniProcedureYaml, stepYaml } from '../../support/procedures.js';

const placeholders = (template: string): string[] => [...template.matchAll(/\{([A-Za-z]\w*)\}/g)].map((match) => match[1] ?? '').sort();

/** Broken scripts, one or more problems each, to reach as many of the checker's codes as a page allows. */
const brokenScripts: string[] = [
  '',
  'id: x\n\u0000',
  'a: &a [x]\nb: *a\n',
  'id: x\nid: y\n',
  'id: x\n\tversion: 1\n',
  'id: x\n---\nid: y\n',
  '- a\n- b\n',
  'id: [unclosed\n',
  'id: x\n__proto__: 1\n',
  'id: Mal Id\nversion: 0\ntitle: 3\nsummary: [a]\nicon: x\nofficialUrl: http://x.es\nowner: ""\nlastVerified: ayer\nlanguages: []\nstepz: []\n',
  miniProcedureYaml(`${stepYaml('a', 'info', 'next: b\nnex: c')}\n${stepYaml('b', 'done', 'next: a')}`),
  miniProcedureYaml(
    `${stepYaml('a', 'question', 'choices:\n  - { id: si, label: { es: Sí }, next: fin }\n  - { id: si, label: { es: No } }')}\n${stepYaml('fin', 'done')}`,
  ),
  miniProcedureYaml(`${stepYaml('a', 'info', 'next: b')}\n${stepYaml('b', 'info', 'next: a')}\n${stepYaml('c', 'done')}`),
  miniProcedureYaml(`${stepYaml('a', 'info')}\n${stepYaml('b', 'info', 'next: fim')}`, 'start: comienzo\n'),
  miniProcedureYaml(
    `${stepYaml('a', 'input', 'format: text\nlabel: { es: Nombre }\npattern: "^(a|aa)+$"\nsensitive: true\ncommonProblems: [{ es: x }]\nnext: b')}\n` +
      `${stepYaml('b', 'input', 'format: text\nlabel: { es: Otro, en: Other }\npattern: "(["\nnext: c')}\n` +
      `${stepYaml('c', 'input', 'format: text\nlabel: { es: X }\npatternError: { es: Mal }\nnext: d')}\n` +
      `${stepYaml('d', 'info', 'submits: true\nnext: e')}\n${stepYaml('e', 'done')}`,
    'reviewedLanguages: [fr]\n',
  ),
  miniProcedureYaml(
    stepYaml('a', 'checklist', 'items: []\nnext: a'),
    'requirements:\n  - { id: r, label: { es: R }, question: { es: ¿R? } }\n  - { id: r, label: { es: R }, question: { es: ¿R? } }\n',
  ),
  miniProcedureYaml(stepYaml('a', 'cosa')),
];

/** Sentences of the English catalogue a Spanish reader must never meet: the fixed words between its placeholders. */
const englishFragments = (Object.keys(en) as CheckerCode[])
  .filter((code) => en[code] !== es[code])
  .flatMap((code) => en[code].split(/\{[A-Za-z]\w*\}/))
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment.length >= 12);

describe('the checker message catalogue', () => {
  it('has the same codes, with the same placeholders, in Spanish and English', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const code of Object.keys(en) as CheckerCode[]) expect(placeholders(es[code]), code).toEqual(placeholders(en[code]));
    const sizes = catalogueSizes();
    // The count the note asks for: how many strings the checker's catalogue holds per language.
    console.info(`checker catalogue: ${sizes.en} strings in English, ${sizes.es} in Spanish`);
    expect(sizes.es).toBe(sizes.en);
  });

  it('gives every problem and note the checker finds a code both languages word, and no English to a Spanish reader', () => {
    const seen = new Set<string>();
    for (const text of brokenScripts) {
      const result = checkProcedureText(text);
      for (const finding of [...result.problems, ...result.notes]) {
        expect(isCheckerCode(finding.code), `${finding.message} has code ${String(finding.code)}`).toBe(true);
        seen.add(finding.code ?? '');
        // The English words are the message the command line has always printed.
        expect(describeProblem(finding, 'en')).toBe(finding.message);
        const spanish = describeProblem(finding, 'es');
        expect(spanish).not.toBe(finding.message);
        for (const fragment of englishFragments) expect(spanish, `${finding.code}: ${spanish}`).not.toContain(fragment);
      }
    }
    // A broad sample of the catalogue is reached, so this test means something as codes are added.
    expect(seen.size).toBeGreaterThanOrEqual(30);
  });

  it("words a problem inside a step with its place, and names a language in the reader's language", () => {
    const text = miniProcedureYaml(
      stepYaml('a', 'question', 'choices:\n  - { id: si, label: { es: Sí }, next: fin }\n  - { id: si, label: { es: No }, next: fin }') +
        '\n' +
        stepYaml('fin', 'done'),
      'languages: [es, ar]\n'.replace('languages', 'reviewedLanguages'),
    );
    const problems = checkProcedureText(text).problems;
    const duplicate = problems.find((problem) => problem.code === 'duplicate-choice-id');
    expect(duplicate && describeProblem(duplicate, 'es')).toBe('paso "a": dos respuestas tienen el id "si"');
    expect(duplicate && describeProblem(duplicate, 'en')).toBe('step "a": two choices have the id "si"');
    const note = checkProcedureText(miniProcedureYaml(stepYaml('fin', 'done'))).notes[0];
    expect(note && describeProblem(note, 'es')).toMatch(/^el texto en español \(es\) no lo ha revisado/);
  });

  it('keeps the English message of a problem stored before codes existed', () => {
    expect(describeProblem({ message: 'an old sentence' }, 'es')).toBe('an old sentence');
    expect(describeProblem({ message: 'an old sentence', code: 'a-code-from-a-newer-hub' }, 'es')).toBe('an old sentence');
  });

  it("counts the strings each language holds, with the staff console's own catalogue", () => {
    const strings = (value: unknown): number =>
      typeof value === 'string'
        ? 1
        : typeof value === 'object' && value !== null
          ? Object.values(value).reduce<number>((sum, child) => sum + strings(child), 0)
          : 0;
    const staff = (language: string): unknown =>
      JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../assets/locales', language, 'staff.json'), 'utf8')) as unknown;
    const sizes = catalogueSizes();
    const counts = { es: { staff: strings(staff('es')), checker: sizes.es }, en: { staff: strings(staff('en')), checker: sizes.en } };
    // The note of issue 16 says how many strings the catalogues hold per language; this prints them.
    console.info(
      `catalogue strings: es ${counts.es.staff} staff + ${counts.es.checker} checker = ${counts.es.staff + counts.es.checker}; ` +
        `en ${counts.en.staff} staff + ${counts.en.checker} checker = ${counts.en.staff + counts.en.checker}`,
    );
    expect(counts.es).toEqual(counts.en);
  });

  it('holds a catalogue for each language the console speaks', () => {
    expect(Object.keys(checkerCatalogues).sort()).toEqual(['en', 'es']);
  });
});
