/**
 * The step engine: pure functions over (procedure, session state). A kiosk, the staff preview
 * and the tests drive a procedure only through these, so they all agree on what "next", "back"
 * and "correct" mean.
 *
 * The state is plain JSON. It keeps every answer ever given in the session, so going back and
 * taking another branch never loses one; only answers on the path actually taken are reviewed.
 */
import type { Procedure, Step, StepOf } from '../procedure/schema.js';
import { validateField, type InputErrorCode } from '../validation/index.js';
import { compileProcedure, type CompiledProcedure } from './compiled.js';

/** An answer as stored: the choice (of a question or a quiz), the tidied typed value, or the ticked items. */
export type Answer = { kind: 'choice'; choiceId: string } | { kind: 'text'; value: string } | { kind: 'checklist'; checked: string[] };

/** Where a senior is in a procedure and what they have answered. */
export interface SessionState {
  procedureId: string;
  procedureVersion: number;
  /** The step on screen. */
  current: string;
  /** The steps passed through to get here, oldest first: the branch actually taken. */
  trail: string[];
  /** Every answer given in this session, by step id. */
  answers: Record<string, Answer>;
  /** After "Corregir" on a review step: where to come back to once the answer is fixed. */
  correction?: Correction;
}

/** A correction in progress: the review step to return to and the steps the senior had already passed on the way to it. */
export interface Correction {
  reviewStepId: string;
  passedSteps: string[];
}

/** An answer as the senior gives it, before it is checked and tidied. */
export type AnswerInput = { choiceId: string } | { text: string } | { checked: string[] };

/** A refused answer or move, with the code of the plain sentence that explains it. */
export interface EngineError {
  code: InputErrorCode;
  stepId: string;
}

/** The outcome of a move that can be refused. */
export type EngineResult = { ok: true; state: SessionState } | { ok: false; error: EngineError };

/** Starts a session at the procedure's first step. */
export function startSession(procedure: Procedure): SessionState {
  const { graph } = compileProcedure(procedure);
  return { procedureId: procedure.id, procedureVersion: procedure.version, current: graph.start, trail: [], answers: {} };
}

/** Records the answer to the current step, checked and tidied. It does not move on. */
export function answerStep(procedure: Procedure, state: SessionState, input: AnswerInput): EngineResult {
  const compiled = compileProcedure(procedure);
  const step = currentStep(compiled, state);
  if (!step) return refuse('wrong-procedure', state.current);
  const answer = buildAnswer(step, input);
  if ('code' in answer) return refuse(answer.code, step.id);
  return { ok: true, state: { ...state, answers: { ...state.answers, [step.id]: answer } } };
}

/** Clears the answer to the current step (an optional field left empty, a choice taken back). */
export function clearAnswer(procedure: Procedure, state: SessionState): SessionState {
  if (!compileProcedure(procedure).stepById.has(state.current)) return state;
  return { ...state, answers: withoutAnswer(state.answers, state.current) };
}

function withoutAnswer(answers: SessionState['answers'], stepId: string): SessionState['answers'] {
  const { [stepId]: _removed, ...rest } = answers;
  return rest;
}

/** Goes to the next step along the current answers, or explains what is still needed. */
export function goNext(procedure: Procedure, state: SessionState): EngineResult {
  const compiled = compileProcedure(procedure);
  const step = currentStep(compiled, state);
  if (!step) return refuse('wrong-procedure', state.current);
  const missing = missingAnswer(step, state.answers[step.id]);
  if (missing) return refuse(missing, step.id);
  const target = nextStepId(step, state.answers[step.id]);
  if (target === undefined || !compiled.stepById.has(target)) return refuse('at-the-end', step.id);

  const trail = [...state.trail, step.id];
  // Coming round a "try again" loop, the step is asked afresh: its old answer would send the senior round again unasked.
  const answers = trail.includes(target) ? withoutAnswer(state.answers, target) : state.answers;
  const moved: SessionState = { ...state, current: target, trail, answers };
  return { ok: true, state: state.correction ? returnToReview(compiled, moved, state.correction) : moved };
}

/**
 * Goes back one step. Answers stay; on the first step nothing changes. A quiz showing its
 * explanation goes back to its own question instead (its answer taken back), so the senior can
 * answer it again.
 */
export function goBack(procedure: Procedure, state: SessionState): SessionState {
  const step = compileProcedure(procedure).stepById.get(state.current);
  if (!step) return state;
  if (step.kind === 'quiz' && state.answers[step.id] !== undefined) return { ...state, answers: withoutAnswer(state.answers, step.id) };
  if (state.trail.length === 0) return state;
  const trail = state.trail.slice(0, -1);
  return { ...state, current: state.trail[state.trail.length - 1] as string, trail };
}

/**
 * From a review step, goes back to the step of one answer so the senior can correct it; the
 * next "Siguiente" after fixing it returns straight to the review when the way there is still
 * fully answered.
 */
export function correctAnswer(procedure: Procedure, state: SessionState, stepId: string): EngineResult {
  const compiled = compileProcedure(procedure);
  const review = currentStep(compiled, state);
  if (!review) return refuse('wrong-procedure', state.current);
  if (review.kind !== 'review') return refuse('not-at-review', review.id);
  const at = state.trail.indexOf(stepId);
  if (at < 0) return refuse('not-on-path', review.id);
  const correction: Correction = { reviewStepId: review.id, passedSteps: [...state.trail] };
  return { ok: true, state: { ...state, current: stepId, trail: state.trail.slice(0, at), correction } };
}

