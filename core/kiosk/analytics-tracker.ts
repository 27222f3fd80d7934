/**
 * Which anonymous analytics events a kiosk session sends, and when: a random id per senior's
 * session (made at its first event), the procedure in progress and whether it got to its end.
 * Never an answer, never anything typed: an event has room for ids from the procedure script
 * only. The sending and the random id are passed in, so the rules are tested without a hub
 * (tests/core/kiosk/analytics-tracker.test.ts); the kiosk sends through kiosk-events.ts.
 */
import { compileProcedure } from '../engine/index.js';
import type { Procedure } from '../procedure/schema.js';
import type { KioskEvent } from '../protocol/http.js';

/** Where something happened: the procedure and step, when there is one. */
export interface EventPlace {
  procedureId?: string;
  stepId?: string;
}

/** What the tracker needs from the world. */
export interface AnalyticsTrackerDeps {
  /** Sends one event (fire and forget: analytics never holds up the senior's screen). */
  send: (event: KioskEvent) => void;
  /** A fresh random session id (kiosk-events.ts's newAnalyticsSessionId). */
  newSessionId: () => string;
}

/** One kiosk's tracker: the kiosk tells it what happened, it sends the events that follow. */
export interface AnalyticsTracker {
  /** A step of `procedure` is on screen: the procedure's start, the step reached, its end at a done step. */
  stepShown(procedure: Procedure, stepId: string): void;
  /**
   * The senior asked for a volunteer (a new call, not a tap on one already open), about the
   * procedure and step of `context` (session/kiosk-session.ts's helpContext).
   */
  helpCalled(context: { procedureId: string; stepId: string }): void;
  /**
   * The session ended: a procedure left before its end was abandoned where the senior stopped,
   * and a session the idle rule wiped (`wiped`) is counted as such. The next event starts a new
   * session id.
   */
  sessionEnded(wiped: boolean): void;
  /** Forgets the session without an event (the kiosk opened at a step, `#at=…`). */
  forget(): void;
}

interface Tracked {
  /** '' until the session's first event. */
  sessionId: string;
  procedureId?: string;
  stepId?: string;
  completed: boolean;
}

/** A tracker for one kiosk, starting with no session. */
export function createAnalyticsTracker({ send, newSessionId }: AnalyticsTrackerDeps): AnalyticsTracker {
  let tracked: Tracked = { sessionId: '', completed: false };
  const report = (type: KioskEvent['type'], where: EventPlace = {}): void => {
    if (tracked.sessionId === '') tracked = { sessionId: newSessionId(), completed: false };
    send({ sessionId: tracked.sessionId, type, ...where });
  };
  return {
    stepShown(procedure, stepId) {
      if (tracked.procedureId !== procedure.id) {
        report('procedure-started', { procedureId: procedure.id });
        tracked = { ...tracked, procedureId: procedure.id, completed: false };
      }
      report('step-reached', { procedureId: procedure.id, stepId });
      tracked = { ...tracked, stepId };
      // Once per procedure: going back from the done step and forward again is not a second end.
      if (compileProcedure(procedure).stepById.get(stepId)?.kind === 'done' && !tracked.completed) {
        report('procedure-completed', { procedureId: procedure.id });
        tracked = { ...tracked, completed: true };
      }
    },
    helpCalled(context) {
      // Outside a procedure the call is about the kiosk's catalogue ('kiosk'), no procedure's id.
      report('help-called', context.procedureId === 'kiosk' ? {} : { procedureId: context.procedureId, stepId: context.stepId });
    },
    sessionEnded(wiped) {
      // Where the session ended, so staff see at which step seniors give up or walk away.
      const { procedureId, stepId, completed, sessionId } = tracked;
      const where = procedureId === undefined ? {} : { procedureId, ...(stepId !== undefined ? { stepId } : {}) };
      if (procedureId !== undefined && !completed) report('procedure-abandoned', where);
      // A wipe of a session that never sent anything (the attract screen's idle) is no session.
      if (wiped && sessionId !== '') report('idle-reset', where);
      tracked = { sessionId: '', completed: false };
    },
    forget() {
      tracked = { sessionId: '', completed: false };
    },
  };
}
