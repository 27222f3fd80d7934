/**
 * Walks every branch of every sample procedure the way a senior would, through the engine's
 * public functions only: every choice of every question, a valid answer in every field, every
 * item ticked. Each sample must be fully reachable, every way through it must end on a "done"
 * screen (or go round a "try again" loop), the "Paso N de M" counter must stay honest, nothing
 * may be sent without a review first, and the review must list exactly the answers given.
 */
import { describe, expect, it } from 'vitest';
import { answerStep, getProgress, goNext, reviewLines, startSession, type AnswerInput, type SessionState } from '../../../core/engine/index.js';
import type { Procedure, Step, StepOf } from '../../../core/procedure/schema.js';
import { validateField } from '../../../core/validation/index.js';
import { sampleProcedures, workshopProcedures } from '../../support/procedures.js';

/** The check-letter rule, written out here rather than taken from the code under test. */
function dniFor(eightDigits: string): string {
  return `${eightDigits}${'TRWAGMYFPDXBNJZSQVHLCKE'.charAt(Number(eightDigits) % 23)}`;
}

/** A value a senior could type that the step accepts. */
function validTextFor(step: StepOf<'input'>): string {
  let value: string;
  if (step.pattern !== undefined) {
    const digits = /^\^\[0-9\]\{([0-9]+)\}\$$/.exec(step.pattern);
    if (!digits) throw new Error(`${step.id}: no valid answer can be derived for the pattern ${step.pattern}; teach this test about it`);
    value = '1234567890'.repeat(10).slice(0, Number(digits[1]));
  } else {
    const byFormat: Record<StepOf<'input'>['format'], string> = {
      'dni-nie': dniFor('12345678'),
      postcode: '28013',
      phone: '600123456',
      mobile: '600123456',
      date: '05/03/1950',
      number: '123',
      text: 'Calle Mayor 5',
    };
    value = byFormat[step.format];
  }
  const checked = validateField(value, { format: step.format, pattern: step.pattern });
  if (!checked.ok) throw new Error(`${step.id}: the generated answer ${JSON.stringify(value)} is refused with ${checked.code}`);
  return value;
}

/** Each way of answering a step on screen: one per choice, one valid text, every item ticked, or none needed. */
function answersFor(step: Step): { input: AnswerInput | undefined; choiceId?: string }[] {
  switch (step.kind) {
    case 'question':
      return step.choices.map((choice) => ({ input: { choiceId: choice.id }, choiceId: choice.id }));
    // A lesson's quiz: every answer, right or wrong, leads to the same next step.
    case 'quiz':
      return step.choices.map((choice) => ({ input: { choiceId: choice.id } }));
    case 'input':
      return [{ input: { text: validTextFor(step) } }];
    case 'checklist':
      return [{ input: { checked: step.items.map((item) => item.id) } }];
    default:
      return [{ input: undefined }];
  }
}

/** What the exploration of one sample found. */
interface Exploration {
  visitedSteps: Set<string>;
  takenChoices: Set<string>;
  /** Paths that reached a done step, as step ids. */
  endedPaths: string[][];
  /** Paths stopped on coming back to a step already on them, with the step they came back to. */
  loopedPaths: { path: string[]; backTo: string }[];
  statesSeen: number;
}

/** One screen of a path as the senior saw it. */
interface Seen {
  id: string;
  position: number;
  total: number;
}

const maxStates = 50_000;

/**
 * Whether taking a choice leads straight back (through steps with a single way on) to a step
 * already on the path: a "try again" loop. Read from the script, not from the engine.
 */
function leadsBackOntoPath(stepById: ReadonlyMap<string, Step>, from: string | undefined, onPath: readonly string[]): boolean {
  const passed = new Set<string>();
  let id = from;
  while (id !== undefined && !passed.has(id)) {
    if (onPath.includes(id)) return true;
    passed.add(id);
    const step = stepById.get(id);
    if (!step || step.kind === 'question' || step.kind === 'done') return false;
    id = step.next;
  }
  return false;
}

