/**
 * The practice rules across files (core/procedure/check-twins.ts through checkProcedureSet): a
 * twin names a procedure that exists and still matches it, each problem at its `twinOf`.
 */
import { describe, expect, it } from 'vitest';
import { checkProcedureSet, checkProcedureText, type CheckedFile } from '../../../core/procedure/check.js';
import { makePracticeTwin } from '../../../core/procedure/practice-twin.js';
import { practiceTwinYaml } from '../../../core/procedure/twin-yaml.js';
import { miniProcedureYaml, procedureFrom, sampleSources, stepYaml } from '../../support/procedures.js';

const sourceText = miniProcedureYaml(
  stepYaml('dni', 'input', 'format: dni-nie\nlabel: { es: DNI }\nnext: revisar') +
    stepYaml('revisar', 'review', 'next: enviar') +
    stepYaml('enviar', 'info', 'submits: true\nnext: fin') +
    stepYaml('fin', 'done', 'qrUrl: https://www.madrid.es/citaprevia'),
);

function twinText(source: string): string {
  const made = makePracticeTwin(procedureFrom(source));
  if (!made.ok) throw new Error(made.refusal.code);
  return practiceTwinYaml(made.twin, '../mini.yaml');
}

/** The set problems of files given as name → text, as `file:line:column: message`. */
function setProblems(files: Record<string, string>): string[] {
  const checked: CheckedFile[] = Object.entries(files).map(([fileName, text]) => ({ fileName, result: checkProcedureText(text) }));
  for (const { fileName, result } of checked) expect(result.problems, fileName).toEqual([]);
  const found = checkProcedureSet(checked, { readSource: (fileName) => files[fileName] });
  return [...found].flatMap(([fileName, problems]) => problems.map((problem) => `${fileName}:${problem.line}:${problem.column}: ${problem.message}`));
}

function positionOf(text: string, needle: string): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index);
  return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

describe('a generated twin beside its source', () => {
  it('passes while it is what the generator makes', () => {
    expect(setProblems({ 'mini.yaml': sourceText, 'workshop/practica-mini.yaml': twinText(sourceText) })).toEqual([]);
  });

  it('is stale once its source changes (a new version, or new words), reported at its twinOf', () => {
    const twin = twinText(sourceText);
    const where = positionOf(twin, 'twinOf: mini').replace(/:(\d+)$/, (_whole, column: string) => `:${Number(column) + 'twinOf: '.length}`);
    const changed = sourceText.replace('version: 1', 'version: 2');
    expect(setProblems({ 'mini.yaml': changed, 'workshop/practica-mini.yaml': twin })).toEqual([
      `workshop/practica-mini.yaml:${where}: this practice twin no longer matches "mini" (version 2); generate it again with npm run procedures:twins`,
    ]);
    const reworded = sourceText.replace('Texto dni', 'Escriba su DNI');
    expect(setProblems({ 'mini.yaml': reworded, 'workshop/practica-mini.yaml': twin })).toHaveLength(1);
  });

  it('is stale when edited by hand, even to a value the practice rules accept', () => {
    const edited = twinText(sourceText).replace('practiceData: 12345678Z', 'practiceData: X1234567L');
    expect(edited).toContain('X1234567L');
    expect(setProblems({ 'mini.yaml': sourceText, 'workshop/practica-mini.yaml': edited })).toEqual([
      expect.stringContaining('this practice twin no longer matches "mini" (version 1)'),
    ]);
  });

  it('names a procedure that exists: a twinOf with no procedure is refused at its value', () => {
    const twin = twinText(sourceText).replace('twinOf: mini', 'twinOf: mini-que-no-existe');
    expect(setProblems({ 'workshop/practica-mini.yaml': twin })).toEqual([
      `workshop/practica-mini.yaml:${positionOf(twin, 'mini-que-no-existe')}: this practice script is a twin of "mini-que-no-existe", but no procedure has that id`,
    ]);
  });

  it('is placed at the file start when the text cannot be read again, never dropped', () => {
    const twin = twinText(sourceText).replace('twinOf: mini', 'twinOf: otro');
    const checked: CheckedFile[] = [{ fileName: 'practica-mini.yaml', result: checkProcedureText(twin) }];
    const problems = checkProcedureSet(checked).get('practica-mini.yaml') ?? [];
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.code ?? ''}`)).toEqual(['1:1 twin-of-missing']);
  });

  it('whose source has problems of its own is not called missing (the source reports them)', () => {
    const twin = twinText(sourceText);
    const brokenSource = sourceText.replace('next: revisar', 'next: nowhere');
    const checked: CheckedFile[] = [
      { fileName: 'mini.yaml', result: checkProcedureText(brokenSource) },
      { fileName: 'workshop/practica-mini.yaml', result: checkProcedureText(twin) },
    ];
    expect(checked[0]?.result.problems.length).toBeGreaterThan(0);
    expect(checkProcedureSet(checked).get('workshop/practica-mini.yaml')).toBeUndefined();
  });

  it('a hand-written practice script without twinOf (practica-clave) has no source to match', () => {
    const clave = sampleSources().find(({ fileName }) => fileName === 'practica-clave.yaml')?.text ?? '';
    expect(setProblems({ 'practica-clave.yaml': clave })).toEqual([]);
  });
});
