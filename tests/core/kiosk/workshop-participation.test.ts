import { describe, expect, it } from 'vitest';
import { answerStep, startSession } from '../../../core/engine/session.js';
import { inWorkshopFlow, navigate, type KioskScreen } from '../../../core/kiosk/session-navigator.js';
import {
  firstNameToSend,
  followToTake,
  handShown,
  isJoinCode,
  joinProblem,
  joinProblemPrompt,
  joinProblemWords,
  progressReport,
  quizAnswersToReport,
  withFinishedLesson,
} from '../../../core/kiosk/workshop-participation.js';
import type { KioskWorkshopView } from '../../../core/protocol/workshop.js';
import { joinCodeLockMaxMinutes } from '../../../core/protocol/workshop-states.js';
import { miniProcedureYaml, procedureFrom, stepYaml } from '../../support/procedures.js';

const view = (over: Partial<KioskWorkshopView> = {}): KioskWorkshopView => ({
  id: 'w1',
  state: 'running',
  follow: null,
  lessonIds: ['leccion-a', 'leccion-b'],
  seat: 3,
  hand: 'down',
  trainerName: 'Ana',
  ...over,
});

const lesson = (id: string) =>
  ({
    ...procedureFrom(
      miniProcedureYaml(
        [
          stepYaml('inicio', 'info', 'next: pregunta'),
          stepYaml(
            'pregunta',
            'quiz',
            [
              'choices:',
              '  - { id: dar, label: { es: Le doy el PIN } }',
              '  - { id: colgar, label: { es: Cuelgo }, correct: true }',
              'explanation: { es: El Ayuntamiento nunca le pide el PIN. }',
              'next: fin',
            ].join('\n'),
          ),
          stepYaml('fin', 'done'),
        ].join(''),
        'practice: true\n',
      ),
    ),
    id,
  }) as const;

describe('joining', () => {
  it('sends a code of 4 to 6 digits only', () => {
    expect(['1234', '123456'].map(isJoinCode)).toEqual([true, true]);
    expect(['123', '1234567', '12a4', ' 1234', ''].map(isJoinCode)).toEqual([false, false, false, false, false]);
  });

  it('sends a first name trimmed and at most 30 characters, and no name rather than an empty one', () => {
    expect(firstNameToSend('  María   José ')).toBe('María José');
    expect(firstNameToSend('   ')).toBeUndefined();
    expect(firstNameToSend('')).toBeUndefined();
    expect(firstNameToSend('A'.repeat(40))).toHaveLength(30);
  });

  it('tells a wrong code from a hub that cannot be reached', () => {
    expect(joinProblem({ kind: 'not-a-code' })).toBe('workshop.codeInvalid');
    expect(joinProblem({ kind: 'refused', code: 'workshop-not-found' })).toBe('workshop.codeWrong');
    expect(joinProblem({ kind: 'refused', code: 'workshop-ended' })).toBe('workshop.codeWrong');
    expect(joinProblem({ kind: 'refused', code: 'workshop-full' })).toBe('workshop.unreachable');
    expect(joinProblem({ kind: 'network' })).toBe('workshop.unreachable');
  });

  it("after too many wrong codes: ask the volunteer and wait the hub's minutes, said by the prompt of that figure", () => {
    const locked = joinProblem({ kind: 'refused', code: 'join-code-locked', minutes: 5 });
    expect(locked).toEqual({ key: 'workshop.codeLocked', minutes: 5 });
    expect(joinProblemWords(locked)).toEqual({ key: 'workshop.codeLocked', count: 5 });
    expect(joinProblemPrompt(locked)).toBe('ui/workshop.codeLocked.5');
    expect(joinProblemPrompt('workshop.codeWrong')).toBe('ui/workshop.codeWrong');
    // A figure the kiosk has no sentence for is brought within 1 to the longest lock.
    expect(joinProblem({ kind: 'refused', code: 'join-code-locked', minutes: 0 })).toEqual({ key: 'workshop.codeLocked', minutes: 1 });
    expect(joinProblem({ kind: 'refused', code: 'join-code-locked', minutes: 4.2 })).toEqual({ key: 'workshop.codeLocked', minutes: 5 });
    expect(joinProblem({ kind: 'refused', code: 'join-code-locked', minutes: 999 })).toEqual({ key: 'workshop.codeLocked', minutes: joinCodeLockMaxMinutes });
    expect(joinProblem({ kind: 'refused', code: 'join-code-locked' })).toEqual({ key: 'workshop.codeLocked', minutes: joinCodeLockMaxMinutes });
    expect(joinProblem({ kind: 'refused', code: 'join-code-locked', minutes: Number.NaN })).toEqual({
      key: 'workshop.codeLocked',
      minutes: joinCodeLockMaxMinutes,
    });
  });
});

describe('progress', () => {
  it('reports the lesson and the step and the lessons finished, in the workshop order, and nothing else', () => {
    const report = progressReport({ lessonId: 'leccion-b', stepId: 'inicio' }, ['leccion-b', 'leccion-a'], view());
    expect(report).toEqual({ lessonId: 'leccion-b', stepId: 'inicio', finishedLessons: ['leccion-a', 'leccion-b'] });
    expect(Object.keys(report ?? {}).sort()).toEqual(['finishedLessons', 'lessonId', 'stepId']);
  });

  it('reports nothing from a procedure that is not one of the lessons', () => {
    expect(progressReport({ lessonId: 'cita-previa', stepId: 'dni' }, [], view())).toBeUndefined();
  });

  it('adds a finished lesson once, in the workshop order', () => {
    expect(withFinishedLesson(['leccion-b'], 'leccion-a', view())).toEqual(['leccion-a', 'leccion-b']);
    expect(withFinishedLesson(['leccion-a'], 'leccion-a', view())).toEqual(['leccion-a']);
  });
});

