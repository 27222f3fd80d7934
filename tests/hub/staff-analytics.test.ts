/**
 * The staff analytics on a real hub: anonymous events sent the way kiosks send them, help calls
 * accepted and reached on a clock the test moves, and the funnel, medians, escalations and the
 * CSV export that come out; plus the date range checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsResponseSchema, type AnalyticsResponse } from '../../core/protocol/staff-console.js';
import { call, createCall, eventually, kioskToken, staffToken, startTestHub, testClock, volunteerToken, type TestHub } from './support/test-hub.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

const dayMs = 86_400_000;
const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

describe('analytics from anonymous events and help calls', () => {
  let test: TestHub;
  const clock = testClock();
  let steps: string[];
  beforeAll(async () => {
    test = await startTestHub({ now: clock.now });
    const served = await call<{ procedures: { id: string; steps: { id: string }[] }[] }>(test.url, 'GET', apiRoutes.procedures.path, { token: kioskToken });
    steps = served.body.procedures.find((procedure) => procedure.id === 'cita-previa')?.steps.map((step) => step.id) ?? [];
  });
  afterAll(() => test.close());

  const analytics = async (from: string, to: string): Promise<AnalyticsResponse> => {
    const answer = await call(test.url, 'GET', `${apiRoutes.staffAnalytics.path}?from=${from}&to=${to}`, { token: await staffToken(test.url) });
    expect(answer.status).toBe(200);
    return analyticsResponseSchema.parse(answer.body);
  };

  it('has demo figures for the last week, so the dashboards are not empty', async () => {
    const week = await analytics(day(clock.now() - 8 * dayMs), day(clock.now()));
    expect(week.totals.sessions).toBe(60);
    expect(week.procedures.length).toBeGreaterThan(0);
    expect(week.procedures.every((procedure) => procedure.started > 0 && procedure.steps.length > 0)).toBe(true);
  });

  it('counts the funnel, help, idle wipes, abandonments, medians and escalations of a day', async () => {
    // Noon of a day 40 days ahead: the test's few real minutes never cross midnight.
    const noon = Math.floor((clock.now() + 40 * dayMs) / dayMs) * dayMs + dayMs / 2;
    clock.advance(noon - clock.now());
    const today = day(clock.now());
    const [first, second, third] = steps as [string, string, string];
    const events = (sessionId: string, list: [string, string?][]) => ({
      events: list.map(([type, stepId]) => ({ sessionId, type, procedureId: 'cita-previa', ...(stepId ? { stepId } : {}) })),
    });
    const send = async (body: unknown) => expect((await call(test.url, 'POST', apiRoutes.kioskEvents.path, { token: kioskToken, body })).status).toBe(202);
    await send(
      events('session-one-0001', [['procedure-started'], ['step-reached', first], ['step-reached', second], ['step-reached', third], ['procedure-completed']]),
    );
    await send(
      events('session-two-0002', [
        ['procedure-started'],
        ['step-reached', first],
        ['step-reached', second],
        ['help-called', second],
        ['procedure-abandoned', second],
      ]),
    );
    await send(events('session-three-03', [['procedure-started'], ['step-reached', first], ['step-reached', first], ['idle-reset', first]]));
    await send(events('session-four-004', [['procedure-started'], ['step-reached', first], ['step-reached', second]]));

    const ana = await volunteerToken(test.url, 'Ana');
    for (const [acceptAfter, arriveAfter] of [
      [30_000, 60_000],
      [50_000, 100_000],
    ] as const) {
      const created = await createCall(test.url, { procedureId: 'cita-previa', stepId: second });
      expect(created.status).toBe(201);
      clock.advance(acceptAfter);
      expect((await call(test.url, 'POST', `/api/volunteer/calls/${created.body.callId}/accept`, { token: ana })).status).toBe(200);
      clock.advance(arriveAfter);
      expect((await call(test.url, 'POST', `/api/volunteer/calls/${created.body.callId}/arrive`, { token: ana })).status).toBe(200);
      expect((await call(test.url, 'POST', `/api/volunteer/calls/${created.body.callId}/resolve`, { token: ana, body: { outcome: 'solved' } })).status).toBe(
        200,
      );
    }
    // Nobody is available: the third call escalates.
    await call(test.url, 'PUT', '/api/volunteer/availability', { token: ana, body: { available: false } });
    const lonely = await createCall(test.url, { procedureId: 'cita-previa', stepId: first });
    clock.advance(130_000);
    await eventually(async () => {
      const current = await call<{ call: { state: string } | null }>(test.url, 'GET', apiRoutes.kioskCurrentCall.path, { token: kioskToken });
      return current.body.call?.state === 'escalated' || undefined;
    });
    await call(test.url, 'POST', `/api/kiosk/calls/${lonely.body.callId}/cancel`, { token: kioskToken });

    const result = await analytics(day(clock.now()), day(clock.now()));
    expect(day(clock.now())).toBe(today);
    expect(result.procedures.map((procedure) => procedure.procedureId)).toEqual(['cita-previa']);
    const cita = result.procedures[0];
    expect(cita).toMatchObject({
      started: 4,
      completed: 1,
      helpCalls: 1,
      abandoned: 1,
      idleResets: 1,
      escalations: 1,
      title: { es: 'Cita previa con Línea Madrid' },
    });
    // The test clock also runs in real time, so a request's own duration adds a little.
    expect(cita?.medianAcceptSeconds).toBeGreaterThanOrEqual(40);
    expect(cita?.medianAcceptSeconds).toBeLessThan(45);
    expect(cita?.medianArriveSeconds).toBeGreaterThanOrEqual(80);
    expect(cita?.medianArriveSeconds).toBeLessThan(85);
    expect(cita?.steps.slice(0, 3).map((step) => [step.stepId, step.reached, step.helpCalls, step.abandoned, step.idleResets])).toEqual([
      [first, 4, 0, 0, 1],
      [second, 3, 1, 1, 0],
      [third, 1, 0, 0, 0],
    ]);
    expect(cita?.steps.slice(3).every((step) => step.reached === 0)).toBe(true);
    expect(result.totals).toMatchObject({ sessions: 4, started: 4, completed: 1, calls: 3, escalations: 1 });

    // The next day has nothing.
    const tomorrow = day(clock.now() + dayMs);
    expect((await analytics(tomorrow, tomorrow)).totals).toMatchObject({ sessions: 0, calls: 0, medianAcceptSeconds: null });
  });

  it('exports the same figures as a CSV file', async () => {
    const today = day(clock.now());
    const response = await fetch(`${test.url}${apiRoutes.staffAnalyticsCsv.path}?from=${today}&to=${today}`, {
      headers: { authorization: `Bearer ${await staffToken(test.url)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="paso-analytics-${today}-to-${today}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes).split('\r\n');
    expect(rows[0]).toBe(
      'procedure_id,procedure_title,step_id,step_title,started,reached,completed,help_calls,idle_resets,abandoned,escalations,median_accept_seconds,median_arrive_seconds',
    );
    expect(rows[1]).toMatch(/^cita-previa,Cita previa con Línea Madrid,,,4,,1,1,1,1,1,4[0-4](\.\d)?,8[0-4](\.\d)?$/);
    expect(rows[2]).toMatch(new RegExp(`^cita-previa,Cita previa con Línea Madrid,${steps[0] ?? ''},[^,]*,,4,,0,1,0,,,$`));
    expect(rows.at(-1)).toBe('');
  });

  it('refuses a range that is not one, in plain words', async () => {
    const staff = await staffToken(test.url);
    const ask = (query: string) => call(test.url, 'GET', `${apiRoutes.staffAnalytics.path}${query}`, { token: staff });
    expect(await ask('?from=2026-03-10&to=2026-03-01')).toEqual({
      status: 400,
      body: { error: 'from: the range starts after it ends: "from" must be on or before "to"', field: 'from' },
    });
    expect((await ask('?from=2026-02-30&to=2026-03-01')).body).toMatchObject({ field: 'from', error: expect.stringContaining('YYYY-MM-DD') as unknown });
    expect((await ask('?from=2024-01-01&to=2026-01-01')).body).toMatchObject({ field: 'to', error: 'to: the range is longer than 366 days' });
    expect((await ask('?from=2026-01-01')).body).toMatchObject({ field: 'to' });
    expect((await ask('?from=yesterday&to=today')).status).toBe(400);
    expect((await ask('?from=2026-01-01&to=2026-01-02&site=x')).body).toEqual({ error: 'unknown field "site"' });
    expect((await call(test.url, 'GET', `${apiRoutes.staffAnalyticsCsv.path}?from=2026-01-02&to=2026-01-01`, { token: staff })).status).toBe(400);
  });
});
