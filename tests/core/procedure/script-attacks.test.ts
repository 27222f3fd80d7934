/**
 * Issue 15, the checker's side: keys JavaScript cannot hold as data, patterns that backtrack
 * catastrophically, and files the fast reader refuses (its duplicate-key check, now linear).
 */
import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { isPatternSafe, withoutUnsafePatterns } from '../../../core/procedure/pattern-safety.js';
import type { Step } from '../../../core/procedure/schema.js';
import { procedureFrom, sampleSources } from '../../support/procedures.js';

const sample = sampleSources().find((file) => file.fileName === 'cita-previa.yaml')?.text ?? '';
const practice = sampleSources().find((file) => file.fileName === 'practica-clave.yaml')?.text ?? '';

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('a "__proto__" key is refused where it is written, never dropped', () => {
  it('under a text map, in a step, and at the top level, each at its line and column', () => {
    const hostile = sample
      .replace('title:\n  es: Cita previa con Línea Madrid\n', 'title:\n  __proto__: { es: Otro título }\n  es: Cita previa con Línea Madrid\n')
      .replace(/(\n {2}- id: [^\n]+\n)/, (line) => `${line}    __proto__: info\n`)
      .concat('__proto__: { polluted: true }\n');
    const { procedure, problems } = checkProcedureText(hostile);
    expect(procedure).toBeUndefined();
    const lines = hostile.split('\n');
    const places = lines.flatMap((line, index) => (line.includes('__proto__') ? [{ line: index + 1, column: line.indexOf('__proto__') + 1 }] : []));
    expect(places).toHaveLength(3);
    expect(problems.map(({ line, column }) => ({ line, column }))).toEqual(places);
    for (const problem of problems) expect(problem.message).toMatch(/^"__proto__" cannot be used as a key/);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('also in a file the slow reader reads (a " *" that might be an alias sends it there)', () => {
    const slow = sample.replace('title:\n  es: Cita previa con Línea Madrid\n', 'title:\n  es: Cita previa *con Línea Madrid\n  __proto__: x\n');
    const { problems } = checkProcedureText(slow);
    expect(problems).toEqual([expect.objectContaining({ line: lineOf(slow, '__proto__'), column: 3 })]);
  });
});

describe('patterns that can hang a kiosk (catastrophic backtracking)', () => {
  it('refuses ^(a|aa)+$ at its line, naming the danger', () => {
    const hostile = practice.replace("pattern: '^[0-9]{6}$'", () => "pattern: '^(a|aa)+$'");
    const { problems } = checkProcedureText(hostile);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(hostile, "pattern: '^(a|aa)+$'"),
        message: expect.stringMatching(/^step "[a-z-]+": this pattern can take very long on some answers \(catastrophic backtracking/) as string,
      }),
    ]);
  });

  it('refuses the classic shapes and accepts the codes staff really ask for', () => {
    for (const pattern of ['^(a|aa)+$', '^(a+)+$', '^([a-z]+ ?)+$', '^(\\w+\\s?)*$', '(x+x+)+y', '^.+@.+$'])
      expect(isPatternSafe(pattern), pattern).toBe(false);
    for (const pattern of ['^[0-9]{6}$', '^[0-9]{13}$', '^ES[0-9]{22}$', '^[0-9]{5}(-[0-9]{4})?$', '^[A-Z][a-z]+( [A-Z][a-z]+)*$', '^[^@]+@[^@]+$'])
      expect(isPatternSafe(pattern), pattern).toBe(true);
  });
});

describe('the hub serving versions published before patterns were analysed', () => {
  it('leaves out an unsafe pattern, and spends at most its budget analysing new ones on its thread', () => {
    const procedure = procedureFrom(practice);
    const input = procedure.steps.find((step): step is Extract<Step, { kind: 'input' }> => step.kind === 'input');
    if (!input) throw new Error('the practice sample has an input step');
    // Two hundred distinct patterns (the most a script may hold), the first one catastrophic.
    const patterns = ['^(a|aa)+$', ...Array.from({ length: 199 }, (_, index) => `^[0-9]{${index + 1}}x$`)];
    const hostile = { ...procedure, steps: [...procedure.steps, ...patterns.map((pattern, index) => ({ ...input, id: `campo-${index}`, pattern }))] };
    // A clock that moves 40 ms at each look: the budget (200 ms) allows a few analyses, then none.
    let time = 0;
    const budget = { now: () => (time += 40), leftMs: 200 };
    const { procedure: served, unsafe, unchecked } = withoutUnsafePatterns(hostile, budget);
    expect(unsafe).toEqual(['campo-0']);
    expect(unchecked.length).toBeGreaterThan(190);
    const servedPatterns = served.steps.flatMap((step) => (step.kind === 'input' && step.pattern !== undefined ? [step.pattern] : []));
    expect(servedPatterns).not.toContain('^(a|aa)+$');
    expect(servedPatterns.length).toBe(1 + 200 - unsafe.length - unchecked.length);
    // Verdicts are remembered: the next load serves what was analysed, without analysing it again.
    const again = withoutUnsafePatterns(hostile, { now: () => 0, leftMs: 0 });
    expect(again.unsafe).toEqual(['campo-0']);
    expect(again.unchecked).toEqual(unchecked);
  });
});

describe('duplicate keys in a file the fast reader refuses', () => {
  it('are found at their line by one pass over each map', () => {
    const keys = Array.from({ length: 3000 }, (_, index) => `k${index}: 1`).join('\n');
    const text = `${sample}${keys}\nk17: 2\n`;
    const { problems } = checkProcedureText(text);
    expect(problems).toEqual([
      {
        line: text.split('\n').length - 1,
        column: 1,
        code: 'duplicate-key',
        message: 'this field is written twice in the same place; keep only one',
        range: expect.any(Array) as unknown,
      },
    ]);
  });
});
