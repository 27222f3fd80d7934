/**
 * The three safety lessons of issue 18 (assets/procedures/workshop/leccion-*.yaml): they pass the
 * checker, ask at least two questions with one safe answer each, speak Spanish and English
 * everywhere, and explain every answer without judging the senior, in a few lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProcedureSet, checkProcedureText } from '../../../core/procedure/check.js';
import type { Procedure, StepOf } from '../../../core/procedure/schema.js';
import { listTexts } from '../../../core/procedure/texts.js';

const lessonsFolder = path.resolve(import.meta.dirname, '../../../assets/procedures/workshop');
const lessonIds = ['leccion-sms-falso', 'leccion-pin-clave', 'leccion-web-ayuntamiento'] as const;

// An explanation follows every answer, right or not: it names the safe answer and never the senior's fault.
const judgingWords = [
  'incorrect',
  'incorrecto',
  'incorrecta',
  'mal',
  'error',
  'errores',
  'equivocado',
  'equivocada',
  'equivocó',
  'fallo',
  'falló',
  'wrong',
  'mistake',
  'failed',
  'bad',
];
/** The longest explanation that still fits under the answers at the largest text size. */
const explanationMaxLength = 220;

function lessonText(id: string): string {
  return readFileSync(path.join(lessonsFolder, `${id}.yaml`), 'utf8');
}

function lesson(id: string): Procedure {
  const result = checkProcedureText(lessonText(id));
  if (!result.procedure) throw new Error(`${id} has problems:\n${result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  return result.procedure;
}

function quizzesOf(procedure: Procedure): StepOf<'quiz'>[] {
  return procedure.steps.filter((step): step is StepOf<'quiz'> => step.kind === 'quiz');
}

/** The judging words found in a text, matched as whole words in any letter case. */
function judgingWordsIn(text: string): string[] {
  const words = text.toLocaleLowerCase().split(/[^\p{L}]+/u);
  return judgingWords.filter((word) => words.includes(word));
}

describe.each(lessonIds)('the safety lesson %s', (id) => {
  it('passes the checker with no problem, and its file name is its id', () => {
    const result = checkProcedureText(lessonText(id));
    expect(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([]);
    expect(checkProcedureSet([{ fileName: `${id}.yaml`, result }]).get(`${id}.yaml`)).toBeUndefined();
  });

  it('is a practice example in Spanish and English, 6 to 10 steps, ending in a done step', () => {
    const procedure = lesson(id);
    expect(procedure.id).toBe(id);
    expect(procedure.practice).toBe(true);
    expect(procedure.example).toBe(true);
    expect(procedure.languages).toEqual(['es', 'en']);
    expect(procedure.steps.length).toBeGreaterThanOrEqual(6);
    expect(procedure.steps.length).toBeLessThanOrEqual(10);
    expect(procedure.steps.some((step) => step.kind === 'done')).toBe(true);
    expect(procedure.steps.some((step) => step.kind === 'info')).toBe(true);
  });

  it('asks at least two questions, each with exactly one safe answer', () => {
    const quizzes = quizzesOf(lesson(id));
    expect(quizzes.length).toBeGreaterThanOrEqual(2);
    for (const quiz of quizzes) {
      expect(
        quiz.choices.filter((choice) => choice.correct === true).map((c) => c.id),
        quiz.id,
      ).toHaveLength(1);
    }
  });

  it('has every text in Spanish and English', () => {
    const texts = listTexts(lesson(id));
    expect(texts.some((entry) => entry.role === 'quiz-explanation')).toBe(true);
    for (const entry of texts) {
      expect(Object.keys(entry.text).sort(), entry.path.join('.')).toEqual(['en', 'es']);
    }
  });

  it('explains every answer without judging the senior, in at most 220 characters', () => {
    for (const quiz of quizzesOf(lesson(id))) {
      for (const [language, explanation] of Object.entries(quiz.explanation)) {
        expect(judgingWordsIn(explanation), `${quiz.id} (${language})`).toEqual([]);
        expect(explanation.length, `${quiz.id} (${language})`).toBeLessThanOrEqual(explanationMaxLength);
      }
    }
  });

  it('offers no real address and sends nothing: no channel address, no QR address, no submitting step', () => {
    const procedure = lesson(id);
    expect(procedure.channels.filter((channel) => channel.url !== undefined)).toEqual([]);
    for (const step of procedure.steps) {
      expect(step.submits, step.id).not.toBe(true);
      if (step.kind === 'done') expect(step.qrUrl, step.id).toBeUndefined();
      // A code the lesson shows or asks for is a made-up one, declared as such.
      if (step.sensitive === true || step.kind === 'input') expect(step.practiceData, step.id).toBeDefined();
    }
    // Every address the lesson shows is made up (.example) or the council's own (madrid.es).
    const shown = listTexts(procedure).flatMap((entry) => Object.values(entry.text));
    const addresses = shown.flatMap((text) => text.match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi) ?? []).filter((a) => /[a-z]/i.test(a.replace(/\d+[.,]\d+/, '')));
    for (const address of addresses) expect(address, address).toMatch(/(^|\.)(madrid\.es|example)$/);
  });
});

describe('the judging-word check', () => {
  it('finds a judging word in either language, whole words only', () => {
    expect(judgingWordsIn('Eso está mal.')).toEqual(['mal']);
    expect(judgingWordsIn('That was WRONG')).toEqual(['wrong']);
    expect(judgingWordsIn('La respuesta segura: no lo diga a nadie. Es normal dudar.')).toEqual([]);
  });
});