/**
 * Explores every way through a procedure. A path stops when it comes back to a step already on
 * it, unless `loopRounds` allows it to go round that many loops and carry on.
 */
function explore(procedure: Procedure, loopRounds = 0): Exploration {
  const stepById = new Map(procedure.steps.map((step) => [step.id, step] as const));
  const stepOf = (id: string): Step => {
    const step = stepById.get(id);
    if (!step) throw new Error(`the engine is on "${id}", which is not a step of ${procedure.id}`);
    return step;
  };
  const found: Exploration = { visitedSteps: new Set(), takenChoices: new Set(), endedPaths: [], loopedPaths: [], statesSeen: 0 };
  const seenStates = new Set<string>();

  /**
   * `history` is what the senior saw on the way here; `loopTotal` is set while going round a loop
   * (the total promised when the loop was chosen, which must then hold until the loop closes).
   */
  const visit = (state: SessionState, history: readonly Seen[], loopTotal: number | undefined, roundsLeft: number): void => {
    const onPath = [...state.trail, state.current];
    // The same step reached with the same answers on the way is the same situation: explore it once.
    const relevantAnswers = onPath.filter((id) => state.answers[id] !== undefined).map((id) => [id, state.answers[id]]);
    const key = JSON.stringify([state.current, state.trail, relevantAnswers]);
    if (seenStates.has(key)) return;
    seenStates.add(key);
    found.statesSeen += 1;
    expect(found.statesSeen, 'the exploration does not end').toBeLessThanOrEqual(maxStates);

    const where = `${procedure.id}: ${onPath.join(' → ')}`;
    const step = stepOf(state.current);
    found.visitedSteps.add(step.id);

    // "Paso N de M": N counts the steps passed, and M never grows as the senior moves on.
    const progress = getProgress(procedure, state);
    expect(progress.position, where).toBe(state.trail.length + 1);
    expect(progress.position, where).toBeLessThanOrEqual(progress.total);
    const previous = history[history.length - 1];
    if (loopTotal !== undefined) {
      expect(
        progress.total,
        `${where}: after choosing to go round the loop the screen said "de ${loopTotal}", but the next screen says "Paso ${progress.position} de ${progress.total}"`,
      ).toBe(loopTotal);
    } else if (previous !== undefined) {
      expect(progress.total, `${where}: the total grew from ${previous.total} to ${progress.total}`).toBeLessThanOrEqual(previous.total);
    }
    const seenHere: readonly Seen[] = [...history, { id: step.id, position: progress.position, total: progress.total }];

    if (step.submits === true) {
      const reviewed = state.trail.some((id) => stepOf(id).kind === 'review');
      expect(reviewed, `${where}: "${step.id}" sends without a review before it`).toBe(true);
    }

    if (step.kind === 'review') expectReviewListsThePath(procedure, state, stepOf, where);

    if (step.kind === 'done') {
      expect(progress.position, `${where}: the last screen is not "Paso ${progress.total} de ${progress.total}"`).toBe(progress.total);
      const beyond = goNext(procedure, state);
      expect(beyond, where).toEqual({ ok: false, error: { code: 'at-the-end', stepId: step.id } });
      found.endedPaths.push(onPath);
      return;
    }

    // Nothing is skipped: a step that needs an answer refuses "Siguiente" without one.
    const needed =
      step.kind === 'question'
        ? 'choose-an-answer'
        : step.kind === 'input' && step.optional !== true
          ? 'empty'
          : step.kind === 'checklist' && step.requireAll === true
            ? 'tick-every-item'
            : undefined;
    if (needed !== undefined) expect(goNext(procedure, state), where).toEqual({ ok: false, error: { code: needed, stepId: step.id } });

    for (const { input, choiceId } of answersFor(step)) {
      const goesRound = step.kind === 'question' && leadsBackOntoPath(stepById, step.choices.find((choice) => choice.id === choiceId)?.next, onPath);
      let answered = state;
      let nextLoopTotal = loopTotal;
      if (input !== undefined) {
        const result = answerStep(procedure, state, input);
        if (!result.ok) throw new Error(`${where}: the answer ${JSON.stringify(input)} is refused with ${result.error.code}`);
        answered = result.state;
        const totalAnswered = getProgress(procedure, answered).total;
        // Choosing "try again" adds the loop's steps; any other answer can only shorten the way.
        if (goesRound) nextLoopTotal = totalAnswered;
        else
          expect(totalAnswered, `${where}: answering ${JSON.stringify(input)} made the total grow from ${progress.total}`).toBeLessThanOrEqual(progress.total);
      }
      const moved = goNext(procedure, answered);
      if (!moved.ok) throw new Error(`${where}: "Siguiente" is refused with ${moved.error.code} after answering ${JSON.stringify(input)}`);
      const next = moved.state;
      expect(next.trail, where).toEqual([...state.trail, state.current]);
      if (step.kind === 'question') {
        expect(next.current, `${where}: the choice "${choiceId}" leads elsewhere`).toBe(step.choices.find((choice) => choice.id === choiceId)?.next);
        found.takenChoices.add(`${step.id}/${choiceId}`);
      } else {
        expect(next.current, where).toBe(step.next);
      }
      if (!onPath.includes(next.current)) {
        visit(next, seenHere, nextLoopTotal, roundsLeft);
        continue;
      }

      // Back at a step already passed: a "try again" loop, whose closing edge is now covered.
      found.loopedPaths.push({ path: [...onPath, next.current], backTo: next.current });
      const backWhere = `${where} → ${next.current}`;
      const back = getProgress(procedure, next);
      const first = seenHere.find((seen) => seen.id === next.current);
      expect(back.position, backWhere).toBe(next.trail.length + 1);
      if (nextLoopTotal !== undefined) {
        expect(
          back.total,
          `${backWhere}: after choosing to go round the loop the screen said "de ${nextLoopTotal}", but coming round it says "Paso ${back.position} de ${back.total}"`,
        ).toBe(nextLoopTotal);
      }
      // The senior stands where they stood before, with the same way still ahead of them.
      if (first !== undefined) {
        expect(
          back.total - back.position,
          `${backWhere}: back on "${next.current}" (Paso ${back.position} de ${back.total}), the steps still ahead differ from the first time (Paso ${first.position} de ${first.total})`,
        ).toBe(first.total - first.position);
      }
      if (roundsLeft > 0) visit(next, seenHere, undefined, roundsLeft - 1);
    }
  };

  visit(startSession(procedure), [], undefined, loopRounds);
  return found;
}