describe('follow-the-leader', () => {
  const target = { lessonId: 'leccion-a', stepId: 'pregunta', at: 1000 };
  it('follows a target not followed yet, once', () => {
    expect(followToTake(view({ follow: target }), undefined)).toEqual(target);
    expect(followToTake(view({ follow: target }), 1000)).toBeUndefined();
    // The same step asked for again: followed again.
    expect(followToTake(view({ follow: { ...target, at: 2000 } }), 1000)).toEqual({ ...target, at: 2000 });
  });

  it('does not follow while paused or to a lesson that is not the workshop’s', () => {
    expect(followToTake(view({ follow: target, state: 'paused' }), undefined)).toBeUndefined();
    expect(followToTake(view({ follow: { ...target, lessonId: 'otra' } }), undefined)).toBeUndefined();
    expect(followToTake(view(), undefined)).toBeUndefined();
  });

  it('moves the screen to that lesson and step, from the lesson list or another lesson', () => {
    const a = lesson('leccion-a');
    const b = lesson('leccion-b');
    const onB: KioskScreen = { name: 'steps', procedureId: b.id, engine: startSession(b) };
    for (const from of [{ name: 'workshop-lessons' } as KioskScreen, onB]) {
      const moved = navigate(from, { type: 'workshop-follow', lesson: a, stepId: 'pregunta' });
      expect(moved.name === 'steps' && moved.procedureId === 'leccion-a' && moved.engine.current).toBe('pregunta');
    }
    // Not before joining, and not to a step the lesson does not have.
    expect(navigate({ name: 'workshop-code' }, { type: 'workshop-follow', lesson: a, stepId: 'pregunta' })).toEqual({ name: 'workshop-code' });
    expect(navigate(onB, { type: 'workshop-follow', lesson: a, stepId: 'no-existe' })).toBe(onB);
  });
});

describe('the workshop screens', () => {
  it('go from the attract screen to the language, the comfort settings, the code, the name, the lessons, a lesson and back, and to the end', () => {
    const a = lesson('leccion-a');
    let screen: KioskScreen = { name: 'attract', wiped: false };
    // The session's own language and comfort screens first, marked as a workshop's join.
    screen = navigate(screen, { type: 'workshop-join' });
    expect(screen).toEqual({ name: 'language', workshop: true });
    expect(inWorkshopFlow(screen)).toBe(true);
    screen = navigate(screen, { type: 'language-chosen' });
    expect(screen).toEqual({ name: 'comfort', workshop: true });
    expect(inWorkshopFlow(screen)).toBe(true);
    screen = navigate(screen, { type: 'comfort-done' });
    expect(screen).toEqual({ name: 'workshop-code' });
    // "Atrás" on the code screen: the comfort settings again, still the workshop's.
    expect(navigate(screen, { type: 'workshop-back' })).toEqual({ name: 'comfort', workshop: true });
    screen = navigate(screen, { type: 'workshop-code-taken', code: '4821' });
    expect(screen).toEqual({ name: 'workshop-name', code: '4821' });
    screen = navigate(screen, { type: 'workshop-joined' });
    expect(screen).toEqual({ name: 'workshop-lessons' });
    screen = navigate(screen, { type: 'lesson-chosen', lesson: a });
    expect(screen.name === 'steps' && screen.engine.current).toBe('inicio');
    expect(navigate(screen, { type: 'lesson-finished' })).toEqual({ name: 'workshop-lessons' });
    expect(navigate(screen, { type: 'workshop-ended' })).toEqual({ name: 'workshop-ended' });
  });

  it('leave a normal session’s language and comfort screens as they were: they lead to the catalogue', () => {
    const comfort = navigate(navigate({ name: 'attract', wiped: false }, { type: 'start' }), { type: 'language-chosen' });
    expect(inWorkshopFlow(comfort)).toBe(false);
    expect(navigate(comfort, { type: 'comfort-done' })).toEqual({ name: 'catalogue' });
    expect(navigate(comfort, { type: 'workshop-back' })).toBe(comfort);
  });
});

describe('the hand and the quiz answers', () => {
  it('shows a raised hand, then who is coming', () => {
    expect(handShown(undefined)).toEqual({ kind: 'down' });
    expect(handShown(view({ hand: 'raised' }))).toEqual({ kind: 'raised' });
    expect(handShown(view({ hand: 'answered', handAnsweredBy: 'Luis' }))).toEqual({ kind: 'answered', name: 'Luis' });
    expect(handShown(view({ hand: 'answered' }))).toEqual({ kind: 'answered', name: 'Ana' });
  });

  it('reports a quiz answer as right or wrong only, once', () => {
    const a = lesson('leccion-a');
    const answered = answerStep(a, { ...startSession(a), current: 'pregunta' }, { choiceId: 'dar' });
    if (!answered.ok) throw new Error(answered.error.code);
    const reports = quizAnswersToReport(a, answered.state, new Set());
    expect(reports).toEqual([{ lessonId: 'leccion-a', stepId: 'pregunta', correct: false }]);
    expect(JSON.stringify(reports)).not.toContain('dar');
    expect(quizAnswersToReport(a, answered.state, new Set(['leccion-a/pregunta']))).toEqual([]);
  });
});
