import { describe, expect, it } from 'vitest';
import { answerStep, goNext, startSession, type EngineResult, type SessionState } from '../../../core/engine/index.js';
import {
  atDoneStep,
  endControlKey,
  endLosesSomething,
  navigate,
  procedureOnScreen,
  screenKey,
  stepSpeechKey,
  type KioskScreen,
} from '../../../core/kiosk/session-navigator.js';
import { miniProcedureYaml, procedureFrom, stepYaml } from '../../support/procedures.js';

function ok(result: EngineResult): SessionState {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.state;
}

/** hola (question: si or no → fin) → fin (done), nothing to have at hand. */
const plain = procedureFrom(
  miniProcedureYaml(
    stepYaml('hola', 'question', 'choices:\n  - { id: si, label: { es: Sí }, next: fin }\n  - { id: no, label: { es: No }, next: fin }') +
      stepYaml('fin', 'done'),
  ),
);

/** The same steps in another procedure, asking first for a DNI and a receipt. */
const withRequirements = procedureFrom(
  miniProcedureYaml(
    stepYaml('hola', 'question', 'choices:\n  - { id: si, label: { es: Sí }, next: fin }\n  - { id: no, label: { es: No }, next: fin }') +
      stepYaml('fin', 'done'),
    `requirements:
  - { id: dni, label: { es: Su DNI }, question: { es: ¿Tiene su DNI? } }
  - { id: recibo, label: { es: El recibo }, question: { es: ¿Tiene el recibo? } }
`,
  ).replace('id: mini', 'id: mini-papeles'),
);

const steps = (state: SessionState): KioskScreen => ({ name: 'steps', procedureId: plain.id, engine: state });

describe('the way through the kiosk', () => {
  it('goes from the attract screen to the language, the comfort settings and the catalogue', () => {
    const language = navigate({ name: 'attract', wiped: false }, { type: 'start' });
    expect(language).toEqual({ name: 'language' });
    const comfort = navigate(language, { type: 'language-chosen' });
    expect(comfort).toEqual({ name: 'comfort' });
    expect(navigate(comfort, { type: 'comfort-done' })).toEqual({ name: 'catalogue' });
  });

  it('opens a procedure without requirements at its first step', () => {
    expect(navigate({ name: 'catalogue' }, { type: 'procedure-chosen', procedure: plain })).toEqual(steps(startSession(plain)));
  });

  it('asks the requirements first, one at a time, before the steps when the senior has everything', () => {
    const first = navigate({ name: 'catalogue' }, { type: 'procedure-chosen', procedure: withRequirements });
    expect(first).toEqual({ name: 'requirements', procedureId: 'mini-papeles', index: 0, missing: [] });
    const second = navigate(first, { type: 'requirement-answered', procedure: withRequirements, has: true });
    expect(second).toEqual({ name: 'requirements', procedureId: 'mini-papeles', index: 1, missing: [] });
    expect(navigate(second, { type: 'requirement-answered', procedure: withRequirements, has: true })).toEqual({
      name: 'steps',
      procedureId: 'mini-papeles',
      engine: startSession(withRequirements),
    });
  });

  it('shows what is missing after the last requirement, and goes on to the steps if the senior wants', () => {
    const first = navigate({ name: 'catalogue' }, { type: 'procedure-chosen', procedure: withRequirements });
    const second = navigate(first, { type: 'requirement-answered', procedure: withRequirements, has: false });
    expect(second).toEqual({ name: 'requirements', procedureId: 'mini-papeles', index: 1, missing: ['dni'] });
    const missing = navigate(second, { type: 'requirement-answered', procedure: withRequirements, has: false });
    expect(missing).toEqual({ name: 'missing', procedureId: 'mini-papeles', missing: ['dni', 'recibo'] });
    expect(navigate(missing, { type: 'go-on-without', procedure: withRequirements })).toEqual({
      name: 'steps',
      procedureId: 'mini-papeles',
      engine: startSession(withRequirements),
    });
  });

  it('follows the step engine through the steps', () => {
    const answered = ok(answerStep(plain, startSession(plain), { choiceId: 'si' }));
    expect(navigate(steps(startSession(plain)), { type: 'step-changed', engine: answered })).toEqual(steps(answered));
  });

  it('lets a volunteer jump to a step of the procedure on screen, or start it again without its answers', () => {
    const answered = ok(answerStep(plain, startSession(plain), { choiceId: 'si' }));
    const jumped = navigate(steps(answered), { type: 'volunteer-jump', procedure: plain, stepId: 'fin' });
    expect(jumped.name === 'steps' && jumped.engine.current).toBe('fin');
    expect(navigate(jumped, { type: 'volunteer-restart', procedure: plain })).toEqual(steps(startSession(plain)));
  });

  it('stays where it is when a move does not belong to the screen on show', () => {
    const catalogue: KioskScreen = { name: 'catalogue' };
    expect(navigate(catalogue, { type: 'start' })).toBe(catalogue);
    expect(navigate(catalogue, { type: 'step-changed', engine: startSession(plain) })).toBe(catalogue);
    expect(navigate(catalogue, { type: 'volunteer-restart', procedure: plain })).toBe(catalogue);
    const attract: KioskScreen = { name: 'attract', wiped: true };
    expect(navigate(attract, { type: 'procedure-chosen', procedure: plain })).toBe(attract);
    // Another procedure's move on this procedure's steps, or a step it does not have.
    const onSteps = steps(startSession(plain));
    expect(navigate(onSteps, { type: 'volunteer-restart', procedure: withRequirements })).toBe(onSteps);
    expect(navigate(onSteps, { type: 'volunteer-jump', procedure: plain, stepId: 'no-such-step' })).toBe(onSteps);
  });
});

