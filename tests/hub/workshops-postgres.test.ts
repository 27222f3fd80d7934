/**
 * Workshops across a city: two hubs sharing one PostgreSQL. The trainer is connected to one hub
 * and the kiosks to the other; every push crosses between them on the change feed (NOTIFY at
 * commit). Kiosks joining at once through both hubs each get their own seat; the end wipes every
 * participant from the shared database; the records are read with PostgreSQL's arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { trainerWorkshopResponseSchema, workshopRecordsResponseSchema, type TrainerWorkshopView } from '../../core/protocol/workshop.js';
import { readKioskWorkshopResponse } from '../../core/protocol/kiosk-answers.js';
import { connectClient, kioskToken, staffToken, volunteerToken, type RecordingClient } from './support/test-hub.js';
import { useTwoHubsOnPostgres } from './support/two-hubs.js';
import { callRoute, makeKiosks, publishQuizLesson, quizLessonId, rowsHolding, waitForMessage } from './support/workshops.js';

const seatOf = (workshop: TrainerWorkshopView, seat: number) => workshop.seats.find((candidate) => candidate.seat === seat);

describe('a workshop on two hubs sharing PostgreSQL', () => {
  const sockets: RecordingClient[] = [];
  const hubs = useTwoHubsOnPostgres(() => {
    for (const socket of sockets) socket.connection.stop();
  });

  it('the trainer on one hub and the kiosks on the other: join, progress, follow, hand, end, all pushed across', async () => {
    const staff = await staffToken(hubs.a.url);
    await publishQuizLesson(hubs.a.url, staff);
    const kiosks = [kioskToken, ...(await makeKiosks(hubs.a.url, staff, 2))];
    const ana = await volunteerToken(hubs.a.url, 'Ana', false);
    const anaOnA = connectClient(hubs.a.wsUrl, ana);
    const kiosksOnB = kiosks.map((token) => connectClient(hubs.b.wsUrl, token));
    sockets.push(anaOnA, ...kiosksOnB);
    await waitForMessage(anaOnA, 'volunteer.calls');
    for (const socket of kiosksOnB) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop === null);

    const { workshop } = trainerWorkshopResponseSchema.parse(
      (await callRoute(hubs.a.url, 'startWorkshop', { token: ana, body: { lessonIds: [quizLessonId, 'practica-clave'] } })).body,
    );
    for (const [index, token] of kiosks.entries())
      expect((await callRoute(hubs.b.url, 'kioskJoinWorkshop', { token, body: { code: workshop.code, firstName: `Vecina${index + 1}` } })).status).toBe(200);
    await waitForMessage(anaOnA, 'workshop.grid', (message) => message.workshop.seats.length === 3);

    const before = Date.now();
    await callRoute(hubs.b.url, 'kioskWorkshopProgress', { token: kiosks[0], body: { lessonId: quizLessonId, stepId: 'pregunta', finishedLessons: [] } });
    await waitForMessage(anaOnA, 'workshop.grid', (message) => seatOf(message.workshop, 1)?.stepId === 'pregunta');
    const took = Date.now() - before;
    expect(took).toBeLessThan(1000);
    console.log(`PostgreSQL, progress through hub B → grid on hub A: ${took} ms`);

    const follow = trainerWorkshopResponseSchema.parse(
      (
        await callRoute(hubs.a.url, 'workshopFollow', {
          token: ana,
          params: { id: workshop.id },
          body: { target: { lessonId: 'practica-clave', stepId: 'bienvenida' } },
        })
      ).body,
    );
    for (const socket of kiosksOnB) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop?.follow?.at === follow.workshop.follow?.at);

    await callRoute(hubs.b.url, 'kioskWorkshopHand', { token: kiosks[1], body: { raised: true } });
    await waitForMessage(anaOnA, 'workshop.grid', (message) => seatOf(message.workshop, 2)?.hand === 'raised');
    expect((await callRoute(hubs.a.url, 'workshopAnswerHand', { token: ana, params: { id: workshop.id, seat: 2 }, body: {} })).status).toBe(200);
    await waitForMessage(kiosksOnB[1] as RecordingClient, 'kiosk.workshop', (message) => message.workshop?.handAnsweredBy === 'Ana');

    await callRoute(hubs.b.url, 'kioskWorkshopAnswer', { token: kiosks[0], body: { lessonId: quizLessonId, stepId: 'pregunta', correct: false } });
    await callRoute(hubs.b.url, 'kioskWorkshopAnswer', { token: kiosks[1], body: { lessonId: quizLessonId, stepId: 'pregunta', correct: false } });
    await callRoute(hubs.b.url, 'kioskWorkshopAnswer', { token: kiosks[2], body: { lessonId: quizLessonId, stepId: 'pregunta', correct: true } });

    expect((await callRoute(hubs.a.url, 'endWorkshop', { token: ana, params: { id: workshop.id }, body: {} })).body).toEqual({
      participants: 3,
      lessonsCompleted: 0,
    });
    for (const socket of kiosksOnB) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop?.state === 'ended');
    expect(await rowsHolding(hubs.a.hub.database.db, 'Vecina')).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const records = workshopRecordsResponseSchema.parse(
      (await callRoute(hubs.b.url, 'staffWorkshopRecords', { token: staff, query: `from=${today}&to=${today}` })).body,
    );
    expect(records.months).toEqual([expect.objectContaining({ month: today.slice(0, 7), workshops: 1, participants: 3 })]);
    expect(records.missedQuestions).toEqual([expect.objectContaining({ lessonId: quizLessonId, stepId: 'pregunta', answers: 3, wrong: 2 })]);
    expect(records.missedQuestions[0]?.shareWrong).toBeCloseTo(2 / 3);
  }, 60_000);

  it('twenty kiosks joining at once through both hubs each get their own seat, and a second workshop its own code', async () => {
    const staff = await staffToken(hubs.a.url);
    const ana = await volunteerToken(hubs.a.url, 'Ana', false);
    const luis = await volunteerToken(hubs.b.url, 'Luis', false);
    const [first, second] = await Promise.all([
      callRoute<{ workshop: { id: string; code: string } }>(hubs.a.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } }),
      callRoute<{ workshop: { id: string; code: string } }>(hubs.b.url, 'startWorkshop', { token: luis, body: { lessonIds: ['practica-clave'] } }),
    ]);
    expect(first.body.workshop.code).not.toBe(second.body.workshop.code);
    const tokens = await makeKiosks(hubs.a.url, staff, 20, undefined, 'Carrera');
    const joins = await Promise.all(
      tokens.map((token, index) =>
        callRoute((index % 2 === 0 ? hubs.a : hubs.b).url, 'kioskJoinWorkshop', { token, body: { code: first.body.workshop.code } }),
      ),
    );
    expect(joins.map((answer) => answer.status)).toEqual(tokens.map(() => 200));
    const seats = joins.map((answer) => readKioskWorkshopResponse(answer.body)?.workshop?.seat);
    expect(new Set(seats).size).toBe(20);
    expect(Math.max(...seats.map(Number))).toBe(20);
    for (const started of [first, second]) await callRoute(hubs.a.url, 'endWorkshop', { token: ana, params: { id: started.body.workshop.id }, body: {} });
    expect(await hubs.b.hub.database.db.selectFrom('workshop_participants').selectAll().execute()).toEqual([]);
  }, 60_000);

  it('ten reports of one kiosk in flight together through both hubs count its finished lesson once', async () => {
    const ana = await volunteerToken(hubs.a.url, 'Ana', false);
    const started = await callRoute<{ workshop: { id: string; code: string } }>(hubs.a.url, 'startWorkshop', {
      token: ana,
      body: { lessonIds: ['practica-clave'] },
    });
    expect((await callRoute(hubs.a.url, 'kioskJoinWorkshop', { token: kioskToken, body: { code: started.body.workshop.code } })).status).toBe(200);
    const reports = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        callRoute((index % 2 === 0 ? hubs.a : hubs.b).url, 'kioskWorkshopProgress', {
          token: kioskToken,
          body: { lessonId: 'practica-clave', stepId: 'bienvenida', finishedLessons: ['practica-clave'] },
        }),
      ),
    );
    expect(reports.map((answer) => answer.status)).toEqual(reports.map(() => 204));
    expect((await callRoute(hubs.b.url, 'endWorkshop', { token: ana, params: { id: started.body.workshop.id }, body: {} })).body).toEqual({
      participants: 1,
      lessonsCompleted: 1,
    });
  }, 30_000);
});