function expectReviewListsThePath(procedure: Procedure, state: SessionState, stepOf: (id: string) => Step, where: string): void {
  const lines = reviewLines(procedure, state);
  const answerable = state.trail.filter((id) => ['question', 'input', 'checklist'].includes(stepOf(id).kind));
  // This walk answers everything it passes, so every such step has an answer.
  for (const id of answerable) expect(state.answers[id], `${where}: "${id}" was passed without an answer`).toBeDefined();
  const answered = answerable.filter((id) => state.answers[id] !== undefined);
  // Each answer once, in the order of the path (after a loop a step is on the path twice; either place will do).
  const keepFirst = answered.filter((id, index) => answered.indexOf(id) === index);
  const keepLast = answered.filter((id, index) => answered.lastIndexOf(id) === index);
  const listed = lines.map((line) => line.stepId);
  const message = `${where}: the review lists ${JSON.stringify(listed)} instead of the answers of the path, each once: ${JSON.stringify(keepFirst)}`;
  if (JSON.stringify(listed) === JSON.stringify(keepLast)) expect(listed, message).toEqual(keepLast);
  else expect(listed, message).toEqual(keepFirst);

  for (const line of lines) {
    const step = stepOf(line.stepId);
    const answer = state.answers[line.stepId];
    expect(line.sensitive, where).toBe(step.sensitive === true);
    if (step.kind === 'question') {
      const chosen = answer?.kind === 'choice' ? step.choices.find((choice) => choice.id === answer.choiceId) : undefined;
      expect(line.label, where).toEqual(step.title);
      expect(line.value, where).toEqual({ kind: 'choice', label: chosen?.label });
    } else if (step.kind === 'input') {
      const tidied = validateField(validTextFor(step), { format: step.format, pattern: step.pattern });
      expect(line.label, where).toEqual(step.label);
      expect(line.value, where).toEqual({ kind: 'text', value: tidied.ok ? tidied.value : undefined });
    } else if (step.kind === 'checklist') {
      expect(line.label, where).toEqual(step.title);
      expect(line.value, where).toEqual({ kind: 'checklist', labels: step.items.map((item) => item.label) });
    }
  }
}

