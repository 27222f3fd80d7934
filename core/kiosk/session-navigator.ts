/**
 * The kiosk's screens and the ways between them, as a pure state machine: the attract screen,
 * the language, the comfort settings, the catalogue, a procedure's requirements (and the sheet
 * of what is missing), then its steps. The kiosk page renders the screen this gives it and
 * reports what the senior did as a {@link ScreenMove}; nothing here touches React or the DOM,
 * so the whole flow is tested without a browser (tests/core/kiosk/session-navigator.test.ts).
 */
import { compileProcedure, jumpToStep, startSession, type SessionState } from '../engine/index.js';
import type { Procedure } from '../procedure/schema.js';

/** The screen on show. */
export type KioskScreen =
  | { name: 'attract'; wiped: boolean }
  // `workshop`: chosen on the way into a workshop (issue 18): the same screens as a session's,
  // so a senior joins in their own language and text size; then the code, not the catalogue.
  | { name: 'language'; workshop?: true }
  | { name: 'comfort'; workshop?: true }
  // Its page is the catalogue screen's own: how many tiles a page holds depends on the screen.
  | { name: 'catalogue' }
  | { name: 'requirements'; procedureId: string; index: number; missing: string[] }
  | { name: 'missing'; procedureId: string; missing: string[] }
  | { name: 'steps'; procedureId: string; engine: SessionState }
  // A workshop (issue 18): its code, the optional first name, its lessons, and its end.
  | { name: 'workshop-code' }
  | { name: 'workshop-name'; code: string }
  | { name: 'workshop-lessons' }
  | { name: 'workshop-ended' };

/** What the senior (or the volunteer in volunteer mode) did that may change the screen. */
export type ScreenMove =
  /** A tap on the attract screen: a new senior. */
  | { type: 'start' }
  | { type: 'language-chosen' }
  | { type: 'comfort-done' }
  | { type: 'procedure-chosen'; procedure: Procedure }
  /** "Sí"/"No" to the requirement on screen. */
  | { type: 'requirement-answered'; procedure: Procedure; has: boolean }
  /** "Seguir" on the sheet of missing requirements. */
  | { type: 'go-on-without'; procedure: Procedure }
  /** The step engine moved (an answer, Siguiente, Atrás, Corregir). */
  | { type: 'step-changed'; engine: SessionState }
  /** Volunteer mode: straight to a step of the procedure on screen. */
  | { type: 'volunteer-jump'; procedure: Procedure; stepId: string }
  /** Volunteer mode: the procedure on screen from its first step, its answers gone. */
  | { type: 'volunteer-restart'; procedure: Procedure }
  /** "Unirme a un taller" on the attract screen: the language and comfort screens, then the code. */
  | { type: 'workshop-join' }
  /** "Atrás" on the code screen: the comfort settings again. */
  | { type: 'workshop-back' }
  /** The hub took the typed code: the optional first name next. */
  | { type: 'workshop-code-taken'; code: string }
  /** Joined (with or without a name): the workshop's lessons. */
  | { type: 'workshop-joined' }
  /** A lesson from the workshop's list: its first step (a lesson asks no requirements: the room has them). */
  | { type: 'lesson-chosen'; lesson: Procedure }
  /** "Terminar" at a lesson's end: back to the lessons. */
  | { type: 'lesson-finished' }
  /** The trainer brings everyone to a step ("Miren todos aquí"): that lesson, at that step. */
  | { type: 'workshop-follow'; lesson: Procedure; stepId: string }
  /** The trainer ended the workshop. */
  | { type: 'workshop-ended' };

/**
 * The screen after `move`. A move that does not belong to the screen on show (a late callback of
 * a screen already gone, a jump to a step the procedure does not have) leaves it as it is.
 */
