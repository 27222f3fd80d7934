import { describe, expect, it } from 'vitest';
import {
  answerStep,
  getProgress,
  goBack,
  goNext,
  quizView,
  reviewLines,
  startSession,
  type EngineResult,
  type SessionState,
} from '../../../core/engine/index.js';
import { parseSessionState } from '../../../core/engine/state-schema.js';
import { procedureFrom } from '../../support/procedures.js';

/** The state of a move that must succeed. */
function ok(result: EngineResult): SessionState {
  if (!result.ok) throw new Error(`refused: ${result.error.code} at ${result.error.stepId}`);
  return result.state;
}

/** A lesson in Spanish, English and Arabic: an info step, a quiz, a review (which lists no quiz answer) and the end. */
const lesson = procedureFrom(`id: leccion-pin
version: 1
title: { es: Su PIN, en: Your PIN, ar: رقمك السري }
summary: { es: Una lección., en: A lesson., ar: درس. }
icon: test
officialUrl: https://sede.madrid.es/
owner: Pruebas
lastVerified: 2026-11-01
languages: [es, en, ar]
practice: true
steps:
  - id: inicio
    kind: info
    title: { es: Empezamos, en: We start, ar: نبدأ }
    text: { es: Una pregunta., en: One question., ar: سؤال واحد. }
    next: pin
  - id: pin
    kind: quiz
    title: { es: Un voluntario le pide el PIN, en: A volunteer asks for your PIN, ar: متطوع يطلب رقمك السري }
    text: { es: ¿Qué hace?, en: What do you do?, ar: ماذا تفعل؟ }
    choices:
      - { id: dar, label: { es: Se lo digo, en: I tell them, ar: أخبره } }
      - { id: callar, label: { es: No se lo digo a nadie, en: I tell nobody, ar: لا أخبر أحدا }, correct: true }
      - { id: apuntar, label: { es: Se lo apunto, en: I write it down for them, ar: أكتبه له } }
    explanation: { es: El PIN es solo suyo., en: The PIN is yours alone., ar: الرقم السري لك وحدك. }
    next: repaso
  - id: repaso
    kind: review
    title: { es: Repaso, en: Review, ar: مراجعة }
    text: { es: Mire., en: Look., ar: انظر. }
    next: fin
  - id: fin
    kind: done
    title: { es: Fin, en: The end, ar: النهاية }
    text: { es: Hecho, en: Done, ar: تم }
`);

const atQuiz = (): SessionState => ok(goNext(lesson, startSession(lesson)));

describe('a quiz step in the engine (issue 18)', () => {
  it('first asks, and cannot be left before an answer', () => {
    const state = atQuiz();
    expect(state.current).toBe('pin');
    expect(quizView(lesson, state)?.phase).toBe('ask');
    expect(goNext(lesson, state)).toEqual({ ok: false, error: { code: 'choose-an-answer', stepId: 'pin' } });
    expect(quizView(lesson, startSession(lesson))).toBeUndefined();
  });

  it('refuses an answer it does not have, or an answer of another kind', () => {
    expect(answerStep(lesson, atQuiz(), { choiceId: 'gritar' })).toEqual({ ok: false, error: { code: 'unknown-choice', stepId: 'pin' } });
    expect(answerStep(lesson, atQuiz(), { text: 'callar' })).toEqual({ ok: false, error: { code: 'wrong-answer-kind', stepId: 'pin' } });
  });

  for (const language of ['es', 'en', 'ar'] as const) {
    it(`after any answer stays on the step and explains, naming the answer given and the safe one (${language})`, () => {
      const answered = ok(answerStep(lesson, atQuiz(), { choiceId: 'dar' }));
      expect(answered.current).toBe('pin');
      const view = quizView(lesson, answered);
      if (view?.phase !== 'explain') throw new Error('no explanation');
      const words = { chosen: view.chosen.label[language], safe: view.safe.label[language], explanation: view.explanation[language] };
      expect(words).toEqual(
        {
          es: { chosen: 'Se lo digo', safe: 'No se lo digo a nadie', explanation: 'El PIN es solo suyo.' },
          en: { chosen: 'I tell them', safe: 'I tell nobody', explanation: 'The PIN is yours alone.' },
          ar: { chosen: 'أخبره', safe: 'لا أخبر أحدا', explanation: 'الرقم السري لك وحدك.' },
        }[language],
      );
      expect(view.chosenIsSafe).toBe(false);

      const right = quizView(lesson, ok(answerStep(lesson, atQuiz(), { choiceId: 'callar' })));
      if (right?.phase !== 'explain') throw new Error('no explanation');
      expect(right.chosen.label[language]).toBe(words.safe);
      expect(right.chosenIsSafe).toBe(true);
      expect(right.explanation[language]).toBe(view.explanation[language]);
    });
  }

  it('goes back from the explanation to its own question, where it can be answered again', () => {
    const explained = ok(answerStep(lesson, atQuiz(), { choiceId: 'apuntar' }));
    const asked = goBack(lesson, explained);
    expect(asked.current).toBe('pin');
    expect(asked.trail).toEqual(['inicio']);
    expect(asked.answers['pin']).toBeUndefined();
    expect(quizView(lesson, asked)?.phase).toBe('ask');
    const again = ok(answerStep(lesson, asked, { choiceId: 'callar' }));
    expect(quizView(lesson, again)).toMatchObject({ phase: 'explain', chosen: { id: 'callar' }, chosenIsSafe: true });
    // Back from the question itself leaves the quiz, as from any step.
    expect(goBack(lesson, asked).current).toBe('inicio');
  });

  it('goes on with "Siguiente" after any answer; back from the next step shows the explanation again', () => {
    const next = ok(goNext(lesson, ok(answerStep(lesson, atQuiz(), { choiceId: 'dar' }))));
    expect(next.current).toBe('repaso');
    expect(getProgress(lesson, next)).toEqual({ position: 3, total: 4 });
    const back = goBack(lesson, next);
    expect(back.current).toBe('pin');
    expect(quizView(lesson, back)).toMatchObject({ phase: 'explain', chosen: { id: 'dar' } });
  });

  it('keeps the answer with the session’s other answers (a reload keeps it), but the review lists no quiz answer', () => {
    const next = ok(goNext(lesson, ok(answerStep(lesson, atQuiz(), { choiceId: 'dar' }))));
    expect(next.answers).toEqual({ pin: { kind: 'choice', choiceId: 'dar' } });
    expect(parseSessionState(lesson, JSON.parse(JSON.stringify(next)))).toEqual({ ok: true, state: next });
    expect(reviewLines(lesson, next)).toEqual([]);
    // A new session (the idle wipe, "Empezar de nuevo") starts with no answer at all.
    expect(startSession(lesson).answers).toEqual({});
  });
});
