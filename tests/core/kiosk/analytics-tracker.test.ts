import { describe, expect, it } from 'vitest';
import { createAnalyticsTracker } from '../../../core/kiosk/analytics-tracker.js';
import type { KioskEvent } from '../../../core/protocol/http.js';
import { miniProcedureYaml, procedureFrom, stepYaml } from '../../support/procedures.js';

/** hola (info) → fin (done). */
const procedure = procedureFrom(miniProcedureYaml(stepYaml('hola', 'info', 'next: fin') + stepYaml('fin', 'done')));

/** A tracker whose events are kept in `sent`, with session ids sesion-1, sesion-2, … */
function tracking() {
  const sent: KioskEvent[] = [];
  let ids = 0;
  const tracker = createAnalyticsTracker({ send: (event) => sent.push(event), newSessionId: () => `sesion-${++ids}` });
  return { tracker, sent };
}

describe('the anonymous events of a kiosk session', () => {
  it("start a procedure once, reach each step, and complete it at its done step, under one session's id", () => {
    const { tracker, sent } = tracking();
    tracker.stepShown(procedure, 'hola');
    tracker.stepShown(procedure, 'fin');
    expect(sent).toEqual([
      { sessionId: 'sesion-1', type: 'procedure-started', procedureId: 'mini' },
      { sessionId: 'sesion-1', type: 'step-reached', procedureId: 'mini', stepId: 'hola' },
      { sessionId: 'sesion-1', type: 'step-reached', procedureId: 'mini', stepId: 'fin' },
      { sessionId: 'sesion-1', type: 'procedure-completed', procedureId: 'mini' },
    ]);
  });

  it('complete a procedure once, however often its done step is shown', () => {
    const { tracker, sent } = tracking();
    tracker.stepShown(procedure, 'fin');
    tracker.stepShown(procedure, 'hola');
    tracker.stepShown(procedure, 'fin');
    expect(sent.filter((event) => event.type === 'procedure-completed')).toHaveLength(1);
    expect(sent.filter((event) => event.type === 'procedure-started')).toHaveLength(1);
  });

  it('mark a procedure left before its end as abandoned at the step where the senior stopped', () => {
    const { tracker, sent } = tracking();
    tracker.stepShown(procedure, 'hola');
    tracker.sessionEnded(false);
    expect(sent.at(-1)).toEqual({ sessionId: 'sesion-1', type: 'procedure-abandoned', procedureId: 'mini', stepId: 'hola' });
  });

  it('do not call a completed procedure abandoned when the senior ends the session', () => {
    const { tracker, sent } = tracking();
    tracker.stepShown(procedure, 'fin');
    tracker.sessionEnded(false);
    expect(sent.map((event) => event.type)).not.toContain('procedure-abandoned');
  });

  it('count an idle wipe where the senior walked away, after the abandon', () => {
    const { tracker, sent } = tracking();
    tracker.stepShown(procedure, 'hola');
    tracker.sessionEnded(true);
    expect(sent.slice(-2)).toEqual([
      { sessionId: 'sesion-1', type: 'procedure-abandoned', procedureId: 'mini', stepId: 'hola' },
      { sessionId: 'sesion-1', type: 'idle-reset', procedureId: 'mini', stepId: 'hola' },
    ]);
  });

  it('send nothing for a session that sent nothing, wiped or ended', () => {
    const { tracker, sent } = tracking();
    tracker.sessionEnded(true);
    tracker.sessionEnded(false);
    expect(sent).toEqual([]);
  });

  it('count a help call in a session outside a procedure as an idle wipe too, without a place', () => {
    const { tracker, sent } = tracking();
    tracker.helpCalled({ procedureId: 'kiosk', stepId: 'catalogue' });
    tracker.sessionEnded(true);
    expect(sent).toEqual([
      { sessionId: 'sesion-1', type: 'help-called' },
      { sessionId: 'sesion-1', type: 'idle-reset' },
    ]);
  });

  it("name the procedure and step of a help call, never the catalogue's placeholder ids", () => {
    const { tracker, sent } = tracking();
    tracker.helpCalled({ procedureId: 'mini', stepId: 'requirements' });
    expect(sent).toEqual([{ sessionId: 'sesion-1', type: 'help-called', procedureId: 'mini', stepId: 'requirements' }]);
  });

  it('start a new session id with the next senior, and start the same procedure again for them', () => {
    const { tracker, sent } = tracking();
    tracker.stepShown(procedure, 'fin');
    tracker.sessionEnded(false);
    tracker.stepShown(procedure, 'hola');
    expect(sent.slice(-2)).toEqual([
      { sessionId: 'sesion-2', type: 'procedure-started', procedureId: 'mini' },
      { sessionId: 'sesion-2', type: 'step-reached', procedureId: 'mini', stepId: 'hola' },
    ]);
  });

  it('forget a session without an event when the kiosk opens at a step', () => {
    const { tracker, sent } = tracking();
    tracker.stepShown(procedure, 'hola');
    tracker.forget();
    tracker.sessionEnded(true);
    expect(sent.map((event) => event.type)).toEqual(['procedure-started', 'step-reached']);
    tracker.stepShown(procedure, 'hola');
    expect(sent.at(-2)).toEqual({ sessionId: 'sesion-2', type: 'procedure-started', procedureId: 'mini' });
  });
});