export function navigate(screen: KioskScreen, move: ScreenMove): KioskScreen {
  switch (move.type) {
    case 'start':
      return screen.name === 'attract' ? { name: 'language' } : screen;
    case 'language-chosen':
      if (screen.name !== 'language') return screen;
      return screen.workshop ? { name: 'comfort', workshop: true } : { name: 'comfort' };
    case 'comfort-done':
      if (screen.name !== 'comfort') return screen;
      return screen.workshop ? { name: 'workshop-code' } : { name: 'catalogue' };
    case 'procedure-chosen':
      if (screen.name !== 'catalogue') return screen;
      // The requirements are asked before the first step, one at a time.
      return move.procedure.requirements.length > 0 ? { name: 'requirements', procedureId: move.procedure.id, index: 0, missing: [] } : stepsOf(move.procedure);
    case 'requirement-answered': {
      if (screen.name !== 'requirements' || screen.procedureId !== move.procedure.id) return screen;
      const requirement = move.procedure.requirements[screen.index];
      const missing = move.has || !requirement ? screen.missing : [...screen.missing, requirement.id];
      if (screen.index + 1 < move.procedure.requirements.length) return { ...screen, index: screen.index + 1, missing };
      // Something missing is said once, on its own sheet, before the steps: the senior may stop there.
      return missing.length > 0 ? { name: 'missing', procedureId: move.procedure.id, missing } : stepsOf(move.procedure);
    }
    case 'go-on-without':
      return screen.name === 'missing' && screen.procedureId === move.procedure.id ? stepsOf(move.procedure) : screen;
    case 'step-changed':
      return screen.name === 'steps' ? { ...screen, engine: move.engine } : screen;
    case 'volunteer-jump': {
      if (screen.name !== 'steps' || screen.procedureId !== move.procedure.id) return screen;
      const jumped = jumpToStep(move.procedure, screen.engine, move.stepId);
      return jumped.ok ? { ...screen, engine: jumped.state } : screen;
    }
    case 'volunteer-restart':
      return screen.name === 'steps' && screen.procedureId === move.procedure.id ? stepsOf(move.procedure) : screen;
    case 'workshop-join':
      return screen.name === 'attract' ? { name: 'language', workshop: true } : screen;
    case 'workshop-back':
      return screen.name === 'workshop-code' ? { name: 'comfort', workshop: true } : screen;
    case 'workshop-code-taken':
      return screen.name === 'workshop-code' ? { name: 'workshop-name', code: move.code } : screen;
    case 'workshop-joined':
      return screen.name === 'workshop-name' ? { name: 'workshop-lessons' } : screen;
    case 'lesson-chosen':
      return screen.name === 'workshop-lessons' ? stepsOf(move.lesson) : screen;
    case 'lesson-finished':
      return screen.name === 'steps' ? { name: 'workshop-lessons' } : screen;
    case 'workshop-follow': {
      // From anywhere in the workshop but its first two screens (not joined yet) and its end.
      if (screen.name !== 'steps' && screen.name !== 'workshop-lessons') return screen;
      const from = screen.name === 'steps' && screen.procedureId === move.lesson.id ? screen.engine : startSession(move.lesson);
      const jumped = jumpToStep(move.lesson, from, move.stepId);
      return jumped.ok ? { name: 'steps', procedureId: move.lesson.id, engine: jumped.state } : screen;
    }
    case 'workshop-ended':
      return screen.name === 'attract' || screen.name === 'workshop-code' || screen.name === 'workshop-name' ? screen : { name: 'workshop-ended' };
  }
}

/**
 * Whether the screen belongs to a workshop's way in or its own screens (the PRÁCTICA look, "Salir
 * del taller"): the language and comfort screens reached by "Unirme a un taller" and every
 * workshop screen. A joined session is in its workshop on any screen (the session says so).
 */
export function inWorkshopFlow(screen: KioskScreen): boolean {
  if (screen.name === 'language' || screen.name === 'comfort') return screen.workshop === true;
  return screen.name.startsWith('workshop-');
}

function stepsOf(procedure: Procedure): KioskScreen {
  return { name: 'steps', procedureId: procedure.id, engine: startSession(procedure) };
}

/** The procedure the screen belongs to (requirements, missing, steps), from the published list. */
export function procedureOnScreen(screen: KioskScreen, procedures: readonly Procedure[]): Procedure | undefined {
  return 'procedureId' in screen ? procedures.find((procedure) => procedure.id === screen.procedureId) : undefined;
}

/**
 * A name for the screen on show that changes whenever a new screen comes up (a new step, a new
 * requirement): a new screen starts at its top and ignores a finger for a moment, and typed text
 * not yet answered belongs to the screen it was typed on.
 */
export function screenKey(screen: KioskScreen): string {
  if (screen.name === 'steps') return `steps:${screen.engine.current}:${screen.engine.trail.length}`;
  if (screen.name === 'requirements') return `requirements:${screen.index}`;
  return screen.name;
}

/**
 * A name for the step on show in a language, or '' off the steps: how many parts a step took
 * when first packed is kept by this name (what its speech says), so later re-packs of the same
 * step do not make the kiosk say it again.
 */
export function stepSpeechKey(screen: KioskScreen, language: string): string {
  if (screen.name !== 'steps') return '';
  // A choice answered on the step still on show is a quiz explaining (a question moves on at
  // once): a screen of its own, packed and said afresh (issue 18).
  const answer = screen.engine.answers[screen.engine.current];
  const phase = answer?.kind === 'choice' ? `:${answer.choiceId}` : '';
  return `${screen.procedureId}:${screen.engine.current}:${screen.engine.trail.length}:${language}${phase}`;
}

/** Whether the step on show is the procedure's done step. */
export function atDoneStep(screen: KioskScreen, procedure: Procedure | undefined): boolean {
  return procedure !== undefined && screen.name === 'steps' && compileProcedure(procedure).stepById.get(screen.engine.current)?.kind === 'done';
}

/**
 * Whether ending the session now would lose something the senior gave: answers, or text typed
 * on this screen and not yet answered (`draftOnScreen`). Then "Terminar" asks first. Not at a done
 * step: the procedure is over and what it sent is sent; ending there is the end the senior was
 * led to (the take-home sheet is offered before it).
 */
export function endLosesSomething(screen: KioskScreen, procedure: Procedure | undefined, draftOnScreen: boolean): boolean {
  const answered = screen.name === 'steps' && Object.keys(screen.engine.answers).length > 0;
  return (answered || draftOnScreen) && !atDoneStep(screen, procedure);
}

/**
 * The words of the bar's control that ends the session (translation keys): "Empezar de nuevo"
 * during a procedure's steps, "Terminar" before them, none on the attract screen (nothing to end).
 */
export function endControlKey(screen: KioskScreen): 'session.restart' | 'session.end' | undefined {
  if (screen.name === 'attract') return undefined;
  return screen.name === 'steps' ? 'session.restart' : 'session.end';
}