// The workshop scripts (practice twins, safety lessons) too: walking them in the engine is cheap.
const samples = [...sampleProcedures(), ...workshopProcedures()];

/** Whether a procedure has a "try again" loop: a step that can lead back to itself. Read from the script. */
function hasLoop(procedure: Procedure): boolean {
  const successors = new Map(
    procedure.steps.map(
      (step) => [step.id, step.kind === 'question' ? step.choices.map((choice) => choice.next) : step.kind === 'done' ? [] : [step.next]] as const,
    ),
  );
  return procedure.steps.some((start) => {
    const stack = [...(successors.get(start.id) ?? [])];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined || seen.has(id)) continue;
      if (id === start.id) return true;
      seen.add(id);
      stack.push(...(successors.get(id) ?? []));
    }
    return false;
  });
}

describe('every branch of every sample procedure', () => {
  it('there are samples to walk', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it.each(samples.map((procedure) => [procedure.id, procedure] as const))(
    '%s: every step and every choice is reachable, and every way through ends well',
    (_id, procedure) => {
      const found = explore(procedure);

      const unvisited = procedure.steps.map((step) => step.id).filter((id) => !found.visitedSteps.has(id));
      expect(unvisited, 'steps no path reaches').toEqual([]);

      const everyChoice = procedure.steps.flatMap((step) => (step.kind === 'question' ? step.choices.map((choice) => `${step.id}/${choice.id}`) : []));
      expect(
        everyChoice.filter((choice) => !found.takenChoices.has(choice)),
        'choices no path takes',
      ).toEqual([]);

      // Every way through either ends on a done step or goes round a loop back to a step already passed.
      expect(found.endedPaths.length).toBeGreaterThan(0);
      for (const path of found.endedPaths) expect(procedure.steps.find((step) => step.id === path[path.length - 1])?.kind).toBe('done');
      for (const { path, backTo } of found.loopedPaths) expect(path.slice(0, -1), path.join(' → ')).toContain(backTo);
      expect(found.loopedPaths.length > 0, 'loops found by walking versus loops in the script').toBe(hasLoop(procedure));

      // Every done step is the end of some path.
      const doneSteps = procedure.steps.filter((step) => step.kind === 'done').map((step) => step.id);
      const ends = new Set(found.endedPaths.map((path) => path[path.length - 1]));
      expect(
        doneSteps.filter((id) => !ends.has(id)),
        'done steps no path ends on',
      ).toEqual([]);
    },
  );
});

describe('going round a "try again" loop once and carrying on', () => {
  const withLoops = samples.filter(hasLoop);

  it('some samples have loops to go round', () => {
    expect(withLoops.length).toBeGreaterThan(0);
  });

  it.each(withLoops.map((procedure) => [procedure.id, procedure] as const))(
    '%s: after one loop the counter stays honest, nothing is sent unreviewed and the review lists each answer once',
    (_id, procedure) => {
      const once = explore(procedure, 1);
      const plain = explore(procedure);
      // Going round a loop leads on to more ways to the end than stopping at the loop does.
      expect(once.endedPaths.length).toBeGreaterThan(plain.endedPaths.length);
      const repeated = once.endedPaths.filter((path) => new Set(path).size < path.length);
      expect(repeated.length, 'no path goes round a loop and then reaches the end').toBeGreaterThan(0);
    },
  );
});
