import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { describeProblem } from '../../../core/procedure/messages/catalog.js';
import { listTexts } from '../../../core/procedure/texts.js';
import { buildStepGraph } from '../../../core/procedure/graph.js';
import { miniProcedureYaml, procedureFrom, stepYaml } from '../../support/procedures.js';

/** The problems of a text as `line:column: message` strings, for readable assertions. */
function problemsOf(text: string, language = 'en'): string[] {
  return checkProcedureText(text).problems.map((p) => `${p.line}:${p.column}: ${describeProblem(p, language)}`);
}

/** A quiz step whose answers are given as YAML flow maps, one a line. */
function quizYaml(id: string, answers: string[], extra = 'explanation: { es: El PIN no se da a nadie. }\nnext: fin'): string {
  return stepYaml(id, 'quiz', `choices:\n${answers.map((a) => `  - ${a}`).join('\n')}\n${extra}`);
}

const right = '{ id: callar, label: { es: No lo digo }, correct: true }';
const wrong = '{ id: decir, label: { es: Lo digo } }';
const done = stepYaml('fin', 'done');

describe('a quiz step (issue 18)', () => {
  it('with one right answer, an explanation and a next step passes', () => {
    const procedure = procedureFrom(miniProcedureYaml(quizYaml('pin', [wrong, right]) + done));
    const quiz = procedure.steps[0];
    expect(quiz?.kind).toBe('quiz');
    expect(buildStepGraph(procedure).successors.get('pin')).toEqual(['fin']);
  });

  it('with no answer marked right is refused at its answers, saying how many it marks', () => {
    const text = miniProcedureYaml(quizYaml('pin', [wrong, '{ id: otra, label: { es: Otra } }']) + done);
    expect(problemsOf(text)).toEqual(['15:5: quiz step "pin" must mark exactly one answer "correct: true" (it marks 0)']);
  });

  it('with two answers marked right is refused, in Spanish too', () => {
    const text = miniProcedureYaml(quizYaml('pin', [right.replace('callar', 'otra'), right]) + done);
    expect(problemsOf(text)).toEqual(['15:5: quiz step "pin" must mark exactly one answer "correct: true" (it marks 2)']);
    expect(problemsOf(text, 'es')[0]).toMatch(/^15:5: .*"pin".*2/);
  });

  it('with two answers of the same id is refused at the second', () => {
    const text = miniProcedureYaml(quizYaml('pin', [right, wrong.replace('decir', 'callar')]) + done);
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^17:\d+: .*"callar"/)]);
  });

  it('without an explanation is refused', () => {
    const text = miniProcedureYaml(quizYaml('pin', [wrong, right], 'next: fin') + done);
    expect(problemsOf(text).join('\n')).toMatch(/explanation/);
  });

  it('without a next step is a dead end, and a next step that does not exist is named', () => {
    expect(problemsOf(miniProcedureYaml(quizYaml('pin', [wrong, right], 'explanation: { es: Así. }') + done)).join('\n')).toMatch(/"pin"/);
    const missing = problemsOf(miniProcedureYaml(quizYaml('pin', [wrong, right], 'explanation: { es: Así. }\nnext: fn') + done));
    expect(missing.join('\n')).toMatch(/"fn".*\n?.*fin|"fn"/);
  });

  it('whose next step is only reached through it makes that step reachable; a step after no quiz is unreachable', () => {
    const text = miniProcedureYaml(
      quizYaml('pin', [wrong, right], 'explanation: { es: Así. }\nnext: medio') +
        stepYaml('medio', 'info', 'next: fin') +
        stepYaml('suelto', 'info', 'next: fin') +
        done,
    );
    expect(problemsOf(text)).toEqual([expect.stringMatching(/"suelto".*unreachable|unreachable.*"suelto"|"suelto"/)]);
  });

  it('has its answers and explanation translated into every declared language', () => {
    const both = (es: string): string => `{ es: ${es}, en: ${es} }`;
    const quiz = `  - id: pin
    kind: quiz
    title: ${both('PIN')}
    text: ${both('¿Lo digo?')}
    choices:
      - { id: decir, label: ${both('Lo digo')} }
      - { id: callar, label: { es: No lo digo }, correct: true }
    explanation: { es: El PIN no se da a nadie. }
    next: fin
  - id: fin
    kind: done
    title: ${both('Fin')}
    text: ${both('Hecho')}
`;
    const text = miniProcedureYaml(quiz)
      .replace('languages: [es]', 'languages: [es, en]')
      .replace('title: { es: Mini }', `title: ${both('Mini')}`)
      .replace('summary: { es: Un trámite de prueba. }', `summary: ${both('Prueba')}`);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^17:.*"label".*"en"/);
    expect(problems[1]).toMatch(/^18:.*"explanation".*"en"/);
  });

  it('lists its answers and explanation as spoken texts of the step', () => {
    const procedure = procedureFrom(miniProcedureYaml(quizYaml('pin', [wrong, right]) + done));
    const texts = listTexts(procedure).filter((entry) => entry.stepId === 'pin');
    expect(texts.map((entry) => [entry.role, entry.text['es'], entry.spoken])).toEqual([
      ['step-title', 'Título pin', true],
      ['step-text', 'Texto pin', true],
      ['choice-label', 'Lo digo', true],
      ['choice-label', 'No lo digo', true],
      ['quiz-explanation', 'El PIN no se da a nadie.', true],
    ]);
  });
});
