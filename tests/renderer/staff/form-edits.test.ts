/**
 * The form's edits for every part of a script (issue 16: "the form does not cover the whole
 * script"): requirements, channels, glossary, checklist items, images, input patterns and done
 * texts are added, edited, moved and removed on the YAML, keeping every comment, and new fields
 * land where an author would have written them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureSchema } from '../../../core/procedure/schema.js';
import { checkForEditor } from '../../../renderer/staff/editor/located-problems.js';
import {
  hasWrittenText,
  newChannel,
  newChecklistItem,
  newGlossaryEntry,
  newImage,
  newRequirement,
  idsOf,
} from '../../../renderer/staff/editor/form/item-templates.js';
import { addLanguageEdit, isLanguageCode, removeLanguageEdit } from '../../../renderer/staff/editor/form/languages.js';
import { listKeyTarget } from '../../../renderer/staff/editor/form/list-keys.js';
import { kindChangeEdits } from '../../../renderer/staff/editor/form/step-kind.js';
import { applyEdit, formDataOf, type FormEdit } from '../../../renderer/staff/editor/yaml-document.js';

const sample = readFileSync(path.resolve(import.meta.dirname, '../../../assets/procedures/teleasistencia.yaml'), 'utf8');
const languages = ['es', 'en', 'ar'];
const comments = sample.split('\n').filter((line) => line.trimStart().startsWith('#'));

/** Applies edits one after another, as the form does, failing when one does not fit. */
function apply(text: string, ...edits: FormEdit[]): string {
  return edits.reduce((current, edit) => {
    const next = applyEdit(current, edit);
    if (next === undefined) throw new Error(`edit did not apply: ${JSON.stringify(edit)}`);
    return next;
  }, text);
}

/** The data of a text, read as the form reads it. */
function dataOf(text: string): unknown {
  const read = formDataOf(text);
  if (!read.ok) throw new Error('not well formed');
  return read.data;
}

