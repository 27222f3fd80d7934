import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkForEditor, problemsNotUnder, problemsUnder } from '../../../renderer/staff/editor/located-problems.js';
import { applyEdit, formDataOf, offsetOf, pathAtOffset } from '../../../renderer/staff/editor/yaml-document.js';

const sample = readFileSync(path.resolve(import.meta.dirname, '../../../assets/procedures/certificado-empadronamiento.yaml'), 'utf8');

/** The lines of `after` that are not in `before` at the same place, and the reverse. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((line, index) => b[index] !== line), added: b.filter((line, index) => a[index] !== line) };
}

describe('form edits on the YAML', () => {
  it('changing one text changes only that line and keeps every comment', () => {
    const data = formDataOf(sample);
    expect(data.ok).toBe(true);
    const after = applyEdit(sample, { kind: 'set', path: ['steps', 0, 'text', 'es'], value: 'Un texto nuevo para el paso uno.' });
    expect(after).toBeDefined();
    const changes = changedLines(sample, after ?? '');
    expect(changes.added).toEqual(['      es: Un texto nuevo para el paso uno.']);
    expect(changes.removed).toHaveLength(1);
    for (const comment of sample.split('\n').filter((line) => line.trimStart().startsWith('#'))) expect(after).toContain(comment);
    const reread = formDataOf(after ?? '');
    expect(reread.ok && (reread.data as { steps: { text: { es: string } }[] }).steps[0]?.text.es).toBe('Un texto nuevo para el paso uno.');
  });

  it('an edit that changes nothing gives back the very same text', () => {
    const first = formDataOf(sample);
    const es = first.ok ? (first.data as { title: { es: string } }).title.es : '';
    expect(applyEdit(sample, { kind: 'set', path: ['title', 'es'], value: es })).toBe(sample);
  });

  it('moves a step with its comments, and moving it back restores the file exactly', () => {
    const text = 'id: x\nsteps:\n  - id: a # first\n    kind: info\n  # about b\n  - id: b\n    kind: done\n';
    const moved = applyEdit(text, { kind: 'move', path: ['steps'], from: 1, to: 0 });
    expect(moved).toBe('id: x\nsteps:\n  # about b\n  - id: b\n    kind: done\n  - id: a # first\n    kind: info\n');
    expect(applyEdit(moved ?? '', { kind: 'move', path: ['steps'], from: 0, to: 1 })).toBe(text);
  });

  it('inserts, deletes, and removes a field set to undefined; an empty text stays for the checker to flag', () => {
    const text = 'steps:\n  - id: a\n    say:\n      es: Hola\n';
    const inserted = applyEdit(text, { kind: 'insert', path: ['steps'], index: 1, value: { id: 'b', kind: 'info' } });
    expect(inserted).toBe('steps:\n  - id: a\n    say:\n      es: Hola\n  - id: b\n    kind: info\n');
    expect(applyEdit(inserted ?? '', { kind: 'delete', path: ['steps', 0] })).toBe('steps:\n  - id: b\n    kind: info\n');
    expect(applyEdit(text, { kind: 'set', path: ['steps', 0, 'say'], value: undefined })).toBe('steps:\n  - id: a\n');
    expect(applyEdit(text, { kind: 'set', path: ['steps', 0, 'say', 'es'], value: '' })).toBe('steps:\n  - id: a\n    say:\n      es: ""\n');
    expect(applyEdit(text, { kind: 'insert', path: ['steps', 0, 'commonProblems'], index: 0, value: { es: 'x' } })).toBe(
      'steps:\n  - id: a\n    say:\n      es: Hola\n    commonProblems:\n      - es: x\n',
    );
  });

  it('refuses to edit broken YAML, and edits that do not fit the data', () => {
    const broken = 'id: x\nsteps: [\n';
    expect(formDataOf(broken)).toEqual({ ok: false });
    expect(applyEdit(broken, { kind: 'set', path: ['id'], value: 'y' })).toBeUndefined();
    expect(applyEdit('title: plain\n', { kind: 'set', path: ['title', 'es'], value: 'x' })).toBeUndefined();
    expect(applyEdit('steps: []\n', { kind: 'move', path: ['steps'], from: 0, to: 1 })).toBeUndefined();
  });

  it('YAML typed in the pane reaches the form as soon as it is well formed again', () => {
    const typing = sample.replace('es: Certificado de empadronamiento', 'es: "Certificado de');
    expect(formDataOf(typing).ok).toBe(false);
    const done = sample.replace('es: Certificado de empadronamiento', 'es: "Certificado nuevo"');
    const data = formDataOf(done);
    expect(data.ok && (data.data as { title: { es: string } }).title.es).toBe('Certificado nuevo');
  });
});

describe('placing problems on the form', () => {
  it('finds the data path at a place in the text', () => {
    const text = 'id: x\nsteps:\n  - id: a\n    text:\n      es: Hola\n';
    expect(pathAtOffset(text, offsetOf(text, 5, 11))).toEqual(['steps', 0, 'text', 'es']);
    expect(pathAtOffset(text, offsetOf(text, 3, 5))).toEqual(['steps', 0, 'id']);
    expect(pathAtOffset(text, offsetOf(text, 1, 5))).toEqual(['id']);
    expect(pathAtOffset('a: [', 2)).toEqual([]);
  });

  it("a next to a missing step is reported on that step's next field, and on its line", () => {
    const broken = sample.replace(/next: (\S+)/, 'next: no-existe');
    const line = broken.split('\n').findIndex((text) => text.includes('next: no-existe')) + 1;
    const check = checkForEditor(broken);
    expect(check.procedure).toBeUndefined();
    const problem = check.problems.find((candidate) => candidate.message.includes('no-existe'));
    expect(problem?.line).toBe(line);
    expect(problem?.path.at(-1)).toBe('next');
    expect(problem?.path[0]).toBe('steps');
    const stepIndex = problem?.path[1] as number;
    expect(problemsUnder(check.problems, ['steps', stepIndex, 'next'])).toContain(problem);
    expect(problemsNotUnder(check.problems, ['steps', stepIndex], ['next'])).not.toContain(problem);
  });

  it('the sample file has no problems and gives the procedure to preview', () => {
    const check = checkForEditor(sample);
    expect(check.problems).toEqual([]);
    expect(check.procedure?.id).toBe('certificado-empadronamiento');
  });
});
