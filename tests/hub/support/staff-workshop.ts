/**
 * A workshop led by a member of staff from the staff console, from start to end, over real HTTP
 * and sockets: the staff socket watches the site (`staff.workshops`), kiosks join by code, and the
 * grid, follow-the-leader, pause, a hand answered ("Marta viene") and the end go both ways. Run on
 * one SQLite hub and across two hubs sharing PostgreSQL (the staff member on one, the kiosks on
 * the other).
 */
import { expect } from 'vitest';
import {
  endWorkshopResponseSchema,
  trainerWorkshopResponseSchema,
  trainerWorkshopsResponseSchema,
  type TrainerWorkshopView,
} from '../../../core/protocol/workshop.js';
import { readKioskWorkshopResponse } from '../../../core/protocol/kiosk-answers.js';
import { hubMessageSchema } from '../../../core/protocol/ws.js';
import { connectClient, demoSiteId, kioskToken, staffToken, volunteerToken, type RecordingClient, type TestHub } from './test-hub.js';
import { callRoute, makeKiosks, rowsHolding, waitForMessage } from './workshops.js';

const seatOf = (workshop: TrainerWorkshopView, seat: number) => workshop.seats.find((candidate) => candidate.seat === seat);

/** Makes a staff account through the staff API and signs it in; its token. */
export async function staffAccountToken(url: string, name: string, email: string): Promise<string> {
  const admin = await staffToken(url);
  const password = 'a long enough password';
  const made = await callRoute(url, 'createStaffAccount', { token: admin, body: { email, name, password } });
  if (made.status !== 201 && made.status !== 409) throw new Error(`the staff account could not be made: ${JSON.stringify(made.body)}`);
  const login = await callRoute<{ token: string }>(url, 'staffLogin', { body: { email, password } });
  if (login.status !== 200) throw new Error(`the staff account could not sign in: ${JSON.stringify(login.body)}`);
  return login.body.token;
}

/** A staff socket whose workshops page watches `siteId`. */
export async function watchingStaff(wsUrl: string, token: string, siteId: string): Promise<RecordingClient> {
  const socket = connectClient(wsUrl, token);
  await waitForMessage(socket, 'staff.fleet');
  expect(socket.connection.send({ type: 'staff.workshops', siteId })).toBe(true);
  return socket;
}

/**
 * Marta (staff) leads a workshop at the demo site from `trainerHub`; two kiosks take part through
 * `kioskHub`; Ana, a volunteer of the site, sees it and may lead it too. Everything a senior
 * typed is gone at the end.
 */