/**
 * Takes the senior to any step (volunteer mode). A step already passed is gone back to; a step
 * ahead on the current answers is gone forward to with the trail filled in; any other step is
 * entered directly, and "Atrás" from it returns to where the senior was.
 */
export function jumpToStep(procedure: Procedure, state: SessionState, stepId: string): EngineResult {
  const compiled = compileProcedure(procedure);
  if (!compiled.stepById.has(state.current)) return refuse('wrong-procedure', state.current);
  if (!compiled.stepById.has(stepId)) return refuse('unknown-step', state.current);
  const { correction: _dropped, ...rest } = state;
  const passed = state.trail.indexOf(stepId);
  if (passed >= 0) return { ok: true, state: { ...rest, current: stepId, trail: state.trail.slice(0, passed) } };
  if (stepId === state.current) return { ok: true, state: rest };
  const ahead = plannedPath(compiled, state.current, state.answers);
  const index = ahead.indexOf(stepId);
  if (index > 0) return { ok: true, state: { ...rest, current: stepId, trail: [...state.trail, ...ahead.slice(0, index)] } };
  return { ok: true, state: { ...rest, current: stepId, trail: [...state.trail, state.current] } };
}

/** The step on screen, or undefined when the state does not belong to this procedure. */
export function currentStep(compiled: CompiledProcedure, state: SessionState): Step | undefined {
  if (state.procedureId !== compiled.procedure.id || state.procedureVersion !== compiled.procedure.version) return undefined;
  return compiled.stepById.get(state.current);
}

/**
 * The steps ahead from `from` (included) that the current answers already decide, stopping
 * before a question not yet answered, an input not yet filled, a done step's end, or a loop.
 */
export function plannedPath(compiled: CompiledProcedure, from: string, answers: SessionState['answers']): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let id: string | undefined = from;
  while (id !== undefined && !seen.has(id)) {
    const step = compiled.stepById.get(id);
    if (!step) break;
    path.push(id);
    seen.add(id);
    if (missingAnswer(step, answers[id])) break;
    id = nextStepId(step, answers[id]);
  }
  return path;
}

/** The step a given answer leads to from a step, if known. */
export function nextStepId(step: Step, answer: Answer | undefined): string | undefined {
  if (step.kind === 'done') return undefined;
  if (step.kind === 'question') {
    if (answer?.kind !== 'choice') return undefined;
    return step.choices.find((choice) => choice.id === answer.choiceId)?.next;
  }
  return step.next;
}

/** Every step that could come after this one, whatever the answer: for preloading prompts. */
export function possibleNextStepIds(procedure: Procedure, stepId: string): string[] {
  return [...(compileProcedure(procedure).graph.successors.get(stepId) ?? [])];
}

/** Why a step cannot be left yet with this answer, or undefined when it can. */
export function missingAnswer(step: Step, answer: Answer | undefined): InputErrorCode | undefined {
  switch (step.kind) {
    case 'question':
    case 'quiz':
      return answer?.kind === 'choice' ? undefined : 'choose-an-answer';
    case 'input':
      return answer?.kind === 'text' || step.optional === true ? undefined : 'empty';
    case 'checklist': {
      if (step.requireAll !== true) return undefined;
      const checked = answer?.kind === 'checklist' ? answer.checked : [];
      return step.items.every((item) => checked.includes(item.id)) ? undefined : 'tick-every-item';
    }
    default:
      return undefined;
  }
}

function buildAnswer(step: Step, input: AnswerInput): Answer | { code: InputErrorCode } {
  switch (step.kind) {
    case 'question':
    case 'quiz':
      if (!('choiceId' in input)) return { code: 'wrong-answer-kind' };
      return step.choices.some((choice) => choice.id === input.choiceId) ? { kind: 'choice', choiceId: input.choiceId } : { code: 'unknown-choice' };
    case 'input':
      return 'text' in input ? buildTextAnswer(step, input.text) : { code: 'wrong-answer-kind' };
    case 'checklist': {
      if (!('checked' in input)) return { code: 'wrong-answer-kind' };
      const known = new Set(step.items.map((item) => item.id));
      if (!input.checked.every((id) => known.has(id))) return { code: 'unknown-item' };
      // Keep the script's order and drop repeats, so the review reads like the screen.
      return { kind: 'checklist', checked: step.items.map((item) => item.id).filter((id) => input.checked.includes(id)) };
    }
    default:
      return { code: 'wrong-answer-kind' };
  }
}

function buildTextAnswer(step: StepOf<'input'>, text: string): Answer | { code: InputErrorCode } {
  const result = validateField(text, { format: step.format, pattern: step.pattern });
  return result.ok ? { kind: 'text', value: result.value } : { code: result.code };
}

/**
 * After a correction, go straight back to the review when the way there runs only through
 * steps the senior had already passed and answered. A correction that changes the branch leads
 * to steps never seen, so then the senior walks through them as usual.
 */
function returnToReview(compiled: CompiledProcedure, state: SessionState, correction: Correction): SessionState {
  const path = plannedPath(compiled, state.current, state.answers);
  const index = path.indexOf(correction.reviewStepId);
  const skipped = path.slice(0, Math.max(index, 0));
  const { correction: _done, ...rest } = state;
  if (index >= 0 && skipped.every((id) => correction.passedSteps.includes(id))) {
    return { ...rest, current: correction.reviewStepId, trail: [...state.trail, ...skipped] };
  }
  // A new branch: the review may still come later, but not by skipping unseen screens.
  return rest;
}

function refuse(code: InputErrorCode, stepId: string): EngineResult {
  return { ok: false, error: { code, stepId } };
}
