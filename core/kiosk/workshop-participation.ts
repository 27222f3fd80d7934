/**
 * Taking part in a workshop from a kiosk (issue 18), as pure decisions: whether a typed join code
 * can be sent, the first name as it is sent (or not at all), what a refusal tells the senior, the
 * progress report (a lesson id and a step id, never an answer), when to follow the trainer to a
 * step, what the raised hand shows, and a quiz answer's report (right or wrong only).
 *
 * The hub's words are core/protocol/workshop.ts (imported here as types only: the kiosk ships no
 * zod); the kiosk (renderer/kiosk/workshop/) does the requests and draws the screens.
 */
import type { Procedure, Step } from '../procedure/schema.js';
import type { SessionState } from '../engine/session.js';
import type { FollowTarget, KioskWorkshopView, WorkshopAnswerRequest, WorkshopProgressRequest } from '../protocol/workshop.js';
import { joinCodeLockMaxMinutes, participantNameMaxLength } from '../protocol/workshop-states.js';
import { uiPromptId, type PromptId } from '../audio/prompt-names.js';
import { figuredPromptId } from '../audio/spoken-ui-keys.js';

/** A join code as the hub takes it: 4 to 6 digits. */
export function isJoinCode(typed: string): boolean {
  return /^[0-9]{4,6}$/.test(typed);
}

/**
 * The first name as it is sent: spaces at the ends dropped, runs of spaces made one, at most
 * the hub's 30 characters; nothing typed (or only spaces) is no name at all, never an empty one.
 */
export function firstNameToSend(typed: string): string | undefined {
  const name = typed.trim().replace(/\s+/g, ' ');
  return name === '' ? undefined : Array.from(name).slice(0, participantNameMaxLength).join('');
}

/** The kiosk.json key of what a failed join tells the senior. */
export type JoinProblemKey = 'workshop.codeInvalid' | 'workshop.codeWrong' | 'workshop.unreachable';

/**
 * What a failed join tells the senior: one of the fixed sentences, or, after too many wrong codes,
 * to ask the volunteer and wait `minutes` (`workshop.codeLocked`, counted).
 */
export type JoinProblem = JoinProblemKey | { key: 'workshop.codeLocked'; minutes: number };

/** A failed join, as the kiosk's request reports it. */
export type JoinFailure = { kind: 'not-a-code' } | { kind: 'refused'; code: string | undefined; minutes?: number | undefined } | { kind: 'network' };

/**
 * What a failed join says: a code that is not 4–6 digits before anything is sent; a code the hub
 * does not know (or an ended or full workshop: the volunteer is asked either way); too many wrong
 * codes (the hub's lock: no blame, the volunteer has the code, and the minutes to wait, at least
 * one and at most the hub's longest lock); no answer.
 */
export function joinProblem(outcome: JoinFailure): JoinProblem {
  if (outcome.kind === 'not-a-code') return 'workshop.codeInvalid';
  if (outcome.kind === 'network') return 'workshop.unreachable';
  if (outcome.code === 'join-code-locked') {
    const minutes = Number.isFinite(outcome.minutes) ? Math.ceil(outcome.minutes ?? 1) : joinCodeLockMaxMinutes;
    return { key: 'workshop.codeLocked', minutes: Math.min(joinCodeLockMaxMinutes, Math.max(1, minutes)) };
  }
  return outcome.code === 'workshop-not-found' || outcome.code === 'workshop-ended' ? 'workshop.codeWrong' : 'workshop.unreachable';
}

/** The words of a join problem: its kiosk.json key and the figure to fill in, if any. */
export function joinProblemWords(problem: JoinProblem): { key: string; count?: number } {
  return typeof problem === 'string' ? { key: problem } : { key: problem.key, count: problem.minutes };
}

/** The prompt that says a join problem (each figure of the wait has its own, rendered ahead). */
export function joinProblemPrompt(problem: JoinProblem): PromptId {
  return typeof problem === 'string' ? uiPromptId(problem) : figuredPromptId(problem.key, problem.minutes);
}

/** Where a kiosk in a workshop is: a lesson and a step of it. */
export interface LessonPlace {
  lessonId: string;
  stepId: string;
}

/** The progress report for the step on screen: its lesson and step ids and the lessons finished, nothing else. */
export function progressReport(place: LessonPlace, finishedLessons: readonly string[], view: KioskWorkshopView): WorkshopProgressRequest | undefined {
  if (!view.lessonIds.includes(place.lessonId)) return undefined;
  return { lessonId: place.lessonId, stepId: place.stepId, finishedLessons: view.lessonIds.filter((id) => finishedLessons.includes(id)) };
}

/**
 * The trainer's "Miren todos aquí" to follow now: a target the kiosk has not followed yet (each
 * request has its own `at`, so asking for the same step again brings back a senior who wandered
 * off), in one of the workshop's lessons; none while paused or ended.
 */
export function followToTake(view: KioskWorkshopView, followedAt: number | undefined): FollowTarget | undefined {
  const target = view.follow;
  if (!target || view.state !== 'running' || target.at === followedAt) return undefined;
  return view.lessonIds.includes(target.lessonId) ? target : undefined;
}

/** What the help button's place shows in a workshop: nothing, a raised hand, or who is coming. */
export type HandShown = { kind: 'down' } | { kind: 'raised' } | { kind: 'answered'; name: string };

/** The hand as the kiosk shows it ("Ha levantado la mano…", "Ana viene"). */
export function handShown(view: KioskWorkshopView | undefined): HandShown {
  if (!view || view.hand === 'down') return { kind: 'down' };
  if (view.hand === 'answered') return { kind: 'answered', name: view.handAnsweredBy ?? view.trainerName };
  return { kind: 'raised' };
}

/** The lessons finished with `lessonId` added, in the workshop's order. */
export function withFinishedLesson(finished: readonly string[], lessonId: string, view: KioskWorkshopView): string[] {
  return view.lessonIds.filter((id) => id === lessonId || finished.includes(id));
}

/**
 * The quiz answers to report from a lesson's session: one per answered quiz step not reported
 * yet (`reported` holds `lessonId/stepId`), right or wrong only: never which answer was chosen.
 */
export function quizAnswersToReport(lesson: Procedure, state: SessionState, reported: ReadonlySet<string>): WorkshopAnswerRequest[] {
  const reports: WorkshopAnswerRequest[] = [];
  for (const step of lesson.steps as readonly Step[]) {
    if (step.kind !== 'quiz' || reported.has(`${lesson.id}/${step.id}`)) continue;
    const answer = state.answers[step.id];
    if (answer?.kind !== 'choice') continue;
    const chosen = step.choices.find((choice) => choice.id === answer.choiceId);
    if (chosen) reports.push({ lessonId: lesson.id, stepId: step.id, correct: chosen.correct === true });
  }
  return reports;
}
