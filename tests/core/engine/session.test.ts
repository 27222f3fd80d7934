import { describe, expect, it } from 'vitest';
import {
  answerStep,
  clearAnswer,
  correctAnswer,
  getProgress,
  goBack,
  goNext,
  jumpToStep,
  possibleNextStepIds,
  reviewLines,
  startSession,
  type AnswerInput,
  type EngineResult,
  type SessionState,
} from '../../../core/engine/index.js';
import { parseSessionState } from '../../../core/engine/state-schema.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { miniProcedureYaml, procedureFrom, stepYaml } from '../../support/procedures.js';

/** The state of a move that must succeed. */
function ok(result: EngineResult): SessionState {
  if (!result.ok) throw new Error(`refused: ${result.error.code} at ${result.error.stepId}`);
  return result.state;
}

/** Answers the current step and moves on. */
function answerAndNext(procedure: Procedure, state: SessionState, input: AnswerInput): SessionState {
  return ok(goNext(procedure, ok(answerStep(procedure, state, input))));
}

/**
 * A procedure with every step kind and a branch:
 * bienvenida (info) → tiene-clave (question: si → con-clave (handoff) → fin-clave; no → dni)
 * dni (input dni-nie) → telefono (input phone, optional) → papeles (checklist, requireAll)
 * → revisar (review) → enviar (info, submits) → fin (done)
 */
const procedure = procedureFrom(
  miniProcedureYaml(
    stepYaml('bienvenida', 'info', 'next: tiene-clave') +
      stepYaml(
        'tiene-clave',
        'question',
        `choices:
  - { id: si, label: { es: Sí }, next: con-clave }
  - { id: no, label: { es: No }, next: dni }`,
      ) +
      stepYaml('con-clave', 'handoff', 'next: fin-clave') +
      stepYaml('fin-clave', 'done') +
      stepYaml('dni', 'input', 'format: dni-nie\nlabel: { es: DNI }\nnext: telefono') +
      stepYaml('telefono', 'input', 'format: phone\nlabel: { es: Teléfono }\noptional: true\nnext: papeles') +
      stepYaml(
        'papeles',
        'checklist',
        `requireAll: true
items:
  - { id: dni, label: { es: DNI } }
  - { id: recibo, label: { es: Recibo } }
next: revisar`,
      ) +
      stepYaml('revisar', 'review', 'next: enviar') +
      stepYaml('enviar', 'info', 'submits: true\nnext: fin') +
      stepYaml('fin', 'done'),
  ),
);

/** Walks the "no Cl@ve" branch up to the review step. */
function toReview(): SessionState {
  let state = ok(goNext(procedure, startSession(procedure)));
  state = answerAndNext(procedure, state, { choiceId: 'no' });
  state = answerAndNext(procedure, state, { text: '12345678z' });
  state = answerAndNext(procedure, state, { text: '600 12 34 56' });
  return answerAndNext(procedure, state, { checked: ['recibo', 'dni'] });
}

describe('starting and info steps', () => {
  it('a session starts at the first step with nothing answered', () => {
    expect(startSession(procedure)).toEqual({ procedureId: 'mini', procedureVersion: 1, current: 'bienvenida', trail: [], answers: {} });
  });

  it('an info step goes on to its next step', () => {
    const state = ok(goNext(procedure, startSession(procedure)));
    expect(state.current).toBe('tiene-clave');
    expect(state.trail).toEqual(['bienvenida']);
  });

  it('an info step takes no answer', () => {
    const result = answerStep(procedure, startSession(procedure), { text: 'hola' });
    expect(result).toEqual({ ok: false, error: { code: 'wrong-answer-kind', stepId: 'bienvenida' } });
  });

  it('a procedure can name a start step other than the first', () => {
    const started = procedureFrom(miniProcedureYaml(stepYaml('fin', 'done') + stepYaml('inicio', 'info', 'next: fin'), 'start: inicio\n'));
    expect(startSession(started).current).toBe('inicio');
  });
});