describe('what the kiosk reads off the screen on show', () => {
  it("finds the screen's procedure among the published ones", () => {
    expect(procedureOnScreen(steps(startSession(plain)), [withRequirements, plain])).toBe(plain);
    expect(procedureOnScreen({ name: 'catalogue' }, [plain])).toBeUndefined();
  });

  it('names every new screen apart: each step and each requirement is a new screen', () => {
    const start = startSession(plain);
    const answered = ok(goNext(plain, ok(answerStep(plain, start, { choiceId: 'si' }))));
    expect(screenKey(steps(start))).toBe('steps:hola:0');
    expect(screenKey(steps(answered))).toBe('steps:fin:1');
    expect(screenKey({ name: 'requirements', procedureId: 'mini', index: 1, missing: [] })).toBe('requirements:1');
    expect(screenKey({ name: 'catalogue' })).toBe('catalogue');
  });

  it("names a step's speech by procedure, step, place on the way and language", () => {
    expect(stepSpeechKey(steps(startSession(plain)), 'ar')).toBe('mini:hola:0:ar');
    expect(stepSpeechKey({ name: 'comfort' }, 'es')).toBe('');
  });

  it("names a quiz's explanation apart from its question, by the answer given (issue 18)", () => {
    const quiz = procedureFrom(
      miniProcedureYaml(
        stepYaml(
          'pin',
          'quiz',
          'choices:\n  - { id: dar, label: { es: Lo doy } }\n  - { id: no, label: { es: No }, correct: true }\nexplanation: { es: Nunca. }\nnext: fin',
        ) + stepYaml('fin', 'done'),
      ),
    );
    const asking = startSession(quiz);
    expect(stepSpeechKey(steps(asking), 'es')).toBe('mini:pin:0:es');
    expect(stepSpeechKey(steps(ok(answerStep(quiz, asking, { choiceId: 'dar' }))), 'es')).toBe('mini:pin:0:es:dar');
  });

  it('offers "Empezar de nuevo" during the steps, "Terminar" before them, nothing on the attract screen', () => {
    expect(endControlKey(steps(startSession(plain)))).toBe('session.restart');
    expect(endControlKey({ name: 'catalogue' })).toBe('session.end');
    expect(endControlKey({ name: 'missing', procedureId: 'mini', missing: ['dni'] })).toBe('session.end');
    expect(endControlKey({ name: 'attract', wiped: false })).toBeUndefined();
  });
});

describe('whether ending the session asks first', () => {
  const answered = ok(answerStep(plain, startSession(plain), { choiceId: 'si' }));
  const atEnd = ok(goNext(plain, answered));

  it('asks when answers would be lost', () => {
    expect(endLosesSomething(steps(answered), plain, false)).toBe(true);
  });

  it('asks when text typed on the screen, not yet answered, would be lost', () => {
    expect(endLosesSomething(steps(startSession(plain)), plain, true)).toBe(true);
    expect(endLosesSomething({ name: 'catalogue' }, undefined, true)).toBe(true);
  });

  it('does not ask with nothing given', () => {
    expect(endLosesSomething(steps(startSession(plain)), plain, false)).toBe(false);
    expect(endLosesSomething({ name: 'catalogue' }, undefined, false)).toBe(false);
  });

  it('does not ask at the done step: what was sent is sent, and that end is the one the senior was led to', () => {
    expect(atDoneStep(steps(atEnd), plain)).toBe(true);
    expect(atDoneStep(steps(answered), plain)).toBe(false);
    expect(endLosesSomething(steps(atEnd), plain, true)).toBe(false);
  });
});
