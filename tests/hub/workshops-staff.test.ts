/**
 * A member of staff leads a workshop from the staff console (SQLite): the whole lifecycle, and
 * the rules that keep it tight. Staff lead at the site they chose, their own workshops and the
 * site's volunteers', never another staff member's; a site the hub does not know, an id that is
 * not one, are refused in words with a stable code and change nothing; a volunteer keeps the
 * site-only rule; a staff socket hears only the grids it may lead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../core/protocol/http.js';
import { trainerWorkshopResponseSchema, trainerWorkshopsResponseSchema } from '../../core/protocol/workshop.js';
import { runStaffLedWorkshop, staffAccountToken, watchingStaff } from './support/staff-workshop.js';
import { connectClient, demoSiteId, eventually, kioskToken, staffToken, startTestHub, volunteerToken, type TestHub } from './support/test-hub.js';
import { callRoute, waitForMessage } from './support/workshops.js';

describe('a workshop led by a member of staff', () => {
  let test: TestHub;
  beforeAll(async () => {
    test = await startTestHub();
  }, 30_000);
  afterAll(() => test?.close());

  it('start at a chosen site, join, grid, follow, pause, a hand answered ("Marta viene"), end', async () => {
    await runStaffLedWorkshop(test, test);
  }, 30_000);

  it('staff lead their own and the volunteers’ workshops of the chosen site, never another staff member’s; refusals are worded and change nothing', async () => {
    const admin = await staffToken(test.url);
    const marta = await staffAccountToken(test.url, 'Marta Ruiz', 'marta.ruiz@example.org');
    const pablo = await staffAccountToken(test.url, 'Pablo Gil', 'pablo.gil@example.org');
    const ana = await volunteerToken(test.url, 'Ana', false);
    expect(
      (await callRoute(test.url, 'createSite', { token: admin, body: { id: 'otro-centro-staff', name: 'Otro centro', inPersonHelp: 'Recepción' } })).status,
    ).toBe(201);
    await callRoute(test.url, 'createVolunteer', {
      token: admin,
      body: { id: 'pepa-staff', name: 'Pepa', pin: '4321', siteIds: ['otro-centro-staff'], languages: ['es'] },
    });
    const pepa = (await callRoute<{ token: string }>(test.url, 'volunteerLogin', { body: { siteId: 'otro-centro-staff', name: 'Pepa', pin: '4321' } })).body
      .token;

    const start = (token: string) =>
      callRoute(test.url, 'staffStartWorkshop', { token, params: { site: demoSiteId }, body: { lessonIds: ['practica-clave'] } });
    const martas = trainerWorkshopResponseSchema.parse((await start(marta)).body).workshop;
    const anas = trainerWorkshopResponseSchema.parse(
      (await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } })).body,
    ).workshop;
    expect((await callRoute(test.url, 'kioskJoinWorkshop', { token: kioskToken, body: { code: martas.code } })).status).toBe(200);
    await callRoute(test.url, 'kioskWorkshopHand', { token: kioskToken, body: { raised: true } });

    // Pablo's page watches the same site: he hears of Ana's workshop and never of Marta's.
    const pabloSocket = await watchingStaff(test.wsUrl, pablo, demoSiteId);
    const pepaSocket = connectClient(test.wsUrl, pepa);
    try {
      await waitForMessage(pabloSocket, 'workshop.grid', (message) => message.workshop.id === anas.id);
      const pabloList = trainerWorkshopsResponseSchema.parse(
        (await callRoute(test.url, 'staffTrainerWorkshops', { token: pablo, params: { site: demoSiteId } })).body,
      );
      expect(pabloList.workshops.map((workshop) => workshop.id)).toEqual([anas.id]);
      const martaList = trainerWorkshopsResponseSchema.parse(
        (await callRoute(test.url, 'staffTrainerWorkshops', { token: marta, params: { site: demoSiteId } })).body,
      );
      expect(martaList.workshops.map((workshop) => workshop.id)).toEqual([martas.id, anas.id]);
      // Pablo leads Ana's (a volunteer's) workshop.
      expect(
        (
          await callRoute(test.url, 'staffWorkshopPause', {
            token: pablo,
            params: { site: demoSiteId, id: anas.id },
            body: { paused: true, message: 'Un momento' },
          })
        ).status,
      ).toBe(200);
      // A volunteer of the site leads the staff member's workshop (site rule); one of another site does not see it.
      expect((await callRoute(test.url, 'workshopFollow', { token: ana, params: { id: martas.id }, body: { target: null } })).status).toBe(200);
      expect(await callRoute(test.url, 'trainerWorkshop', { token: pepa, params: { id: martas.id } })).toMatchObject({
        status: 404,
        body: { code: 'not-found' },
      });
      // A volunteer's socket asking to watch another site is not listened to.
      pepaSocket.connection.send({ type: 'staff.workshops', siteId: demoSiteId });
      await waitForMessage(pepaSocket, 'volunteer.calls');

      const state = async () =>
        JSON.stringify(await test.hub.database.db.selectFrom('workshops').selectAll().orderBy('id').execute()) +
        JSON.stringify(await test.hub.database.db.selectFrom('workshop_participants').selectAll().execute());
      const before = await state();
      const onMartas = { site: demoSiteId, id: martas.id };
      const refusals: [string, Awaited<ReturnType<typeof callRoute>>, number, string | undefined][] = [
        ["another staff member's workshop: read", await callRoute(test.url, 'staffTrainerWorkshop', { token: pablo, params: onMartas }), 404, 'not-found'],
        [
          "another staff member's workshop: follow",
          await callRoute(test.url, 'staffWorkshopFollow', { token: pablo, params: onMartas, body: { target: null } }),
          404,
          'not-found',
        ],
        [
          "another staff member's workshop: pause",
          await callRoute(test.url, 'staffWorkshopPause', { token: pablo, params: onMartas, body: { paused: true, message: 'No' } }),
          404,
          'not-found',
        ],
        [
          "another staff member's workshop: a hand",
          await callRoute(test.url, 'staffWorkshopAnswerHand', { token: pablo, params: { ...onMartas, seat: 1 }, body: {} }),
          404,
          'not-found',
        ],
        ["another staff member's workshop: end", await callRoute(test.url, 'staffEndWorkshop', { token: pablo, params: onMartas, body: {} }), 404, 'not-found'],
        [
          'her own workshop, through another site',
          await callRoute(test.url, 'staffWorkshopFollow', { token: marta, params: { site: 'otro-centro-staff', id: martas.id }, body: { target: null } }),
          404,
          'not-found',
        ],
        [
          'her own workshop, ended through another site',
          await callRoute(test.url, 'staffEndWorkshop', { token: marta, params: { site: 'otro-centro-staff', id: martas.id }, body: {} }),
          404,
          'not-found',
        ],
        [
          'an unknown site: the list',
          await callRoute(test.url, 'staffTrainerWorkshops', { token: marta, params: { site: 'no-such-site' } }),
          404,
          'site-not-found',
        ],
        [
          'an unknown site: a start',
          await callRoute(test.url, 'staffStartWorkshop', { token: marta, params: { site: 'no-such-site' }, body: { lessonIds: ['practica-clave'] } }),
          404,
          'site-not-found',
        ],
        [
          'an unknown site: a hand',
          await callRoute(test.url, 'staffWorkshopAnswerHand', { token: marta, params: { site: 'no-such-site', id: martas.id, seat: 1 }, body: {} }),
          404,
          'site-not-found',
        ],
        ['a site id that is not one', await callRoute(test.url, 'staffTrainerWorkshops', { token: marta, params: { site: 'Centro Ñ' } }), 400, undefined],
        [
          'a site id with dots',
          await callRoute(test.url, 'staffEndWorkshop', { token: marta, params: { site: 'centro.mayores', id: martas.id }, body: {} }),
          400,
          undefined,
        ],
        [
          'a workshop id that is not one',
          await callRoute(test.url, 'staffWorkshopFollow', { token: marta, params: { site: demoSiteId, id: 'nada' }, body: { target: null } }),
          400,
          undefined,
        ],
        [
          'an unknown workshop',
          await callRoute(test.url, 'staffEndWorkshop', { token: marta, params: { site: demoSiteId, id: '00000000-0000-4000-8000-000000000000' }, body: {} }),
          404,
          'not-found',
        ],
        ['a seat of 0', await callRoute(test.url, 'staffWorkshopAnswerHand', { token: marta, params: { ...onMartas, seat: 0 }, body: {} }), 400, undefined],
        [
          'a start with a real procedure',
          await start(marta).then(() =>
            callRoute(test.url, 'staffStartWorkshop', { token: marta, params: { site: demoSiteId }, body: { lessonIds: ['cita-previa'] } }),
          ),
          400,
          'lesson-not-practice',
        ],
        [
          'a pause message with markup',
          await callRoute(test.url, 'staffWorkshopPause', { token: marta, params: onMartas, body: { paused: true, message: '<b>Hola</b>' } }),
          400,
          undefined,
        ],
        [
          'an unknown field',
          await callRoute(test.url, 'staffWorkshopFollow', { token: marta, params: onMartas, body: { target: null, siteId: 'otro-centro-staff' } }),
          400,
          undefined,
        ],
        ["a kiosk's token", await callRoute(test.url, 'staffTrainerWorkshops', { token: kioskToken, params: { site: demoSiteId } }), 403, 'wrong-role'],
        ["a volunteer's token", await callRoute(test.url, 'staffEndWorkshop', { token: ana, params: onMartas, body: {} }), 403, 'wrong-role'],
        [
          "a staff token on the volunteer's routes",
          await callRoute(test.url, 'endWorkshop', { token: marta, params: { id: martas.id }, body: {} }),
          403,
          'wrong-role',
        ],
      ];
      for (const [what, answer, status, code] of refusals) {
        expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(status);
        const body = errorResponseSchema.parse(answer.body);
        expect(body.error.length, what).toBeGreaterThan(5);
        expect(body.code, what).toBe(code);
      }
      // The one start that was let in (just before the real procedure's) is the only change.
      const after = await state();
      const extra = (await test.hub.database.db.selectFrom('workshops').select('id').where('state', '<>', 'ended').execute()).length;
      expect(extra).toBe(3);
      expect(after).not.toBe(before);
      expect(pabloSocket.messages.some((message) => message.type === 'workshop.grid' && message.workshop.id === martas.id)).toBe(false);
      expect(pepaSocket.messages.some((message) => message.type === 'workshop.grid')).toBe(false);

      // A site the hub does not know closes the staff socket with its reason.
      const lost = connectClient(test.wsUrl, marta);
      await waitForMessage(lost, 'staff.fleet');
      lost.connection.send({ type: 'staff.workshops', siteId: 'no-such-site' });
      await eventually(() => (lost.statuses.includes('reconnecting') ? true : undefined), 3000, 'the socket to be closed');
      lost.connection.stop();
    } finally {
      pabloSocket.connection.stop();
      pepaSocket.connection.stop();
    }
  }, 30_000);
});