describe('question steps', () => {
  const atQuestion = ok(goNext(procedure, startSession(procedure)));

  it('will not go on until a choice is made', () => {
    expect(goNext(procedure, atQuestion)).toEqual({ ok: false, error: { code: 'choose-an-answer', stepId: 'tiene-clave' } });
  });

  it('refuses a choice the question does not have', () => {
    expect(answerStep(procedure, atQuestion, { choiceId: 'quiza' })).toEqual({ ok: false, error: { code: 'unknown-choice', stepId: 'tiene-clave' } });
  });

  it('each choice leads down its own branch', () => {
    expect(answerAndNext(procedure, atQuestion, { choiceId: 'si' }).current).toBe('con-clave');
    expect(answerAndNext(procedure, atQuestion, { choiceId: 'no' }).current).toBe('dni');
  });

  it('lists every step that could come next, for preloading', () => {
    expect(possibleNextStepIds(procedure, 'tiene-clave')).toEqual(['con-clave', 'dni']);
    expect(possibleNextStepIds(procedure, 'fin')).toEqual([]);
  });
});

describe('input steps', () => {
  const atDni = answerAndNext(procedure, ok(goNext(procedure, startSession(procedure))), { choiceId: 'no' });

  it('refuses a DNI whose letter does not match, with the reason', () => {
    expect(answerStep(procedure, atDni, { text: '12345678A' })).toEqual({ ok: false, error: { code: 'dni-letter', stepId: 'dni' } });
  });

  it('stores the tidied value of a valid answer', () => {
    expect(ok(answerStep(procedure, atDni, { text: ' 12.345.678-z ' })).answers['dni']).toEqual({ kind: 'text', value: '12345678Z' });
  });

  it('a required input will not go on empty', () => {
    expect(goNext(procedure, atDni)).toEqual({ ok: false, error: { code: 'empty', stepId: 'dni' } });
  });

  it('an optional input can be left empty, and an answer can be cleared', () => {
    const atPhone = answerAndNext(procedure, atDni, { text: '12345678Z' });
    expect(ok(goNext(procedure, atPhone)).current).toBe('papeles');
    const answered = ok(answerStep(procedure, atPhone, { text: '600123456' }));
    expect(clearAnswer(procedure, answered).answers['telefono']).toBeUndefined();
  });
});

describe('checklist steps', () => {
  const atChecklist = (() => {
    const atDni = answerAndNext(procedure, ok(goNext(procedure, startSession(procedure))), { choiceId: 'no' });
    return ok(goNext(procedure, answerAndNext(procedure, atDni, { text: '12345678Z' })));
  })();

  it('with requireAll, will not go on until every item is ticked', () => {
    const partly = ok(answerStep(procedure, atChecklist, { checked: ['dni'] }));
    expect(goNext(procedure, partly)).toEqual({ ok: false, error: { code: 'tick-every-item', stepId: 'papeles' } });
  });

  it('refuses items that are not on the list and keeps the list order', () => {
    expect(answerStep(procedure, atChecklist, { checked: ['pasaporte'] })).toEqual({ ok: false, error: { code: 'unknown-item', stepId: 'papeles' } });
    expect(ok(answerStep(procedure, atChecklist, { checked: ['recibo', 'dni', 'recibo'] })).answers['papeles']).toEqual({
      kind: 'checklist',
      checked: ['dni', 'recibo'],
    });
  });
});

