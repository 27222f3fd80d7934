/**
 * Sessions ended on one hub end on every hub sharing the PostgreSQL database: the ending is
 * announced by NOTIFY in its own transaction, so a socket held by the other hub closes at once.
 * And two staff disabling each other through different hubs at the same moment cannot leave the
 * city without an active staff account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { staffAccountsResponseSchema } from '../../core/protocol/staff-console.js';
import { createTestDatabase, type TestDatabase } from './support/postgres.js';
import { call, connectClient, demoSiteId, eventually, staffToken, startTestHub, type RecordingClient, type TestHub } from './support/test-hub.js';

const notValid = { status: 401, body: { error: 'This token is not valid (unknown, revoked or expired). Sign in again.', code: 'token-not-valid' } };

async function closedByHub(client: RecordingClient, what: string): Promise<void> {
  // Far below the 30 s heartbeat: only the announcement closes a socket this fast.
  await eventually(() => (client.statuses.includes('refused') ? true : undefined), 3000, what);
  client.connection.stop();
}

describe('sessions end on every hub sharing PostgreSQL', () => {
  let database: TestDatabase;
  let hubA: TestHub;
  let hubB: TestHub;
  let staff: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    [hubA, hubB] = await Promise.all([
      startTestHub({ storage: { kind: 'postgres', url: database.url } }),
      startTestHub({ storage: { kind: 'postgres', url: database.url } }),
    ]);
    staff = await staffToken(hubA.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([hubA?.close(), hubB?.close()]);
    await database?.drop();
  });

  it('PIN reset through one hub ends every session, and closes the socket the other hub holds', async () => {
    const created = await call<{ id: string }>(hubA.url, 'POST', apiRoutes.createVolunteer.path, {
      token: staff,
      body: { name: 'Rosa', pin: '1111', siteIds: [demoSiteId], languages: ['es'] },
    });
    const login = await call<{ token: string }>(hubB.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: demoSiteId, name: 'Rosa', pin: '1111' } });
    const socketOnB = connectClient(hubB.wsUrl, login.body.token);
    await socketOnB.waitFor((message) => message.type === 'volunteer.calls');

    expect((await call(hubA.url, 'POST', fillPath('staffVolunteerPin', { id: created.body.id }), { token: staff, body: { pin: '2222' } })).status).toBe(204);
    expect(await call(hubB.url, 'GET', apiRoutes.volunteerCalls.path, { token: login.body.token })).toEqual(notValid);
    await closedByHub(socketOnB, 'the socket on the other hub to close');
  });

  it('a volunteer moved to another site through one hub: their socket on the other hub closes', async () => {
    await call(hubA.url, 'POST', apiRoutes.createSite.path, { token: staff, body: { id: 'centro-pg', name: 'Centro PG', inPersonHelp: 'Recepción' } });
    const created = await call<{ id: string }>(hubA.url, 'POST', apiRoutes.createVolunteer.path, {
      token: staff,
      body: { name: 'Pilar', pin: '3333', siteIds: [demoSiteId], languages: ['es'] },
    });
    const login = await call<{ token: string }>(hubB.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: demoSiteId, name: 'Pilar', pin: '3333' } });
    const socketOnB = connectClient(hubB.wsUrl, login.body.token);
    await socketOnB.waitFor((message) => message.type === 'volunteer.calls');

    expect(
      (await call(hubA.url, 'PATCH', fillPath('staffVolunteer', { id: created.body.id }), { token: staff, body: { siteIds: ['centro-pg'] } })).status,
    ).toBe(204);
    expect(await call(hubB.url, 'GET', apiRoutes.volunteerCalls.path, { token: login.body.token })).toEqual(notValid);
    await closedByHub(socketOnB, 'the moved volunteer’s socket on the other hub to close');
  });

  it('two staff disabling each other through two hubs at the same moment: one wins, one active account remains', async () => {
    const uno = { email: 'uno@example.org', name: 'Uno', password: 'una contraseña larga', id: '', token: '', hub: () => hubA };
    const dos = { email: 'dos@example.org', name: 'Dos', password: 'una contraseña larga', id: '', token: '', hub: () => hubB };
    const signIn = async (account: typeof uno): Promise<void> => {
      const login = await call<{ token: string }>(account.hub().url, 'POST', apiRoutes.staffLogin.path, {
        body: { email: account.email, password: account.password },
      });
      expect(login.status).toBe(200);
      account.token = login.body.token;
    };
    for (const account of [uno, dos]) {
      const created = await call<{ id: string }>(hubA.url, 'POST', apiRoutes.createStaffAccount.path, {
        token: staff,
        body: { email: account.email, name: account.name, password: account.password },
      });
      account.id = created.body.id;
      await signIn(account);
    }
    // The demo account steps aside, so Uno and Dos are the last two active accounts.
    const me = await call<{ id: string }>(hubA.url, 'GET', apiRoutes.staffMe.path, { token: staff });
    expect((await call(hubA.url, 'PUT', fillPath('staffAccountDisabled', { id: me.body.id }), { token: uno.token, body: { disabled: true } })).status).toBe(
      204,
    );

    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        call(uno.hub().url, 'PUT', fillPath('staffAccountDisabled', { id: dos.id }), { token: uno.token, body: { disabled: true } }),
        call(dos.hub().url, 'PUT', fillPath('staffAccountDisabled', { id: uno.id }), { token: dos.token, body: { disabled: true } }),
      ]);
      expect(
        answers.filter((answer) => answer.status === 204),
        JSON.stringify(answers),
      ).toHaveLength(1);
      // The loser is refused: its own account was disabled meanwhile (409), or before its request was let in (401).
      expect([401, 409]).toContain(answers.find((answer) => answer.status !== 204)?.status);
      const [winner, loser] = answers[0]?.status === 204 ? [uno, dos] : [dos, uno];
      const listed = staffAccountsResponseSchema.parse((await call(winner.hub().url, 'GET', apiRoutes.staffAccounts.path, { token: winner.token })).body);
      expect(listed.accounts.filter((account) => !account.disabled).map((account) => account.name)).toEqual([winner.name]);
      // The next round: the loser is enabled again and signs in anew.
      expect(
        (await call(winner.hub().url, 'PUT', fillPath('staffAccountDisabled', { id: loser.id }), { token: winner.token, body: { disabled: false } })).status,
      ).toBe(204);
      await signIn(loser);
    }
  });
});
