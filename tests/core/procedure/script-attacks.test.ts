/**
 * Issue 15, the checker's side: keys JavaScript cannot hold as data, patterns that backtrack
 * catastrophically, and files the fast reader refuses (its duplicate-key check, now linear).
 */
import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { isPatternSafe } from '../../../core/procedure/pattern-safety.js';
import { sampleSources } from '../../support/procedures.js';

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

describe('duplicate keys in a file the fast reader refuses', () => {
  it('are found at their line by one pass over each map', () => {
    const keys = Array.from({ length: 3000 }, (_, index) => `k${index}: 1`).join('\n');
    const text = `${sample}${keys}\nk17: 2\n`;
    const { problems } = checkProcedureText(text);
    expect(problems).toEqual([
      {
        line: text.split('\n').length - 1,
        column: 1,
        message: 'this field is written twice in the same place; keep only one',
        range: expect.any(Array) as unknown,
      },
    ]);
  });
});