describe('review, correction and the final steps', () => {
  it('the review lists the answers on the path taken, in order', () => {
    const state = toReview();
    expect(state.current).toBe('revisar');
    expect(reviewLines(procedure, state)).toEqual([
      { stepId: 'tiene-clave', label: { es: 'Título tiene-clave' }, value: { kind: 'choice', label: { es: 'No' } }, sensitive: false },
      { stepId: 'dni', label: { es: 'DNI' }, value: { kind: 'text', value: '12345678Z' }, sensitive: false },
      { stepId: 'telefono', label: { es: 'Teléfono' }, value: { kind: 'text', value: '600123456' }, sensitive: false },
      { stepId: 'papeles', label: { es: 'Título papeles' }, value: { kind: 'checklist', labels: [{ es: 'DNI' }, { es: 'Recibo' }] }, sensitive: false },
    ]);
  });

  it('"Corregir" goes to the answer and, once fixed, straight back to the review', () => {
    const correcting = ok(correctAnswer(procedure, toReview(), 'dni'));
    expect(correcting.current).toBe('dni');
    const fixed = answerAndNext(procedure, correcting, { text: 'X1234567L' });
    expect(fixed.current).toBe('revisar');
    expect(fixed.correction).toBeUndefined();
    expect(fixed.trail).toEqual(['bienvenida', 'tiene-clave', 'dni', 'telefono', 'papeles']);
    expect(reviewLines(procedure, fixed).find((line) => line.stepId === 'dni')?.value).toEqual({ kind: 'text', value: 'X1234567L' });
  });

  it('a correction that changes the branch walks the new branch instead of skipping it', () => {
    const correcting = ok(correctAnswer(procedure, toReview(), 'tiene-clave'));
    const changed = answerAndNext(procedure, correcting, { choiceId: 'si' });
    expect(changed.current).toBe('con-clave');
    expect(changed.correction).toBeUndefined();
  });

  it('correcting is only possible from a review step, for a step on the path', () => {
    expect(correctAnswer(procedure, startSession(procedure), 'dni')).toEqual({ ok: false, error: { code: 'not-at-review', stepId: 'bienvenida' } });
    expect(correctAnswer(procedure, toReview(), 'con-clave')).toEqual({ ok: false, error: { code: 'not-on-path', stepId: 'revisar' } });
  });

  it('a handoff step goes on like an info step, and a done step is the end', () => {
    const atHandoff = answerAndNext(procedure, ok(goNext(procedure, startSession(procedure))), { choiceId: 'si' });
    const done = ok(goNext(procedure, atHandoff));
    expect(done.current).toBe('fin-clave');
    expect(goNext(procedure, done)).toEqual({ ok: false, error: { code: 'at-the-end', stepId: 'fin-clave' } });
  });

  it('the submitting step comes after the review, then the done step', () => {
    const sent = ok(goNext(procedure, ok(goNext(procedure, toReview()))));
    expect(sent.current).toBe('fin');
  });
});

describe('going back', () => {
  it('never loses an answer already given, even on a branch that was left', () => {
    const atDni = answerAndNext(procedure, ok(goNext(procedure, startSession(procedure))), { choiceId: 'no' });
    const withDni = ok(answerStep(procedure, atDni, { text: '12345678Z' }));
    const backAtQuestion = goBack(procedure, withDni);
    expect(backAtQuestion.current).toBe('tiene-clave');
    expect(backAtQuestion.answers['tiene-clave']).toEqual({ kind: 'choice', choiceId: 'no' });
    expect(backAtQuestion.answers['dni']).toEqual({ kind: 'text', value: '12345678Z' });
    const otherBranch = answerAndNext(procedure, backAtQuestion, { choiceId: 'si' });
    const returned = answerAndNext(procedure, goBack(procedure, otherBranch), { choiceId: 'no' });
    expect(returned.answers['dni']).toEqual({ kind: 'text', value: '12345678Z' });
  });

  it('on the first step, back does nothing', () => {
    const state = startSession(procedure);
    expect(goBack(procedure, state)).toBe(state);
  });
});