export async function runStaffLedWorkshop(trainerHub: TestHub, kioskHub: TestHub): Promise<void> {
  const sockets: RecordingClient[] = [];
  try {
    const admin = await staffToken(trainerHub.url);
    const marta = await staffAccountToken(trainerHub.url, 'Marta Ruiz', 'marta.ruiz@example.org');
    const kiosks = [kioskToken, ...(await makeKiosks(trainerHub.url, admin, 1, demoSiteId, 'Taller de Marta'))];
    const martaSocket = await watchingStaff(trainerHub.wsUrl, marta, demoSiteId);
    const kioskSockets = kiosks.map((token) => connectClient(kioskHub.wsUrl, token));
    sockets.push(martaSocket, ...kioskSockets);
    for (const socket of kioskSockets) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop === null);

    const lessons = await callRoute<{ lessons: { id: string }[] }>(trainerHub.url, 'staffWorkshopLessons', { token: marta });
    expect(lessons.body.lessons.map((lesson) => lesson.id)).toContain('practica-clave');
    const started = await callRoute(trainerHub.url, 'staffStartWorkshop', {
      token: marta,
      params: { site: demoSiteId },
      body: { lessonIds: ['practica-clave'] },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const { workshop } = trainerWorkshopResponseSchema.parse(started.body);
    expect(workshop).toMatchObject({ siteId: demoSiteId, state: 'running', startedBy: 'Marta', seats: [] });
    await waitForMessage(martaSocket, 'workshop.grid', (message) => message.workshop.id === workshop.id);

    for (const [index, token] of kiosks.entries()) {
      const joined = await callRoute(kioskHub.url, 'kioskJoinWorkshop', { token, body: { code: workshop.code, firstName: `Vecino${index + 1}` } });
      expect(joined.status, JSON.stringify(joined.body)).toBe(200);
      expect(readKioskWorkshopResponse(joined.body)?.workshop).toMatchObject({ seat: index + 1, trainerName: 'Marta' });
    }
    await waitForMessage(martaSocket, 'workshop.grid', (message) => message.workshop.seats.length === 2);

    // A kiosk's step reaches the staff grid within a second.
    const before = Date.now();
    await callRoute(kioskHub.url, 'kioskWorkshopProgress', {
      token: kiosks[1],
      body: { lessonId: 'practica-clave', stepId: 'bienvenida', finishedLessons: [] },
    });
    await waitForMessage(martaSocket, 'workshop.grid', (message) => seatOf(message.workshop, 2)?.stepId === 'bienvenida');
    expect(Date.now() - before).toBeLessThan(1000);

    // Follow-the-leader and pause, from the staff console.
    const path = { site: demoSiteId, id: workshop.id };
    const follow = await callRoute(trainerHub.url, 'staffWorkshopFollow', {
      token: marta,
      params: path,
      body: { target: { lessonId: 'practica-clave', stepId: 'bienvenida' } },
    });
    expect(follow.status, JSON.stringify(follow.body)).toBe(200);
    const at = trainerWorkshopResponseSchema.parse(follow.body).workshop.follow?.at;
    for (const socket of kioskSockets) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop?.follow?.at === at);
    expect(
      (await callRoute(trainerHub.url, 'staffWorkshopPause', { token: marta, params: path, body: { paused: true, message: 'Miren a Marta' } })).status,
    ).toBe(200);
    for (const socket of kioskSockets) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop?.pauseMessage === 'Miren a Marta');
    expect((await callRoute(trainerHub.url, 'staffWorkshopPause', { token: marta, params: path, body: { paused: false } })).status).toBe(200);

    // A hand raised reaches the staff grid; answered, the kiosk shows who comes: Marta.
    await callRoute(kioskHub.url, 'kioskWorkshopHand', { token: kiosks[0], body: { raised: true } });
    await waitForMessage(martaSocket, 'workshop.grid', (message) => seatOf(message.workshop, 1)?.hand === 'raised');
    const answered = await callRoute(trainerHub.url, 'staffWorkshopAnswerHand', { token: marta, params: { ...path, seat: 1 }, body: {} });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(seatOf(trainerWorkshopResponseSchema.parse(answered.body).workshop, 1)).toMatchObject({ hand: 'answered', handAnsweredBy: 'Marta' });
    await waitForMessage(kioskSockets[0] as RecordingClient, 'kiosk.workshop', (message) => message.workshop?.handAnsweredBy === 'Marta');

    // Ana, a volunteer of the site, sees the staff member's workshop and may lead it too.
    const ana = await volunteerToken(trainerHub.url, 'Ana', false);
    const anaList = trainerWorkshopsResponseSchema.parse((await callRoute(trainerHub.url, 'trainerWorkshops', { token: ana })).body);
    expect(anaList.workshops.map((seen) => seen.id)).toContain(workshop.id);
    expect((await callRoute(trainerHub.url, 'staffTrainerWorkshop', { token: marta, params: path })).status).toBe(200);

    const ended = await callRoute(trainerHub.url, 'staffEndWorkshop', { token: marta, params: path, body: {} });
    expect(endWorkshopResponseSchema.parse(ended.body)).toEqual({ participants: 2, lessonsCompleted: 0 });
    for (const socket of kioskSockets) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop?.state === 'ended');
    await waitForMessage(martaSocket, 'workshop.grid', (message) => message.workshop.id === workshop.id && message.workshop.state === 'ended');
    expect(await rowsHolding(trainerHub.hub.database.db, 'Vecino')).toEqual([]);
    const list = await callRoute<{ workshops: unknown[] }>(trainerHub.url, 'staffTrainerWorkshops', { token: marta, params: { site: demoSiteId } });
    expect(list.body.workshops).toEqual([]);
    for (const socket of sockets) for (const message of socket.messages) expect(hubMessageSchema.safeParse(message).success).toBe(true);
  } finally {
    for (const socket of sockets) socket.connection.stop();
  }
}
