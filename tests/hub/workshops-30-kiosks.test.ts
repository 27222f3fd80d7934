/**
 * The "hub test with 30 kiosks in one workshop": thirty kiosks, each its own kiosk link
 * (core/protocol/kiosk-link.ts over a real socket, read with the kiosk's light checks) and its
 * device token over HTTP, join one workshop; all report a step; the trainer's grid shows thirty
 * seats with their steps; follow-the-leader reaches all thirty; the end wipes all thirty. The
 * times are printed (progress of all thirty to the grid, follow to the last kiosk), not asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskWorkshopView } from '../../core/protocol/workshop.js';
import { startSimulatedKiosk, type SimulatedKiosk } from '../support/simulated-kiosk.js';
import { connectClient, eventually, staffToken, startTestHub, volunteerToken, type RecordingClient, type TestHub } from './support/test-hub.js';
import { callRoute, makeKiosks, rowsHolding, waitForMessage } from './support/workshops.js';

const kioskCount = 30;
const steps = ['bienvenida', 'consejos-seguridad', 'barra-direcciones'];

describe('thirty kiosks in one workshop', () => {
  let test: TestHub;
  let tokens: string[];
  let kiosks: SimulatedKiosk[];
  let trainer: RecordingClient;
  // What each kiosk's link last heard of its workshop.
  const heard: (KioskWorkshopView | null | undefined)[] = [];
  beforeAll(async () => {
    test = await startTestHub();
    const staff = await staffToken(test.url);
    tokens = await makeKiosks(test.url, staff, kioskCount);
    kiosks = tokens.map((token, index) => {
      const kiosk = startSimulatedKiosk(test.url, token);
      kiosk.link.on('kiosk.workshop', (message) => (heard[index] = message.workshop));
      return kiosk;
    });
    trainer = connectClient(test.wsUrl, await volunteerToken(test.url, 'Ana', false));
    await eventually(() => (heard.filter((view) => view === null).length === kioskCount ? true : undefined), 15_000, 'every kiosk linked');
  }, 60_000);
  afterAll(async () => {
    for (const kiosk of kiosks ?? []) kiosk.stop();
    trainer?.connection.stop();
    await test?.close();
  });

  it('all join, all progress, the grid shows thirty seats, follow reaches all thirty, the end wipes all', async () => {
    const ana = await volunteerToken(test.url, 'Ana', false);
    const started = await callRoute<{ workshop: { id: string; code: string } }>(test.url, 'startWorkshop', {
      token: ana,
      body: { lessonIds: ['practica-clave'] },
    });
    expect(started.status).toBe(201);
    const { id, code } = started.body.workshop;

    const joins = await Promise.all(
      tokens.map((token, index) => callRoute(test.url, 'kioskJoinWorkshop', { token, body: { code, firstName: `Persona${index + 1}` } })),
    );
    expect(joins.map((answer) => answer.status)).toEqual(tokens.map(() => 200));
    await eventually(() => (heard.every((view) => view?.id === id) ? true : undefined), 5000, 'every kiosk in the workshop');
    expect(new Set(heard.map((view) => view?.seat)).size).toBe(kioskCount);

    const progressAt = Date.now();
    const reports = await Promise.all(
      tokens.map((token, index) =>
        callRoute(test.url, 'kioskWorkshopProgress', { token, body: { lessonId: 'practica-clave', stepId: steps[index % steps.length], finishedLessons: [] } }),
      ),
    );
    expect(reports.map((answer) => answer.status)).toEqual(tokens.map(() => 204));
    const grid = await waitForMessage(
      trainer,
      'workshop.grid',
      (message) =>
        message.workshop.id === id && message.workshop.seats.length === kioskCount && message.workshop.seats.every((seat) => seat.stepId !== undefined),
      10_000,
    );
    const progressMs = Date.now() - progressAt;
    // Each seat shows the step its kiosk reported, under the name it typed.
    const seatOfKiosk = new Map(heard.map((view, index) => [view?.seat, index]));
    for (const seat of grid.workshop.seats) {
      const index = seatOfKiosk.get(seat.seat) ?? -1;
      expect(seat.firstName).toBe(`Persona${index + 1}`);
      expect(seat.stepId).toBe(steps[index % steps.length]);
      expect(seat.stepTitle).toEqual(expect.objectContaining({ es: expect.any(String) }));
    }

    const followAt = Date.now();
    const follow = await callRoute<{ workshop: { follow: { at: number } } }>(test.url, 'workshopFollow', {
      token: ana,
      params: { id },
      body: { target: { lessonId: 'practica-clave', stepId: 'barra-direcciones' } },
    });
    expect(follow.status).toBe(200);
    const target = follow.body.workshop.follow.at;
    await eventually(
      () => (heard.every((view) => view?.follow?.at === target && view.follow.stepId === 'barra-direcciones') ? true : undefined),
      5000,
      'follow on every kiosk',
    );
    const followMs = Date.now() - followAt;

    const ended = await callRoute(test.url, 'endWorkshop', { token: ana, params: { id }, body: {} });
    expect(ended.body).toEqual({ participants: kioskCount, lessonsCompleted: 0 });
    await eventually(() => (heard.every((view) => view?.state === 'ended') ? true : undefined), 5000, 'every kiosk told it ended');
    expect(await test.hub.database.db.selectFrom('workshop_participants').selectAll().execute()).toEqual([]);
    expect(await rowsHolding(test.hub.database.db, 'Persona')).toEqual([]);
    console.log(`30 kiosks: all progress on the trainer's grid ${progressMs} ms after the reports were sent; follow on all 30 in ${followMs} ms`);
  }, 60_000);
});