describe('progress along the branch taken', () => {
  it('counts the longest branch until a question is answered, then the branch chosen', () => {
    const start = startSession(procedure);
    // bienvenida, tiene-clave, dni, telefono, papeles, revisar, enviar, fin: the longer branch.
    expect(getProgress(procedure, start)).toEqual({ position: 1, total: 8 });
    const atQuestion = ok(goNext(procedure, start));
    expect(getProgress(procedure, atQuestion)).toEqual({ position: 2, total: 8 });
    const answeredYes = ok(answerStep(procedure, atQuestion, { choiceId: 'si' }));
    expect(getProgress(procedure, answeredYes)).toEqual({ position: 2, total: 4 });
    const answeredNo = ok(answerStep(procedure, answeredYes, { choiceId: 'no' }));
    expect(getProgress(procedure, answeredNo)).toEqual({ position: 2, total: 8 });
  });

  it('a done step is the last step', () => {
    const done = ok(goNext(procedure, answerAndNext(procedure, ok(goNext(procedure, startSession(procedure))), { choiceId: 'si' })));
    expect(getProgress(procedure, done)).toEqual({ position: 4, total: 4 });
  });

  it('a "try again" loop does not count forever', () => {
    const looping = procedureFrom(
      miniProcedureYaml(
        stepYaml(
          'codigo',
          'question',
          `choices:
  - { id: llego, label: { es: Llegó }, next: fin }
  - { id: otra-vez, label: { es: Otra vez }, next: esperar }`,
        ) +
          stepYaml('esperar', 'info', 'next: codigo') +
          stepYaml('fin', 'done'),
      ),
    );
    let state = startSession(looping);
    expect(getProgress(looping, state)).toEqual({ position: 1, total: 2 });
    state = answerAndNext(looping, state, { choiceId: 'otra-vez' });
    expect(getProgress(looping, state)).toEqual({ position: 2, total: 4 });
    state = ok(goNext(looping, state));
    expect(state.current).toBe('codigo');
    // Round the loop the question is asked afresh, not answered by the old choice.
    expect(state.answers['codigo']).toBeUndefined();
    expect(getProgress(looping, state)).toEqual({ position: 3, total: 4 });
    state = answerAndNext(looping, state, { choiceId: 'llego' });
    expect(getProgress(looping, state)).toEqual({ position: 4, total: 4 });
  });
});

describe('volunteer jumps', () => {
  it('a jump back to a passed step keeps the trail up to it', () => {
    const state = ok(jumpToStep(procedure, toReview(), 'dni'));
    expect(state.current).toBe('dni');
    expect(state.trail).toEqual(['bienvenida', 'tiene-clave']);
  });

  it('a jump ahead on the answers fills in the trail', () => {
    const atQuestion = ok(answerStep(procedure, ok(goNext(procedure, startSession(procedure))), { choiceId: 'si' }));
    const state = ok(jumpToStep(procedure, atQuestion, 'fin-clave'));
    expect(state.trail).toEqual(['bienvenida', 'tiene-clave', 'con-clave']);
  });

  it('a jump elsewhere can be undone with back', () => {
    const state = ok(jumpToStep(procedure, startSession(procedure), 'papeles'));
    expect(state.current).toBe('papeles');
    expect(goBack(procedure, state).current).toBe('bienvenida');
  });

  it('a jump to a step that does not exist is refused', () => {
    expect(jumpToStep(procedure, startSession(procedure), 'nada')).toEqual({ ok: false, error: { code: 'unknown-step', stepId: 'bienvenida' } });
  });
});

describe('the state is plain, checked JSON', () => {
  it('survives a JSON round trip', () => {
    const state = ok(correctAnswer(procedure, toReview(), 'telefono'));
    expect(parseSessionState(procedure, JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, state });
  });

  it('refuses a state for another procedure or version, or naming unknown steps', () => {
    const state = toReview();
    expect(parseSessionState(procedure, { ...state, procedureVersion: 2 })).toMatchObject({ ok: false, message: expect.stringContaining('version 2') });
    expect(parseSessionState(procedure, { ...state, current: 'inventado' })).toEqual({
      ok: false,
      message: 'the saved session names the step "inventado", which this procedure does not have',
    });
    expect(parseSessionState(procedure, { ...state, answers: { dni: { kind: 'text', value: 5 } } })).toMatchObject({ ok: false });
    expect(parseSessionState(procedure, 'garbage')).toMatchObject({ ok: false });
  });

  it('a state from another procedure version is refused by every move', () => {
    const stale = { ...startSession(procedure), procedureVersion: 7 };
    expect(goNext(procedure, stale)).toEqual({ ok: false, error: { code: 'wrong-procedure', stepId: 'bienvenida' } });
    expect(answerStep(procedure, stale, { choiceId: 'si' })).toMatchObject({ ok: false, error: { code: 'wrong-procedure' } });
  });
});
