/**
 * Workshops on one hub (SQLite), over real HTTP and sockets: a trainer (a volunteer of the site)
 * starts one, kiosks of the site join by code and report where they are, the grid and each
 * kiosk's view are pushed, follow-the-leader, pause, a raised hand answered, the end wiping every
 * participant; the records staff read; and the sweep ending a workshop left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../core/protocol/http.js';
import { hubMessageSchema } from '../../core/protocol/ws.js';
import {
  endWorkshopResponseSchema,
  kioskWorkshopResponseSchema,
  trainerWorkshopResponseSchema,
  workshopLessonsResponseSchema,
  workshopRecordsResponseSchema,
  type TrainerWorkshopView,
} from '../../core/protocol/workshop.js';
import { readKioskHubMessage, readKioskWorkshopResponse } from '../../core/protocol/kiosk-answers.js';
import { connectClient, eventually, kioskToken, staffToken, startTestHub, volunteerToken, type RecordingClient, type TestHub } from './support/test-hub.js';
import { seedDemo } from '../../hub/demo/seed.js';
import { callRoute, makeKiosks, publishQuizLesson, quizLessonId, rowsHolding, waitForMessage } from './support/workshops.js';

const seatOf = (workshop: TrainerWorkshopView, seat: number) => workshop.seats.find((candidate) => candidate.seat === seat);

describe('a workshop on one hub', () => {
  let test: TestHub;
  let staff: string;
  let ana: string;
  let kiosks: string[];
  let anaSocket: RecordingClient;
  let kioskSockets: RecordingClient[];
  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
    ana = await volunteerToken(test.url, 'Ana', false);
    await publishQuizLesson(test.url, staff);
    kiosks = [kioskToken, ...(await makeKiosks(test.url, staff, 2))];
    anaSocket = connectClient(test.wsUrl, ana);
    kioskSockets = kiosks.map((token) => connectClient(test.wsUrl, token));
    await Promise.all(kioskSockets.map((socket) => waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop === null)));
  }, 30_000);
  afterAll(async () => {
    for (const socket of [anaSocket, ...kioskSockets]) socket?.connection.stop();
    await test?.close();
  });

  it('lists the published practice scripts as lessons, and nothing else', async () => {
    const answer = await callRoute(test.url, 'workshopLessons', { token: ana });
    expect(answer.status).toBe(200);
    const { lessons } = workshopLessonsResponseSchema.parse(answer.body);
    const ids = lessons.map((lesson) => lesson.id);
    expect(ids).toEqual(expect.arrayContaining(['practica-clave', quizLessonId]));
    expect(ids).not.toContain('cita-previa');
    expect(lessons.find((lesson) => lesson.id === quizLessonId)?.steps.map((step) => step.id)).toEqual(['inicio', 'pregunta', 'fin']);
  });

  it('start, join, progress, follow, pause, a hand answered, and the end wiping everyone', async () => {
    const started = await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: [quizLessonId, 'practica-clave'] } });
    expect(started.status).toBe(201);
    const { workshop } = trainerWorkshopResponseSchema.parse(started.body);
    expect(workshop.code).toMatch(/^[1-9][0-9]{3,5}$/);
    expect(workshop).toMatchObject({ state: 'running', startedBy: 'Ana', seats: [], follow: null, seatLimit: 40 });
    expect(workshop.lessons.map((lesson) => lesson.id)).toEqual([quizLessonId, 'practica-clave']);
    await waitForMessage(anaSocket, 'workshop.grid', (message) => message.workshop.id === workshop.id);

    // Three kiosks join: seats 1, 2, 3 in order; a first name only where one was typed.
    const names = ['Carmen', undefined, 'José Luis'];
    for (const [index, token] of kiosks.entries()) {
      const name = names[index];
      const joined = await callRoute(test.url, 'kioskJoinWorkshop', { token, body: { code: workshop.code, ...(name ? { firstName: name } : {}) } });
      expect(joined.status, JSON.stringify(joined.body)).toBe(200);
      // The kiosk's own light reader takes what the hub answers.
      const view = readKioskWorkshopResponse(joined.body)?.workshop;
      expect(view).toMatchObject({
        id: workshop.id,
        state: 'running',
        seat: index + 1,
        hand: 'down',
        trainerName: 'Ana',
        lessonIds: [quizLessonId, 'practica-clave'],
      });
      expect(view?.firstName).toBe(name);
    }
    const grid = await waitForMessage(anaSocket, 'workshop.grid', (message) => message.workshop.seats.length === 3);
    expect(grid.workshop.seats.map((seat) => [seat.seat, seat.firstName])).toEqual([
      [1, 'Carmen'],
      [2, undefined],
      [3, 'José Luis'],
    ]);

    // Progress reaches the trainer's grid, with the step's title and since when (the issue: within 1 s).
    const before = Date.now();
    const reported = await callRoute(test.url, 'kioskWorkshopProgress', {
      token: kiosks[1],
      body: { lessonId: quizLessonId, stepId: 'pregunta', finishedLessons: [] },
    });
    expect(reported.status).toBe(204);
    const moved = await waitForMessage(anaSocket, 'workshop.grid', (message) => seatOf(message.workshop, 2)?.stepId === 'pregunta');
    const took = Date.now() - before;
    expect(took).toBeLessThan(1000);
    expect(seatOf(moved.workshop, 2)).toMatchObject({ lessonId: quizLessonId, stepId: 'pregunta', stepTitle: { es: 'Un SMS pide su PIN' } });
    expect(moved.serverNow - (seatOf(moved.workshop, 2)?.stepSince ?? 0)).toBeGreaterThanOrEqual(0);
    console.log(`progress → trainer's grid: ${took} ms`);

    // Follow-the-leader: every kiosk hears the target; a second ask for the same step is a new `at`.
    const follow = await callRoute(test.url, 'workshopFollow', {
      token: ana,
      params: { id: workshop.id },
      body: { target: { lessonId: 'practica-clave', stepId: 'bienvenida' } },
    });
    expect(follow.status).toBe(200);
    const target = trainerWorkshopResponseSchema.parse(follow.body).workshop.follow;
    expect(target).toMatchObject({ lessonId: 'practica-clave', stepId: 'bienvenida' });
    for (const socket of kioskSockets)
      await waitForMessage(
        socket,
        'kiosk.workshop',
        (message) => message.workshop?.follow?.at === target?.at && message.workshop?.follow?.stepId === 'bienvenida',
      );
    // What the kiosk's link reads off the socket passes its light reader too.
    const last = kioskSockets[0]?.messages.at(-1);
    expect(readKioskHubMessage(last)).toEqual(last);

    // Pause with a message, then resume.
    const paused = await callRoute(test.url, 'workshopPause', {
      token: ana,
      params: { id: workshop.id },
      body: { paused: true, message: 'Miren todos a la pantalla grande' },
    });
    expect(paused.status).toBe(200);
    for (const socket of kioskSockets)
      await waitForMessage(
        socket,
        'kiosk.workshop',
        (message) => message.workshop?.state === 'paused' && message.workshop.pauseMessage === 'Miren todos a la pantalla grande',
      );
    expect((await callRoute(test.url, 'workshopPause', { token: ana, params: { id: workshop.id }, body: { paused: false } })).status).toBe(200);
    for (const socket of kioskSockets)
      await eventually(() => {
        const views = socket.messages.filter((message) => message.type === 'kiosk.workshop');
        const latest = views.at(-1);
        return latest?.type === 'kiosk.workshop' && latest.workshop?.state === 'running' && latest.workshop.pauseMessage === undefined ? true : undefined;
      });

    // A raised hand reaches the trainer; answered, the kiosk hears who is coming.
    const raised = await callRoute(test.url, 'kioskWorkshopHand', { token: kiosks[2], body: { raised: true } });
    expect(kioskWorkshopResponseSchema.parse(raised.body).workshop?.hand).toBe('raised');
    const handGrid = await waitForMessage(anaSocket, 'workshop.grid', (message) => seatOf(message.workshop, 3)?.hand === 'raised');
    expect(seatOf(handGrid.workshop, 3)?.handRaisedAt).toBeTypeOf('number');
    const answered = await callRoute(test.url, 'workshopAnswerHand', { token: ana, params: { id: workshop.id, seat: 3 }, body: {} });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(seatOf(trainerWorkshopResponseSchema.parse(answered.body).workshop, 3)).toMatchObject({ hand: 'answered', handAnsweredBy: 'Ana' });
    await waitForMessage(
      kioskSockets[2] as RecordingClient,
      'kiosk.workshop',
      (message) => message.workshop?.hand === 'answered' && message.workshop.handAnsweredBy === 'Ana',
    );
    // A hand not raised cannot be answered; nobody at seat 9.
    expect(await callRoute(test.url, 'workshopAnswerHand', { token: ana, params: { id: workshop.id, seat: 1 }, body: {} })).toMatchObject({
      status: 409,
      body: { code: 'hand-not-raised' },
    });
    expect(await callRoute(test.url, 'workshopAnswerHand', { token: ana, params: { id: workshop.id, seat: 9 }, body: {} })).toMatchObject({
      status: 404,
      body: { code: 'seat-not-found' },
    });
    // Lowered, it is down for both.
    await callRoute(test.url, 'kioskWorkshopHand', { token: kiosks[2], body: { raised: false } });
    await waitForMessage(anaSocket, 'workshop.grid', (message) => seatOf(message.workshop, 3)?.hand === 'down' && message.workshop.follow !== null);

    // Quiz answers and a lesson finished, for the records.
    expect(
      (await callRoute(test.url, 'kioskWorkshopAnswer', { token: kiosks[0], body: { lessonId: quizLessonId, stepId: 'pregunta', correct: false } })).status,
    ).toBe(204);
    // Only the first answer of a kiosk counts.
    expect(
      (await callRoute(test.url, 'kioskWorkshopAnswer', { token: kiosks[0], body: { lessonId: quizLessonId, stepId: 'pregunta', correct: true } })).status,
    ).toBe(204);
    expect(
      (await callRoute(test.url, 'kioskWorkshopAnswer', { token: kiosks[1], body: { lessonId: quizLessonId, stepId: 'pregunta', correct: true } })).status,
    ).toBe(204);
    expect(
      (
        await callRoute(test.url, 'kioskWorkshopProgress', {
          token: kiosks[0],
          body: { lessonId: quizLessonId, stepId: 'fin', finishedLessons: [quizLessonId] },
        })
      ).status,
    ).toBe(204);
    // Reported again, a finished lesson is not counted twice.
    await callRoute(test.url, 'kioskWorkshopProgress', {
      token: kiosks[0],
      body: { lessonId: 'practica-clave', stepId: 'bienvenida', finishedLessons: [quizLessonId] },
    });
    const finishedGrid = await waitForMessage(anaSocket, 'workshop.grid', (message) => seatOf(message.workshop, 1)?.lessonId === 'practica-clave');
    expect(seatOf(finishedGrid.workshop, 1)?.finishedLessons).toEqual([quizLessonId]);

    // The end: the kiosks hear it, their seats and names are gone, the counts stay.
    const ended = await callRoute(test.url, 'endWorkshop', { token: ana, params: { id: workshop.id }, body: {} });
    expect(ended.status).toBe(200);
    expect(endWorkshopResponseSchema.parse(ended.body)).toEqual({ participants: 3, lessonsCompleted: 1 });
    for (const socket of kioskSockets) await waitForMessage(socket, 'kiosk.workshop', (message) => message.workshop?.state === 'ended');
    const lastGrid = await waitForMessage(anaSocket, 'workshop.grid', (message) => message.workshop.state === 'ended');
    expect(lastGrid.workshop.seats).toEqual([]);
    for (const token of kiosks) expect((await callRoute(test.url, 'kioskWorkshop', { token })).body).toEqual({ workshop: null });
    for (const name of ['Carmen', 'José Luis']) expect(await rowsHolding(test.hub.database.db, name)).toEqual([]);
    // The code is dead: a kiosk typing it hears that it ended, nothing changes.
    expect(await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code: workshop.code } })).toMatchObject({
      status: 409,
      body: { code: 'workshop-ended' },
    });
    expect(await callRoute(test.url, 'workshopFollow', { token: ana, params: { id: workshop.id }, body: { target: null } })).toMatchObject({
      status: 409,
      body: { code: 'workshop-ended' },
    });
    // Every message the sockets got fits the contract.
    for (const socket of [anaSocket, ...kioskSockets]) for (const message of socket.messages) expect(hubMessageSchema.safeParse(message).success).toBe(true);

    // The records: one workshop, three participants, one lesson completed, the question missed by one of two.
    const today = new Date().toISOString().slice(0, 10);
    const records = await callRoute(test.url, 'staffWorkshopRecords', { token: staff, query: `from=${today}&to=${today}` });
    expect(records.status).toBe(200);
    const parsed = workshopRecordsResponseSchema.parse(records.body);
    expect(parsed.months).toEqual([
      { siteId: 'biblioteca-eugenio-trias-demo', siteName: expect.any(String), month: today.slice(0, 7), workshops: 1, participants: 3, lessonsCompleted: 1 },
    ]);
    expect(parsed.missedQuestions).toEqual([
      expect.objectContaining({
        lessonId: quizLessonId,
        stepId: 'pregunta',
        answers: 2,
        wrong: 1,
        shareWrong: 0.5,
        stepTitle: expect.objectContaining({ es: 'Un SMS pide su PIN' }),
      }),
    ]);
    const csv = await callRoute<{ text: string }>(test.url, 'staffWorkshopRecordsCsv', { token: staff, query: `from=${today}&to=${today}` });
    expect(csv.status).toBe(200);
    const lines = csv.body.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'kind,site_id,site_name,month,workshops,participants,lessons_completed,lesson_id,lesson_title,step_id,step_title,answers,wrong,share_wrong',
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['month', 'missed-question']);
    expect(lines[2]).toContain(`${quizLessonId},Lección de prueba del hub,pregunta,Un SMS pide su PIN,2,1,0.5`);
    for (const name of ['Carmen', 'José']) expect(csv.body.text).not.toContain(name);
  }, 30_000);

  it('a volunteer who connects sees the running workshops of the site; a kiosk that reconnects its own', async () => {
    const started = trainerWorkshopResponseSchema.parse(
      (await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } })).body,
    );
    const code = started.workshop.code;
    expect((await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code, firstName: 'Rosa' } })).status).toBe(200);
    const luis = connectClient(test.wsUrl, await volunteerToken(test.url, 'Luis', false));
    const kioskAgain = connectClient(test.wsUrl, kiosks[0] as string);
    try {
      const seen = await waitForMessage(luis, 'workshop.grid', (message) => message.workshop.id === started.workshop.id);
      expect(seen.workshop.seats).toEqual([expect.objectContaining({ seat: 1, firstName: 'Rosa' })]);
      await waitForMessage(kioskAgain, 'kiosk.workshop', (message) => message.workshop?.id === started.workshop.id && message.workshop.firstName === 'Rosa');
      // Joining again keeps the seat and starts afresh (a new name); leaving wipes it at once.
      const again = await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code, firstName: 'Pilar' } });
      expect(readKioskWorkshopResponse(again.body)?.workshop).toMatchObject({ seat: 1, firstName: 'Pilar' });
      expect(await rowsHolding(test.hub.database.db, 'Rosa')).toEqual([]);
      expect((await callRoute(test.url, 'kioskLeaveWorkshop', { token: kiosks[0], body: {} })).status).toBe(204);
      await waitForMessage(
        kioskAgain,
        'kiosk.workshop',
        (message) => message.workshop === null && kioskAgain.messages.some((m) => m.type === 'kiosk.workshop' && m.workshop?.firstName === 'Pilar'),
      );
      await waitForMessage(luis, 'workshop.grid', (message) => message.workshop.id === started.workshop.id && message.workshop.seats.length === 0);
      expect(await rowsHolding(test.hub.database.db, 'Pilar')).toEqual([]);
      // Leaving twice is harmless; reporting after leaving is refused.
      expect((await callRoute(test.url, 'kioskLeaveWorkshop', { token: kiosks[0], body: {} })).status).toBe(204);
      expect(
        await callRoute(test.url, 'kioskWorkshopProgress', {
          token: kiosks[0],
          body: { lessonId: 'practica-clave', stepId: 'bienvenida', finishedLessons: [] },
        }),
      ).toMatchObject({ status: 409, body: { code: 'not-in-workshop' } });
    } finally {
      luis.connection.stop();
      kioskAgain.connection.stop();
      await callRoute(test.url, 'endWorkshop', { token: ana, params: { id: started.workshop.id }, body: {} });
    }
  });

  it('every refusal is worded with its code and changes nothing', async () => {
    const started = trainerWorkshopResponseSchema.parse(
      (await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } })).body,
    );
    const { id, code } = started.workshop;
    const state = async () =>
      JSON.stringify(await test.hub.database.db.selectFrom('workshop_participants').selectAll().execute()) +
      JSON.stringify(await test.hub.database.db.selectFrom('workshops').selectAll().where('id', '=', id).execute());
    expect((await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[1], body: { code, firstName: 'Elena' } })).status).toBe(200);
    const wrongCode = code === '9999' ? '8888' : '9999';
    const before = await state();
    const refusals: [string, Awaited<ReturnType<typeof callRoute>>, number, string | undefined][] = [
      ['a wrong code', await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code: wrongCode } }), 404, 'workshop-not-found'],
      ['a code of letters', await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code: 'abcd' } }), 400, undefined],
      ['a code too long', await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code: '1234567' } }), 400, undefined],
      ['a name of 31 letters', await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code, firstName: 'a'.repeat(31) } }), 400, undefined],
      ['a name with markup', await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code, firstName: '<b>Ana</b>' } }), 400, undefined],
      [
        'a name with a direction override',
        await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code, firstName: 'Ana\u202Egnip' } }),
        400,
        undefined,
      ],
      ['an unknown field', await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: { code, dni: '12345678Z' } }), 400, undefined],
      ['a body that is not JSON', await callRoute(test.url, 'kioskJoinWorkshop', { token: kiosks[0], body: '{"code":' }), 400, undefined],
      [
        'a lesson not in the workshop',
        await callRoute(test.url, 'kioskWorkshopProgress', { token: kiosks[1], body: { lessonId: quizLessonId, stepId: 'inicio', finishedLessons: [] } }),
        400,
        'lesson-not-in-workshop',
      ],
      [
        'a step the lesson has not',
        await callRoute(test.url, 'kioskWorkshopProgress', {
          token: kiosks[1],
          body: { lessonId: 'practica-clave', stepId: 'no-such-step', finishedLessons: [] },
        }),
        400,
        'step-not-found',
      ],
      [
        'a finished lesson not in the workshop',
        await callRoute(test.url, 'kioskWorkshopProgress', {
          token: kiosks[1],
          body: { lessonId: 'practica-clave', stepId: 'bienvenida', finishedLessons: ['cita-previa'] },
        }),
        400,
        'lesson-not-in-workshop',
      ],
      [
        'progress from a kiosk in no workshop',
        await callRoute(test.url, 'kioskWorkshopProgress', {
          token: kiosks[0],
          body: { lessonId: 'practica-clave', stepId: 'bienvenida', finishedLessons: [] },
        }),
        409,
        'not-in-workshop',
      ],
      [
        'a quiz answer for a step that is not a question',
        await callRoute(test.url, 'kioskWorkshopAnswer', { token: kiosks[1], body: { lessonId: 'practica-clave', stepId: 'bienvenida', correct: false } }),
        400,
        'step-not-found',
      ],
      [
        'a quiz answer with the choice in it',
        await callRoute(test.url, 'kioskWorkshopAnswer', {
          token: kiosks[1],
          body: { lessonId: 'practica-clave', stepId: 'bienvenida', correct: false, choice: 'lo-envio' },
        }),
        400,
        undefined,
      ],
      ['a hand that is not a boolean', await callRoute(test.url, 'kioskWorkshopHand', { token: kiosks[1], body: { raised: 'yes' } }), 400, undefined],
      [
        'a start with a real procedure',
        await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['cita-previa'] } }),
        400,
        'lesson-not-practice',
      ],
      ['a start with no lesson', await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: [] } }), 400, undefined],
      [
        'a start with a lesson twice',
        await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave', 'practica-clave'] } }),
        400,
        undefined,
      ],
      [
        'a follow to a step the lesson has not',
        await callRoute(test.url, 'workshopFollow', { token: ana, params: { id }, body: { target: { lessonId: 'practica-clave', stepId: 'nada' } } }),
        400,
        'step-not-found',
      ],
      [
        'a pause with an empty message',
        await callRoute(test.url, 'workshopPause', { token: ana, params: { id }, body: { paused: true, message: '   ' } }),
        400,
        undefined,
      ],
      [
        'a pause with a message of 121 characters',
        await callRoute(test.url, 'workshopPause', { token: ana, params: { id }, body: { paused: true, message: 'a'.repeat(121) } }),
        400,
        undefined,
      ],
      ['a seat of 0', await callRoute(test.url, 'workshopAnswerHand', { token: ana, params: { id, seat: 0 }, body: {} }), 400, undefined],
      [
        'a workshop id that is not one',
        await callRoute(test.url, 'workshopFollow', { token: ana, params: { id: 'nada' }, body: { target: null } }),
        400,
        undefined,
      ],
      [
        'an unknown workshop',
        await callRoute(test.url, 'workshopFollow', { token: ana, params: { id: '00000000-0000-4000-8000-000000000000' }, body: { target: null } }),
        404,
        'not-found',
      ],
    ];
    for (const [what, answer, status, errorCode] of refusals) {
      expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(status);
      const body = errorResponseSchema.parse(answer.body);
      expect(body.error.length, what).toBeGreaterThan(5);
      expect(body.code, what).toBe(errorCode);
    }
    expect(await state()).toBe(before);
    await callRoute(test.url, 'endWorkshop', { token: ana, params: { id }, body: {} });
  });

  it('site rules: a kiosk of another site cannot join, its volunteer cannot see or lead; a full workshop refuses the next kiosk', async () => {
    const site = await callRoute(test.url, 'createSite', { token: staff, body: { id: 'otro-centro-taller', name: 'Otro centro', inPersonHelp: 'Recepción' } });
    expect(site.status).toBe(201);
    const [otherKiosk] = await makeKiosks(test.url, staff, 1, 'otro-centro-taller', 'Otro');
    await callRoute(test.url, 'createVolunteer', {
      token: staff,
      body: { id: 'pepa-taller', name: 'Pepa', pin: '4321', siteIds: ['otro-centro-taller'], languages: ['es'] },
    });
    const pepa = (await callRoute<{ token: string }>(test.url, 'volunteerLogin', { body: { siteId: 'otro-centro-taller', name: 'Pepa', pin: '4321' } })).body
      .token;
    const started = trainerWorkshopResponseSchema.parse(
      (await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } })).body,
    );
    const { id, code } = started.workshop;
    expect(await callRoute(test.url, 'kioskJoinWorkshop', { token: otherKiosk, body: { code } })).toMatchObject({
      status: 404,
      body: { code: 'workshop-not-found' },
    });
    expect(await callRoute(test.url, 'trainerWorkshop', { token: pepa, params: { id } })).toMatchObject({ status: 404, body: { code: 'not-found' } });
    expect(await callRoute(test.url, 'endWorkshop', { token: pepa, params: { id }, body: {} })).toMatchObject({ status: 404, body: { code: 'not-found' } });
    expect((await callRoute<{ workshops: unknown[] }>(test.url, 'trainerWorkshops', { token: pepa })).body.workshops).toEqual([]);
    const pepaSocket = connectClient(test.wsUrl, pepa);
    try {
      await waitForMessage(pepaSocket, 'volunteer.calls');
      // Luis, of the same site, may lead it too (a co-trainer); Pepa never hears of it.
      const luis = await volunteerToken(test.url, 'Luis', false);
      expect((await callRoute(test.url, 'workshopPause', { token: luis, params: { id }, body: { paused: true, message: 'Un momento' } })).status).toBe(200);
      // Forty kiosks fill it; the forty-first is refused and nothing changes.
      const many = await makeKiosks(test.url, staff, 41, undefined, 'Lleno');
      const joins = await Promise.all(many.slice(0, 40).map((token) => callRoute(test.url, 'kioskJoinWorkshop', { token, body: { code } })));
      expect(joins.map((answer) => answer.status)).toEqual(Array.from({ length: 40 }, () => 200));
      expect(new Set(joins.map((answer) => readKioskWorkshopResponse(answer.body)?.workshop?.seat)).size).toBe(40);
      const full = await callRoute(test.url, 'kioskJoinWorkshop', { token: many[40], body: { code } });
      expect(full).toMatchObject({ status: 409, body: { code: 'workshop-full' } });
      expect(pepaSocket.messages.some((message) => message.type === 'workshop.grid')).toBe(false);
    } finally {
      pepaSocket.connection.stop();
      await callRoute(test.url, 'endWorkshop', { token: ana, params: { id }, body: {} });
    }
    expect(await test.hub.database.db.selectFrom('workshop_participants').selectAll().execute()).toEqual([]);
  }, 60_000);
});

describe('a workshop nobody touches', () => {
  let test: TestHub;
  beforeAll(async () => {
    test = await startTestHub({ workshopIdleEndMs: 400, workshopSweepIntervalMs: 100 });
  }, 30_000);
  afterAll(() => test?.close());

  it('ends by itself, its participants wiped and its kiosks told', async () => {
    const ana = await volunteerToken(test.url, 'Ana', false);
    const started = trainerWorkshopResponseSchema.parse(
      (await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } })).body,
    );
    const kiosk = connectClient(test.wsUrl, kioskToken);
    try {
      expect((await callRoute(test.url, 'kioskJoinWorkshop', { token: kioskToken, body: { code: started.workshop.code, firstName: 'Dolores' } })).status).toBe(
        200,
      );
      await waitForMessage(kiosk, 'kiosk.workshop', (message) => message.workshop?.state === 'ended', 10_000);
      expect(await rowsHolding(test.hub.database.db, 'Dolores')).toEqual([]);
      expect((await callRoute(test.url, 'trainerWorkshop', { token: ana, params: { id: started.workshop.id } })).body).toMatchObject({
        workshop: { state: 'ended', seats: [] },
      });
    } finally {
      kiosk.connection.stop();
    }
  });
});

describe("demo mode's workshop records", () => {
  let test: TestHub;
  beforeAll(async () => {
    test = await startTestHub();
  }, 30_000);
  afterAll(() => test?.close());

  it('fill the Analytics page with three made-up workshops of the last week, counts only, once', async () => {
    const staff = await staffToken(test.url);
    const week = { from: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
    const records = workshopRecordsResponseSchema.parse(
      (await callRoute(test.url, 'staffWorkshopRecords', { token: staff, query: `from=${week.from}&to=${week.to}` })).body,
    );
    expect(records.months.reduce((sum, month) => sum + month.workshops, 0)).toBe(3);
    expect(records.months.reduce((sum, month) => sum + month.participants, 0)).toBe(24);
    // Per month: the week may span two. The bank's message is missed most (12 of 24).
    expect(new Set(records.missedQuestions.map((question) => question.stepId))).toEqual(new Set(['sms-banco', 'sms-hacienda', 'sms-paquete']));
    expect(records.missedQuestions[0]).toMatchObject({ stepId: 'sms-banco', shareWrong: expect.any(Number) });
    expect(await test.hub.database.db.selectFrom('workshop_participants').selectAll().execute()).toEqual([]);
    // Seeding again (every demo start) adds nothing.
    const count = async () => (await test.hub.database.db.selectFrom('workshop_answers').select('id').execute()).length;
    const before = await count();
    await seedDemo(test.hub.database.db, Date.now());
    expect(await count()).toBe(before);
  });
});