/** The value at a path of the data (undefined where there is none). */
function get(data: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

const stepOf = (text: string, index: number) => get(dataOf(text), 'steps', index) as Record<string, unknown>;

function keepsComments(text: string): void {
  for (const comment of comments) expect(text).toContain(comment);
}

const stepIndex = (text: string, id: string): number => (get(dataOf(text), 'steps') as { id: string }[]).findIndex((step) => step.id === id);

describe('lists of the procedure edited through the form', () => {
  const lists = [
    { key: 'requirements', make: () => newRequirement(idsOf(get(dataOf(sample), 'requirements')), languages), text: ['label', 'es'] },
    { key: 'channels', make: () => newChannel(languages), text: ['label', 'es'] },
    { key: 'glossary', make: () => newGlossaryEntry(idsOf(get(dataOf(sample), 'glossary')), languages), text: ['meaning', 'es'] },
  ] as const;

  for (const list of lists) {
    it(`a ${list.key} entry is added, written, moved first and back, removed, and the file comes back exactly`, () => {
      const count = (get(dataOf(sample), list.key) as unknown[]).length;
      const added = apply(sample, { kind: 'insert', path: [list.key], index: count, value: list.make() });
      const written = apply(added, { kind: 'set', path: [list.key, count, ...list.text], value: 'Un texto del formulario' });
      keepsComments(written);
      expect(get(dataOf(written), list.key, count, ...list.text)).toBe('Un texto del formulario');
      const moved = apply(written, { kind: 'move', path: [list.key], from: count, to: 0 });
      expect(get(dataOf(moved), list.key, 0, ...list.text)).toBe('Un texto del formulario');
      keepsComments(moved);
      const back = apply(moved, { kind: 'move', path: [list.key], from: 0, to: count }, { kind: 'delete', path: [list.key, count] });
      expect(back).toBe(sample);
    });
  }

  it('new entries have fresh ids, every language and the fields the schema requires, so only their empty texts are problems', () => {
    const requirement = newRequirement(['requisito', 'requisito-2'], languages);
    expect(requirement).toEqual({ id: 'requisito-3', label: { es: '', en: '', ar: '' }, question: { es: '', en: '', ar: '' } });
    expect(newGlossaryEntry([], ['es']).id).toBe('palabra');
    expect(newChecklistItem(['elemento'], ['es'])).toEqual({ id: 'elemento-2', label: { es: '' } });
    expect(newChannel(['es', 'en'])).toEqual({ kind: 'in-person', label: { es: '', en: '' } });
    // An untouched new entry goes without a question; one with words asks first.
    expect(hasWrittenText(requirement)).toBe(false);
    expect(hasWrittenText(newChannel(['es']))).toBe(false);
    expect(hasWrittenText({ ...requirement, label: { es: 'Su DNI', en: '', ar: '' } })).toBe(true);
    expect(hasWrittenText({ kind: 'phone', label: { es: '' }, phone: '010' })).toBe(true);
    const text = apply(sample, { kind: 'insert', path: ['glossary'], index: 0, value: newGlossaryEntry(idsOf(get(dataOf(sample), 'glossary')), languages) });
    const problems = checkForEditor(text).problems;
    expect(problems.length).toBeGreaterThan(0);
    // Each problem is one of the entry's texts, in one language, waiting to be written.
    for (const problem of problems)
      expect(problem.path).toEqual(['glossary', 0, expect.stringMatching(/^(term|meaning)$/), expect.stringMatching(/^(es|en|ar)$/)]);
  });

  it('a list the file does not have yet is written where the schema puts it, before the steps and their comment', () => {
    const text = 'id: x\ntitle:\n  es: X\n# The screens.\nsteps:\n  - id: a\n    kind: info\n';
    const added = apply(text, { kind: 'insert', path: ['requirements'], index: 0, value: { id: 'dni', label: { es: 'DNI' } } });
    expect(added).toBe('id: x\ntitle:\n  es: X\nrequirements:\n  - id: dni\n    label:\n      es: DNI\n# The screens.\nsteps:\n  - id: a\n    kind: info\n');
    // A translation typed for a language the text lacks goes in the order of `languages`.
    const translated = apply('languages: [es, en, ar]\ntitle:\n  es: X\n  ar: Y\n', { kind: 'set', path: ['title', 'en'], value: 'Z' });
    expect(translated).toBe('languages: [es, en, ar]\ntitle:\n  es: X\n  en: Z\n  ar: Y\n');
    expect(Object.keys(procedureSchema.shape)).toContain('requirements');
  });
});

describe('step fields edited through the form', () => {
  it('a checklist item is added, written and removed; "tick every item" is set and cleared', () => {
    const at = stepIndex(sample, 'dispositivos');
    const items = stepOf(sample, at)['items'] as unknown[];
    const added = apply(
      sample,
      { kind: 'insert', path: ['steps', at, 'items'], index: items.length, value: newChecklistItem(idsOf(items), languages) },
      { kind: 'set', path: ['steps', at, 'items', items.length, 'label', 'es'], value: 'Un detector de agua' },
      { kind: 'set', path: ['steps', at, 'requireAll'], value: true },
    );
    keepsComments(added);
    const step = stepOf(added, at);
    expect(get(step, 'items', items.length)).toEqual({ id: 'elemento', label: { es: 'Un detector de agua', en: '', ar: '' } });
    expect(step['requireAll']).toBe(true);
    expect(
      apply(added, { kind: 'delete', path: ['steps', at, 'items', items.length] }, { kind: 'set', path: ['steps', at, 'requireAll'], value: undefined }),
    ).toBe(sample);
  });

  it("a done step's texts and QR address are written and removed", () => {
    const at = (get(dataOf(sample), 'steps') as { kind: string }[]).findIndex((step) => step.kind === 'done');
    const before = stepOf(sample, at);
    const written = apply(
      sample,
      { kind: 'set', path: ['steps', at, 'whatNext', 'es'], value: 'Le llamarán en una semana.' },
      { kind: 'set', path: ['steps', at, 'qrUrl'], value: 'https://www.madrid.es/teleasistencia' },
    );
    keepsComments(written);
    const step = stepOf(written, at);
    expect(get(step, 'whatNext', 'es')).toBe('Le llamarán en una semana.');
    expect(step['qrUrl']).toBe('https://www.madrid.es/teleasistencia');
    expect(get(step, 'whatNext', 'en')).toBe(get(before, 'whatNext', 'en'));
  });

  it("an image and an input's pattern are added before `next`, and removing them brings the file back", () => {
    const text = 'languages: [es, en]\nsteps:\n  - id: a\n    kind: input\n    title:\n      es: A\n    format: text\n    # where it leads\n    next: b\n';
    const withImage = apply(text, { kind: 'set', path: ['steps', 0, 'image'], value: newImage(['es', 'en']) });
    expect(withImage).toContain('      es: A\n    image:\n      src: ""\n      alt:\n        es: ""\n        en: ""\n    format: text\n');
    const withPattern = apply(
      withImage,
      { kind: 'set', path: ['steps', 0, 'pattern'], value: '^[0-9]{5}$' },
      { kind: 'set', path: ['steps', 0, 'patternError', 'es'], value: 'Escriba cinco cifras.' },
    );
    expect(withPattern).toMatch(
      /format: text\n {4}pattern: \^\[0-9\]\{5\}\$\n {4}patternError:\n {6}es: Escriba cinco cifras\.\n {4}# where it leads\n {4}next: b\n$/,
    );
    expect(
      apply(
        withPattern,
        { kind: 'set', path: ['steps', 0, 'image'], value: undefined },
        { kind: 'set', path: ['steps', 0, 'pattern'], value: undefined },
        { kind: 'set', path: ['steps', 0, 'patternError'], value: undefined },
      ),
    ).toBe(text);
  });

  it("changing a step's kind removes the fields the new kind has no place for and adds the ones it needs", () => {
    const info = { id: 'a', kind: 'info', title: { es: 'A' }, text: { es: 'T' }, next: 'b' };
    const toQuestion = kindChangeEdits(info, ['steps', 0], 'question', ['es']);
    const text = 'steps:\n  - id: a\n    kind: info\n    title:\n      es: A\n    text:\n      es: T\n    next: b\n';
    const question = stepOf(apply(text, ...toQuestion), 0);
    expect(question['kind']).toBe('question');
    expect(question['next']).toBeUndefined();
    // Where the step led is kept on its first answer.
    expect(question['choices']).toEqual([
      { id: 'respuesta-1', label: { es: '' }, next: 'b' },
      { id: 'respuesta-2', label: { es: '' } },
    ]);
    const back = stepOf(apply(apply(text, ...toQuestion), ...kindChangeEdits(question, ['steps', 0], 'info', ['es'])), 0);
    expect(back).toEqual(info);
    const checklist = stepOf(apply(text, ...kindChangeEdits(info, ['steps', 0], 'checklist', ['es'])), 0);
    expect(checklist['items']).toEqual([{ id: 'elemento', label: { es: '' } }]);
    expect(checklist['next']).toBe('b');
    const input = stepOf(apply(text, ...kindChangeEdits(info, ['steps', 0], 'input', ['es'])), 0);
    expect(input).toMatchObject({ format: 'text', label: { es: '' }, next: 'b' });
    const done = stepOf(apply(text, ...kindChangeEdits(input, ['steps', 0], 'done', ['es'])), 0);
    expect(Object.keys(done).sort()).toEqual(['id', 'kind', 'text', 'title']);
  });

  it('a step becomes a practice question with two answers and an explanation to write, keeping where it led, and back (issue 18)', () => {
    const info = { id: 'a', kind: 'info', title: { es: 'A' }, text: { es: 'T' }, next: 'b' };
    const text = 'steps:\n  - id: a\n    kind: info\n    title:\n      es: A\n    text:\n      es: T\n    next: b\n';
    const quiz = stepOf(apply(text, ...kindChangeEdits(info, ['steps', 0], 'quiz', ['es', 'en'])), 0);
    expect(quiz).toMatchObject({ kind: 'quiz', next: 'b', explanation: { es: '', en: '' } });
    // No answer is marked safe for the clerk: the checker's quiz-one-correct asks them to choose one.
    expect(quiz['choices']).toEqual([
      { id: 'respuesta-1', label: { es: '', en: '' } },
      { id: 'respuesta-2', label: { es: '', en: '' } },
    ]);
    // A question's answers lose their own way on; the quiz keeps the first answer's.
    const questionText = apply(text, ...kindChangeEdits(info, ['steps', 0], 'question', ['es']));
    const question = stepOf(questionText, 0);
    const fromQuestion = stepOf(apply(questionText, ...kindChangeEdits(question, ['steps', 0], 'quiz', ['es'])), 0);
    expect(fromQuestion).toMatchObject({ kind: 'quiz', next: 'b' });
    expect(fromQuestion['choices']).toEqual([
      { id: 'respuesta-1', label: { es: '' } },
      { id: 'respuesta-2', label: { es: '' } },
    ]);
    // And a quiz turned into a question: no safe answer, every answer leads where the quiz did, no explanation.
    const marked = {
      ...quiz,
      choices: [
        { id: 'si', label: { es: 'Sí' }, correct: true },
        { id: 'no', label: { es: 'No' } },
      ],
    };
    const quizText = apply(text, ...kindChangeEdits(info, ['steps', 0], 'quiz', ['es']), { kind: 'set', path: ['steps', 0, 'choices'], value: marked.choices });
    const backToQuestion = stepOf(apply(quizText, ...kindChangeEdits(stepOf(quizText, 0), ['steps', 0], 'question', ['es'])), 0);
    expect(backToQuestion['explanation']).toBeUndefined();
    expect(backToQuestion['next']).toBeUndefined();
    expect(backToQuestion['choices']).toEqual([
      { id: 'si', label: { es: 'Sí' }, next: 'b' },
      { id: 'no', label: { es: 'No' }, next: 'b' },
    ]);
    // The first letter typed into an answer the kind change added is kept (the edit after a list is set lands inside it).
    const typed = apply(text, ...kindChangeEdits(info, ['steps', 0], 'quiz', ['es']), {
      kind: 'set',
      path: ['steps', 0, 'choices', 0, 'label', 'es'],
      value: 'S',
    });
    expect(stepOf(typed, 0)['choices']).toEqual([
      { id: 'respuesta-1', label: { es: 'S' } },
      { id: 'respuesta-2', label: { es: '' } },
    ]);
  });
});

describe('the step list keys', () => {
  it('Up and Down move one step and stop at the ends; Home and End jump; other keys do nothing', () => {
    expect(listKeyTarget('ArrowDown', 0, 3)).toBe(1);
    expect(listKeyTarget('ArrowDown', 2, 3)).toBe(2);
    expect(listKeyTarget('ArrowUp', 0, 3)).toBe(0);
    expect(listKeyTarget('ArrowUp', 2, 3)).toBe(1);
    expect(listKeyTarget('Home', 2, 3)).toBe(0);
    expect(listKeyTarget('End', 0, 3)).toBe(2);
    expect(listKeyTarget('a', 0, 3)).toBeUndefined();
    expect(listKeyTarget('ArrowDown', 0, 0)).toBeUndefined();
  });
});

describe("the script's languages", () => {
  it('removing a language takes it out of the list, the reviewed list and every text, in one edit that keeps the comments', () => {
    const removed = apply(sample, removeLanguageEdit(dataOf(sample), 'ar'));
    keepsComments(removed);
    const data = dataOf(removed);
    expect(get(data, 'languages')).toEqual(['es', 'en']);
    expect(removed).not.toMatch(/^\s+ar:/m);
    expect(get(data, 'steps', 0, 'title')).toEqual({ es: get(dataOf(sample), 'steps', 0, 'title', 'es'), en: get(dataOf(sample), 'steps', 0, 'title', 'en') });
    expect(checkForEditor(removed).problems).toEqual([]);
    // Added back, it is declared, and the checker asks for its texts.
    const added = apply(removed, addLanguageEdit(dataOf(removed), 'ar'));
    expect(get(dataOf(added), 'languages')).toEqual(['es', 'en', 'ar']);
    expect(checkForEditor(added).problems.length).toBeGreaterThan(10);
    expect(isLanguageCode('fr')).toBe(true);
    expect(isLanguageCode('Francés')).toBe(false);
  });
});
