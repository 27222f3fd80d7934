/** The analytics figures from grouped event counts and call times. */
import { describe, expect, it } from 'vitest';
import { buildAnalytics, median, rangeBounds, type EventCount } from '../../../core/analytics/funnel.js';

const outline = (id: string) =>
  id === 'cita-previa'
    ? {
        title: { es: 'Cita previa' },
        steps: [
          { id: 'inicio', title: { es: 'Inicio' } },
          { id: 'dni', title: { es: 'DNI' } },
          { id: 'fin', title: { es: 'Fin' } },
        ],
      }
    : undefined;

const event = (type: string, procedureId: string | null, stepId: string | null, events: number, sessions = events): EventCount => ({
  type,
  procedureId,
  stepId,
  events,
  sessions,
});

describe('buildAnalytics', () => {
  it('makes the funnel in script order, with steps the script no longer has at the end', () => {
    const result = buildAnalytics({
      from: '2026-03-01',
      to: '2026-03-31',
      sessions: 12,
      events: [
        event('procedure-started', 'cita-previa', null, 10),
        event('step-reached', 'cita-previa', 'dni', 9, 7),
        event('step-reached', 'cita-previa', 'inicio', 10),
        event('step-reached', 'cita-previa', 'paso-viejo', 1),
        event('step-reached', 'cita-previa', 'fin', 4),
        event('procedure-completed', 'cita-previa', null, 4),
        event('help-called', 'cita-previa', 'dni', 3, 2),
        event('procedure-abandoned', 'cita-previa', 'dni', 2),
        event('idle-reset', 'cita-previa', 'dni', 1),
        event('idle-reset', null, null, 2),
        event('procedure-started', 'otro', null, 1),
      ],
      calls: [
        { procedureId: 'cita-previa', createdAt: 0, acceptedAt: 30_000, arrivedAt: 90_000, escalatedAt: null },
        { procedureId: 'cita-previa', createdAt: 0, acceptedAt: 50_000, arrivedAt: null, escalatedAt: null },
        { procedureId: 'cita-previa', createdAt: 0, acceptedAt: 200_000, arrivedAt: 320_000, escalatedAt: 120_000 },
        { procedureId: 'kiosk', createdAt: 0, acceptedAt: null, arrivedAt: null, escalatedAt: 120_000 },
      ],
      outline,
    });
    const cita = result.procedures.find((procedure) => procedure.procedureId === 'cita-previa');
    expect(cita).toMatchObject({
      started: 10,
      completed: 4,
      helpCalls: 3,
      abandoned: 2,
      idleResets: 1,
      escalations: 1,
      medianAcceptSeconds: 50,
      medianArriveSeconds: 90,
    });
    expect(cita?.steps.map((step) => [step.stepId, step.reached])).toEqual([
      ['inicio', 10],
      ['dni', 7],
      ['fin', 4],
      ['paso-viejo', 1],
    ]);
    expect(cita?.steps[1]).toMatchObject({ helpCalls: 3, abandoned: 2, idleResets: 1, title: { es: 'DNI' } });
    expect(cita?.steps[3]?.title).toBeNull();
    expect(result.procedures.map((procedure) => procedure.procedureId)).toEqual(['cita-previa', 'otro']);
    expect(result.procedures[1]?.title).toBeNull();
    expect(result.totals).toEqual({
      sessions: 12,
      started: 11,
      completed: 4,
      helpCalls: 3,
      idleResets: 3,
      abandoned: 2,
      calls: 4,
      escalations: 2,
      medianAcceptSeconds: 50,
      medianArriveSeconds: 90,
    });
  });

  it('says null, not zero, when there is nothing to take a median of', () => {
    const result = buildAnalytics({ from: '2026-01-01', to: '2026-01-01', sessions: 0, events: [], calls: [], outline });
    expect(result.procedures).toEqual([]);
    expect(result.totals.medianAcceptSeconds).toBeNull();
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('covers whole UTC days, both ends included', () => {
    expect(rangeBounds('2026-03-01', '2026-03-02')).toEqual({ start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 2, 3) });
  });
});
