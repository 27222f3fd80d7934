import { describe, expect, it } from 'vitest';
import { checkProcedureBytes, checkProcedureText } from '../../../core/procedure/check.js';
import { maxProblemsPerFile, type Problem } from '../../../core/procedure/problem.js';
import { sampleSources } from '../../support/procedures.js';

/** A located, plain problem: positive line and column, one line of text, no stack trace. */
function expectWellFormed(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.length).toBeLessThanOrEqual(maxProblemsPerFile + 1);
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message).not.toMatch(/\n|\s at \S+:\d+|TypeError|undefined/);
  }
}

const encoder = new TextEncoder();

describe('hostile files get a located message, never a crash or a hang', () => {
  it('an empty file', () => {
    const { problems } = checkProcedureText('');
    expect(problems).toEqual([
      { line: 1, column: 1, code: 'empty-file', message: 'the file is empty; a procedure starts with fields like "id:" and "steps:"' },
    ]);
    expectWellFormed(checkProcedureText('   \n\n  ').problems);
  });

  it('binary garbage with NUL bytes', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const { problems } = checkProcedureBytes(bytes);
    expectWellFormed(problems);
    expect(problems[0]?.message).toMatch(/not text in UTF-8|control character/);
  });

  it('a NUL byte in an otherwise valid script, located', () => {
    const text = `id: x\nversion: 1\ntitle: { es: "a\u0000b" }\n`;
    expect(checkProcedureText(text).problems).toEqual([
      { line: 3, column: 16, code: 'control-character', message: 'the file contains a control character that text never has; is it a binary file?' },
    ]);
  });

  it('bytes that are not UTF-8 (a Latin-1 file)', () => {
    const latin1 = Uint8Array.from([...'title: { es: Cami'].map((c) => c.charCodeAt(0)).concat([0xf3, 0x6e, 0x20, 0x7d]));
    expect(checkProcedureBytes(latin1).problems).toEqual([
      { line: 1, column: 1, code: 'not-utf8', message: 'the file is not text in UTF-8; save it as UTF-8 text' },
    ]);
  });

  it('an enormous file', () => {
    const huge = `id: x\nsummary: { es: "${'a'.repeat(600 * 1024)}" }\n`;
    expect(checkProcedureText(huge).problems[0]?.message).toMatch(/^the file is 601 KB; a procedure file may be at most 512 KB$/);
    expect(checkProcedureBytes(encoder.encode(huge)).problems[0]?.message).toMatch(/^the file is 601 KB/);
  });

  it('a YAML alias bomb ("billion laughs")', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map(
        (name, i) =>
          `${name}: &${name} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    const { problems } = checkProcedureText(bomb);
    expectWellFormed(problems);
    expect(problems[0]?.message).toMatch(/^aliases like "\*a" are not allowed in procedure files/);
    expect(problems[0]?.line).toBe(2);
  });

  it('deeply nested flow collections', () => {
    expectWellFormed(checkProcedureText(`steps: ${'['.repeat(100_000)}`).problems);
    expectWellFormed(checkProcedureText(`steps: ${'{a: '.repeat(20_000)}`).problems);
  });

  it('deeply nested block maps', () => {
    let text = '';
    for (let depth = 0; depth < 5000; depth++) text += `${' '.repeat(depth)}a:\n`;
    expectWellFormed(checkProcedureText(text).problems);
  });

  it('a file that is a list or a single word instead of fields', () => {
    expect(checkProcedureText('- a\n- b\n').problems[0]?.message).toBe('a procedure file is a list of fields like "id:", "title:" and "steps:"');
    expect(checkProcedureText('hola').problems[0]?.message).toBe('a procedure file is a list of fields like "id:", "title:" and "steps:"');
  });

  it('two documents in one file', () => {
    expectWellFormed(checkProcedureText('id: a\n---\nid: b\n').problems);
  });

  it('tabs used for indentation', () => {
    const { problems } = checkProcedureText('id: a\nsteps:\n\t- id: b\n');
    expectWellFormed(problems);
  });

  it('thousands of problems are cut to a readable list', () => {
    const sample = sampleSources()[0]?.text ?? '';
    const noEnglish = sample.replace(/^(\s*)en: .*$/gm, '');
    const { problems } = checkProcedureText(noEnglish.replace('languages: [es, en]', 'languages: [es, en, fr]'));
    expectWellFormed(problems);
    expect(problems[problems.length - 1]?.message).toMatch(/^\d+ more problems were not listed; fix these first$/);
  });

  it('a valid script with the wrong kinds of values everywhere', () => {
    const text = 'id: 5\nversion: "x"\ntitle: [a]\nsummary: 3\nicon: {}\nofficialUrl: null\nowner: []\nlastVerified: yesterday\nlanguages: es\nsteps: {}\n';
    const { problems } = checkProcedureText(text);
    expectWellFormed(problems);
    expect(problems.length).toBeGreaterThanOrEqual(10);
  });
});
