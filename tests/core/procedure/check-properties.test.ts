/**
 * Property-based tests: mutate the real sample scripts in many random ways and check that the
 * checker always answers with located, plain problems (never a throw, never a hang), and that
 * the mistakes staff really make are always caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkProcedureBytes, checkProcedureText } from '../../../core/procedure/check.js';
import type { Problem } from '../../../core/procedure/problem.js';
import { sampleSources } from '../../support/procedures.js';

const samples = sampleSources();
const sampleTexts = samples.map((sample) => sample.text);

function expectLocated(problems: readonly Problem[], text: string): void {
  const lineCount = text.split('\n').length;
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.message).not.toContain('\n');
  }
}

/** Text edits a person (or a broken editor, or a bad copy) makes. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
  fc.record({
    kind: fc.constant('insert-yaml-noise' as const),
    at: fc.nat(),
    text: fc.constantFrom(':', '- ', '{', '}', '[', ']', '&a ', '*a', '!!binary ', '"', "'", '\t', '#', '? ', '|', '>', '---\n', '%YAML 1.1\n'),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('reindent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function applyTextMutation(text: string, mutation: TextMutation): string {
  const lines = text.split('\n');
  const lineAt = (n: number): number => n % lines.length;
  switch (mutation.kind) {
    case 'delete-lines':
      lines.splice(lineAt(mutation.at), mutation.count);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = lineAt(mutation.at);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'insert':
    case 'insert-yaml-noise': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
    case 'swap-lines': {
      const a = lineAt(mutation.a);
      const b = lineAt(mutation.b);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'reindent': {
      const i = lineAt(mutation.at);
      const line = lines[i] ?? '';
      lines[i] = mutation.by >= 0 ? ' '.repeat(mutation.by) + line : line.replace(new RegExp(`^ {0,${-mutation.by}}`), '');
      return lines.join('\n');
    }
  }
}

describe('the checker on mutated sample scripts', () => {
  it('always answers with located problems or a valid procedure, never a throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sampleTexts), fc.array(textMutation, { minLength: 1, maxLength: 4 }), (sample, mutations) => {
        const text = mutations.reduce(applyTextMutation, sample);
        const result = checkProcedureText(text);
        expectLocated(result.problems, text);
        expect(result.procedure === undefined).toBe(result.problems.length > 0);
        expect(checkProcedureText(text)).toEqual(result);
      }),
      { numRuns: 400 },
    );
  });

  it('survives any bytes at all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const result = checkProcedureBytes(bytes);
        expect(result.procedure).toBeUndefined();
        for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('survives sample scripts with random bytes spliced in', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.constantFrom(...sampleTexts), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }), (sample, at, noise) => {
        const bytes = encoder.encode(sample);
        const position = at % bytes.length;
        const mixed = new Uint8Array([...bytes.subarray(0, position), ...noise, ...bytes.subarray(position)]);
        const result = checkProcedureBytes(mixed);
        for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

/** Structural mistakes on the parsed data of a sample, each with what the checker must say. */
type Data = Record<string, unknown> & { steps: Record<string, unknown>[]; languages: string[] };

const structuralMutation = fc.oneof(
  fc.record({ kind: fc.constant('broken-link' as const), step: fc.nat(), target: fc.stringMatching(/^[a-z]{3,10}-zz$/) }),
  fc.record({ kind: fc.constant('missing-translation' as const), step: fc.nat(), field: fc.constantFrom('title', 'text') }),
  fc.record({ kind: fc.constant('missing-field' as const), step: fc.nat(), field: fc.constantFrom('title', 'text', 'id') }),
  fc.record({ kind: fc.constant('duplicate-id' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('sensitive-on-speaker' as const), step: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type' as const), step: fc.nat(), value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([])) }),
);

type StructuralMutation = typeof structuralMutation extends fc.Arbitrary<infer T> ? T : never;

function applyStructuralMutation(data: Data, mutation: StructuralMutation): { data: Data; expected: RegExp } {
  const steps = data.steps;
  const pick = (n: number): Record<string, unknown> => steps[n % steps.length] as Record<string, unknown>;
  switch (mutation.kind) {
    case 'broken-link': {
      const withNext = steps.filter((step) => typeof step['next'] === 'string');
      const step = withNext[mutation.step % Math.max(withNext.length, 1)];
      if (!step) return { data, expected: /./ };
      step['next'] = mutation.target;
      return { data, expected: new RegExp(`goes to "${mutation.target}", which does not exist`) };
    }
    case 'missing-translation': {
      const step = pick(mutation.step);
      const language = data.languages[1] ?? 'en';
      step[mutation.field] = Object.fromEntries(Object.entries(step[mutation.field] as Record<string, string>).filter(([code]) => code !== language));
      return { data, expected: new RegExp(`"${mutation.field}" has no "${data.languages[1] ?? 'en'}" text`) };
    }
    case 'missing-field':
      {
        const step = pick(mutation.step);
        steps[steps.indexOf(step)] = Object.fromEntries(Object.entries(step).filter(([field]) => field !== mutation.field));
      }
      return { data, expected: new RegExp(`the field "${mutation.field}" is missing`) };
    case 'duplicate-id': {
      const a = mutation.a % steps.length;
      const b = mutation.b % steps.length;
      if (a === b) return { data, expected: /^$|./ };
      (steps[b] as Record<string, unknown>)['id'] = (steps[a] as Record<string, unknown>)['id'];
      return { data, expected: /two steps have the id/ };
    }
    case 'sensitive-on-speaker': {
      const step = pick(mutation.step);
      step['sensitive'] = true;
      delete step['speak'];
      return { data, expected: /is sensitive, so it must never be spoken on the speaker/ };
    }
    case 'wrong-type':
      pick(mutation.step)['title'] = mutation.value;
      return { data, expected: /"title" (should be|is missing)/ };
  }
}

describe('mistakes staff make on the real samples are always caught', () => {
  it('broken links, missing translations and fields, duplicate ids, sensitive speech, wrong types', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sampleTexts), structuralMutation, (sample, mutation) => {
        const data = parse(sample) as Data;
        const { data: mutated, expected } = applyStructuralMutation(data, mutation);
        const text = stringify(mutated);
        const { problems, procedure } = checkProcedureText(text);
        if (expected.source === '^$|.') return; // a no-op mutation (a step duplicated onto itself)
        expect(procedure).toBeUndefined();
        expectLocated(problems, text);
        expect(problems.map((p) => p.message).join('\n')).toMatch(expected);
      }),
      { numRuns: 300 },
    );
  });
});
