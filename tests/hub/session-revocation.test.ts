/**
 * Sessions end when rights change (issue 15, defect 2), on a real hub over real HTTP and real
 * WebSockets: a volunteer moved to another site, a PIN reset, a staff password changed, an
 * account disabled or deleted, staff signing out, and sessions that expired. Each time the old
 * token is refused at once and the sockets opened with it close, well before the 30 s recheck.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { auditResponseSchema, staffAccountsResponseSchema } from '../../core/protocol/staff-console.js';
import { staffVolunteersResponseSchema } from '../../core/protocol/staff-people.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import {
  call,
  connectClient,
  createCall,
  demoSiteId,
  eventually,
  staffToken,
  startTestHub,
  testClock,
  type RecordingClient,
  type TestHub,
} from './support/test-hub.js';

const notValid = { status: 401, body: { error: 'This token is not valid (unknown, revoked or expired). Sign in again.', code: 'token-not-valid' } };
const disabledAnswer = { status: 403, body: { error: 'This account is disabled. Ask staff to enable it.', code: 'account-disabled' } };
// Far below the 30 s heartbeat that rechecks every token: only the announcement closes a socket this fast.
const closesWithinMs = 3000;

/** Waits until the hub closed the socket for its token (the client does not reconnect then). */
async function closedByHub(client: RecordingClient, what: string): Promise<void> {
  await eventually(() => (client.statuses.includes('refused') ? true : undefined), closesWithinMs, what);
  client.connection.stop();
}

describe('sessions end when rights change', () => {
  let test: TestHub;
  let staff: string;
  let counter = 0;
  const api = <T = Record<string, unknown>>(method: string, route: string, body?: unknown, token = staff) =>
    call<T>(test.url, method, route, { token, ...(body !== undefined ? { body } : {}) });

  /** A fresh volunteer at the demo site, so tests do not share accounts. */
  const newVolunteer = async (pin = '4826', siteIds: string[] = [demoSiteId]): Promise<{ id: string; name: string; pin: string }> => {
    counter += 1;
    const name = `Voluntaria ${counter}`;
    const created = await api<{ id: string }>('POST', apiRoutes.createVolunteer.path, { name, pin, siteIds, languages: ['es'] });
    expect(created.status).toBe(201);
    return { id: created.body.id, name, pin };
  };
  const volunteerLogin = (volunteer: { name: string }, pin: string, siteId: string = demoSiteId) =>
    call<{ token: string }>(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId, name: volunteer.name, pin } });
  const signInVolunteer = async (volunteer: { name: string; pin: string }, siteId: string = demoSiteId): Promise<string> => {
    const login = await volunteerLogin(volunteer, volunteer.pin, siteId);
    expect(login.status).toBe(200);
    return login.body.token;
  };
  /** Opens a socket with a volunteer's token and waits for its first list. */
  const volunteerSocket = async (token: string): Promise<RecordingClient> => {
    const client = connectClient(test.wsUrl, token);
    await client.waitFor((message) => message.type === 'volunteer.calls');
    return client;
  };
  const staffSocket = async (token: string): Promise<RecordingClient> => {
    const client = connectClient(test.wsUrl, token);
    await client.waitFor((message) => message.type === 'welcome');
    return client;
  };
  const newStaff = async (password = 'una contraseña larga'): Promise<{ id: string; email: string; password: string }> => {
    counter += 1;
    const email = `persona${counter}@example.org`;
    const created = await api<{ id: string }>('POST', apiRoutes.createStaffAccount.path, { email, name: `Persona ${counter}`, password });
    expect(created.status).toBe(201);
    return { id: created.body.id, email, password };
  };
  const staffLogin = (email: string, password: string) => call<{ token: string }>(test.url, 'POST', apiRoutes.staffLogin.path, { body: { email, password } });
  const signInStaff = async (account: { email: string; password: string }): Promise<string> => {
    const login = await staffLogin(account.email, account.password);
    expect(login.status).toBe(200);
    return login.body.token;
  };
  const latestAudit = async () => auditResponseSchema.parse((await api('GET', `${apiRoutes.staffAudit.path}?limit=1`)).body).entries[0];

  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  it('a volunteer moved to another site: the old token is refused at once and its socket closes', async () => {
    await api('POST', apiRoutes.createSite.path, { id: 'centro-nuevo', name: 'Centro nuevo', inPersonHelp: 'Recepción' });
    const volunteer = await newVolunteer();
    const token = await signInVolunteer(volunteer);
    const socket = await volunteerSocket(token);
    expect((await api('GET', apiRoutes.volunteerCalls.path, undefined, token)).status).toBe(200);

    expect((await api('PATCH', fillPath('staffVolunteer', { id: volunteer.id }), { siteIds: ['centro-nuevo'] })).status).toBe(204);
    expect(await api('GET', apiRoutes.volunteerCalls.path, undefined, token)).toEqual(notValid);
    await closedByHub(socket, 'the moved volunteer’s socket to close');
    // They sign in again where they now belong, and only there.
    expect((await volunteerLogin(volunteer, volunteer.pin, 'centro-nuevo')).status).toBe(200);
    expect((await volunteerLogin(volunteer, volunteer.pin)).status).toBe(401);
  });

  it('a volunteer given another site as well keeps their session', async () => {
    const volunteer = await newVolunteer();
    const token = await signInVolunteer(volunteer);
    expect((await api('PATCH', fillPath('staffVolunteer', { id: volunteer.id }), { siteIds: [demoSiteId, 'centro-nuevo'] })).status).toBe(204);
    expect((await api('GET', apiRoutes.volunteerCalls.path, undefined, token)).status).toBe(200);
  });

  it('PIN reset ends every session', async () => {
    const volunteer = await newVolunteer('1111');
    // Signed in on a phone and on a second device at once.
    const [phone, tablet] = await Promise.all([signInVolunteer(volunteer), signInVolunteer(volunteer)]);
    const [phoneSocket, tabletSocket] = await Promise.all([volunteerSocket(phone), volunteerSocket(tablet)]);

    expect((await api('POST', fillPath('staffVolunteerPin', { id: volunteer.id }), { pin: '2222' })).status).toBe(204);
    expect(await api('GET', apiRoutes.volunteerCalls.path, undefined, phone)).toEqual(notValid);
    expect(await api('GET', apiRoutes.volunteerCalls.path, undefined, tablet)).toEqual(notValid);
    await Promise.all([closedByHub(phoneSocket, 'the phone’s socket to close'), closedByHub(tabletSocket, 'the tablet’s socket to close')]);
    expect((await volunteerLogin(volunteer, '1111')).status).toBe(401);
    expect((await volunteerLogin(volunteer, '2222')).status).toBe(200);
  });

  it('a sign-in racing a PIN reset does not keep a session opened with the old PIN', async () => {
    const volunteer = await newVolunteer('3000');
    let pin = '3000';
    const kept: string[] = [];
    for (let round = 1; round <= 4; round++) {
      const next = String(3000 + round);
      // The reset goes first; the sign-in with the old PIN reads the account while the new PIN is
      // still being hashed, and is checking the old one when the reset commits.
      const reset = api('POST', fillPath('staffVolunteerPin', { id: volunteer.id }), { pin: next });
      await new Promise((resolve) => setTimeout(resolve, 15));
      const login = await volunteerLogin(volunteer, pin);
      expect((await reset).status).toBe(204);
      if (login.status === 200 && (await api('GET', apiRoutes.volunteerCalls.path, undefined, login.body.token)).status === 200) kept.push(pin);
      pin = next;
    }
    expect(kept, 'old PINs that still hold a working session').toEqual([]);
  });

  it('staff password changed ends every staff session', async () => {
    const other = await newStaff();
    const [desk, laptop] = await Promise.all([signInStaff(other), signInStaff(other)]);
    const deskSocket = await staffSocket(desk);

    expect((await api('PUT', fillPath('staffAccountPassword', { id: other.id }), { password: 'otra contraseña larga' })).status).toBe(204);
    expect(await api('GET', apiRoutes.staffMe.path, undefined, desk)).toEqual(notValid);
    expect(await api('GET', apiRoutes.staffMe.path, undefined, laptop)).toEqual(notValid);
    await closedByHub(deskSocket, 'the staff socket to close');
    expect((await staffLogin(other.email, other.password)).status).toBe(401);
    expect((await staffLogin(other.email, 'otra contraseña larga')).status).toBe(200);
    expect(await latestAudit()).toMatchObject({ action: 'staff.password', targetId: other.id, staff: { name: 'Staff (demo)' } });
  });

  it('staff changing their own password stay signed in where they did it, and nowhere else', async () => {
    const own = await newStaff();
    const [here, elsewhere] = await Promise.all([signInStaff(own), signInStaff(own)]);
    const elsewhereSocket = await staffSocket(elsewhere);
    const hereSocket = await staffSocket(here);
    expect((await api('PUT', fillPath('staffAccountPassword', { id: own.id }), { password: 'mi contraseña nueva' }, here)).status).toBe(204);
    expect((await api('GET', apiRoutes.staffMe.path, undefined, here)).status).toBe(200);
    expect(await api('GET', apiRoutes.staffMe.path, undefined, elsewhere)).toEqual(notValid);
    await closedByHub(elsewhereSocket, 'the other session’s socket to close');
    expect(hereSocket.statuses).not.toContain('refused');
    hereSocket.connection.stop();
  });

  it('a disabled volunteer cannot sign in and their socket closes', async () => {
    const volunteer = await newVolunteer();
    const token = await signInVolunteer(volunteer);
    const socket = await volunteerSocket(token);

    expect((await api('PUT', fillPath('staffVolunteerDisabled', { id: volunteer.id }), { disabled: true })).status).toBe(204);
    expect(await api('GET', apiRoutes.volunteerCalls.path, undefined, token)).toEqual(notValid);
    await closedByHub(socket, 'the disabled volunteer’s socket to close');
    expect(await volunteerLogin(volunteer, volunteer.pin)).toEqual(disabledAnswer);
    // A wrong PIN still says only that the name or PIN is wrong: guessing learns nothing of the account.
    expect((await volunteerLogin(volunteer, '0000')).body).toMatchObject({ code: 'wrong-credentials' });
    const listed = staffVolunteersResponseSchema.parse((await api('GET', apiRoutes.staffVolunteers.path)).body);
    expect(listed.volunteers.find((row) => row.id === volunteer.id)).toMatchObject({ disabled: true, available: false });
    expect(await latestAudit()).toMatchObject({
      action: 'volunteer.disable',
      targetKind: 'volunteer',
      targetId: volunteer.id,
      staff: { name: 'Staff (demo)' },
    });

    expect((await api('PUT', fillPath('staffVolunteerDisabled', { id: volunteer.id }), { disabled: false })).status).toBe(204);
    expect((await volunteerLogin(volunteer, volunteer.pin)).status).toBe(200);
  });

  it('a disabled staff account cannot sign in and its socket closes', async () => {
    const other = await newStaff();
    const token = await signInStaff(other);
    const socket = await staffSocket(token);
    expect((await api('PUT', fillPath('staffAccountDisabled', { id: other.id }), { disabled: true })).status).toBe(204);
    expect(await api('GET', apiRoutes.staffMe.path, undefined, token)).toEqual(notValid);
    await closedByHub(socket, 'the disabled account’s socket to close');
    expect(await staffLogin(other.email, other.password)).toEqual(disabledAnswer);
    const accounts = staffAccountsResponseSchema.parse((await api('GET', apiRoutes.staffAccounts.path)).body).accounts;
    expect(accounts.find((account) => account.id === other.id)).toMatchObject({ disabled: true });
  });

  it('staff sign out: the token no longer works', async () => {
    const own = await newStaff();
    const token = await signInStaff(own);
    const socket = await staffSocket(token);
    expect((await api('POST', apiRoutes.staffLogout.path, undefined, token)).status).toBe(204);
    expect(await api('GET', apiRoutes.staffMe.path, undefined, token)).toEqual(notValid);
    await closedByHub(socket, 'the signed-out staff socket to close');
    // Signing out ends that session only.
    expect((await api('GET', apiRoutes.staffMe.path)).status).toBe(200);
  });

  it('staff cannot disable or delete their own account, so the last active one always stays', async () => {
    const me = await call<{ id: string }>(test.url, 'GET', apiRoutes.staffMe.path, { token: staff });
    const ownAnswer = (what: string) => ({
      status: 409,
      body: { error: `You cannot ${what} your own account; ask another member of staff.`, code: 'own-account' },
    });
    expect(await api('PUT', fillPath('staffAccountDisabled', { id: me.body.id }), { disabled: true })).toEqual(ownAnswer('disable'));
    expect(await api('DELETE', fillPath('staffDeleteAccount', { id: me.body.id }))).toEqual(ownAnswer('delete'));
    expect((await api('GET', apiRoutes.staffMe.path)).status).toBe(200);
  });

  it('two staff disabling each other at the same moment: one wins, one active account remains', async () => {
    const first = await newStaff();
    const second = await newStaff();
    const [firstToken, secondToken] = await Promise.all([signInStaff(first), signInStaff(second)]);
    // Everyone else is disabled first, so these two are the last active accounts.
    const others = staffAccountsResponseSchema
      .parse((await api('GET', apiRoutes.staffAccounts.path, undefined, firstToken)).body)
      .accounts.filter((account) => !account.disabled && account.id !== first.id && account.id !== second.id);
    for (const account of others)
      expect((await api('PUT', fillPath('staffAccountDisabled', { id: account.id }), { disabled: true }, firstToken)).status).toBe(204);

    const answers = await Promise.all([
      api('PUT', fillPath('staffAccountDisabled', { id: second.id }), { disabled: true }, firstToken),
      api('PUT', fillPath('staffAccountDisabled', { id: first.id }), { disabled: true }, secondToken),
    ]);
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(1);
    // The loser is refused: its own account was disabled meanwhile (409), or before its request was let in (401).
    expect([401, 409]).toContain(answers.find((answer) => answer.status !== 204)?.status);
    const winner = answers[0]?.status === 204 ? firstToken : secondToken;
    const active = staffAccountsResponseSchema
      .parse((await api('GET', apiRoutes.staffAccounts.path, undefined, winner)).body)
      .accounts.filter((account) => !account.disabled);
    expect(active).toHaveLength(1);
    // Put the console back as the other tests found it.
    for (const account of others)
      expect((await api('PUT', fillPath('staffAccountDisabled', { id: account.id }), { disabled: false }, winner)).status).toBe(204);
    // Disabling ended the demo account's session: enabling it again does not bring that back.
    expect(await api('GET', apiRoutes.staffMe.path)).toEqual(notValid);
    staff = await staffToken(test.url);
  });

  it('a deleted volunteer cannot sign in, leaves the lists, and the help calls they answered keep their name', async () => {
    const volunteer = await newVolunteer();
    const token = await signInVolunteer(volunteer);
    await api('PUT', apiRoutes.volunteerAvailability.path, { available: true }, token);
    const socket = await volunteerSocket(token);
    const created = await createCall(test.url);
    expect((await api('POST', fillPath('volunteerAccept', { id: created.body.callId }), undefined, token)).status).toBe(200);
    expect((await api('POST', fillPath('volunteerResolve', { id: created.body.callId }), { outcome: 'solved' }, token)).status).toBe(200);

    expect((await api('DELETE', fillPath('staffDeleteVolunteer', { id: volunteer.id }))).status).toBe(204);
    expect(await api('GET', apiRoutes.volunteerCalls.path, undefined, token)).toEqual(notValid);
    await closedByHub(socket, 'the deleted volunteer’s socket to close');
    expect((await volunteerLogin(volunteer, volunteer.pin)).body).toMatchObject({ code: 'wrong-credentials' });
    const listed = staffVolunteersResponseSchema.parse((await api('GET', apiRoutes.staffVolunteers.path)).body);
    expect(listed.volunteers.map((row) => row.id)).not.toContain(volunteer.id);
    expect(await latestAudit()).toMatchObject({ action: 'volunteer.delete', targetId: volunteer.id, staff: { name: 'Staff (demo)' } });

    const { db } = test.hub.database;
    const callRow = await db.selectFrom('calls').select(['volunteer_id', 'outcome']).where('id', '=', created.body.callId).executeTakeFirstOrThrow();
    expect(callRow).toEqual({ volunteer_id: volunteer.id, outcome: 'solved' });
    const kept = await db.selectFrom('volunteers').select(['name', 'pin_hash', 'deleted_at']).where('id', '=', volunteer.id).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ name: volunteer.name, pin_hash: '' });
    expect(kept.deleted_at).not.toBeNull();
    // Their name is free at the site again.
    expect((await api('POST', apiRoutes.createVolunteer.path, { name: volunteer.name, pin: '9999', siteIds: [demoSiteId], languages: ['es'] })).status).toBe(
      201,
    );
  });

  it('a deleted staff account cannot sign in, its sessions end, and its e-mail can be used again', async () => {
    const other = await newStaff();
    const token = await signInStaff(other);
    expect((await api('DELETE', fillPath('staffDeleteAccount', { id: other.id }))).status).toBe(204);
    expect(await api('GET', apiRoutes.staffMe.path, undefined, token)).toEqual(notValid);
    expect((await staffLogin(other.email, other.password)).status).toBe(401);
    const accounts = staffAccountsResponseSchema.parse((await api('GET', apiRoutes.staffAccounts.path)).body).accounts;
    expect(accounts.map((account) => account.id)).not.toContain(other.id);
    expect(await latestAudit()).toMatchObject({ action: 'staff.delete', targetId: other.id, summary: expect.stringContaining(other.email) });
    expect((await api('POST', apiRoutes.createStaffAccount.path, { email: other.email, name: 'Otra vez', password: 'una contraseña larga' })).status).toBe(201);
  });
});

describe('a demo hub after its demo accounts were deleted', () => {
  it('starts again, leaving the deleted accounts deleted', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'paso-deleted-demo-'));
    const storage = { kind: 'sqlite' as const, file: path.join(folder, 'hub.sqlite') };
    try {
      const first = await startTestHub({ storage });
      const demo = await staffToken(first.url);
      const other = await call<{ id: string }>(first.url, 'POST', apiRoutes.createStaffAccount.path, {
        token: demo,
        body: { email: 'otra@example.org', name: 'Otra', password: 'una contraseña larga' },
      });
      const login = await call<{ token: string }>(first.url, 'POST', apiRoutes.staffLogin.path, {
        body: { email: 'otra@example.org', password: 'una contraseña larga' },
      });
      expect(other.status).toBe(201);
      expect((await call(first.url, 'DELETE', fillPath('staffDeleteAccount', { id: 'demo-staff' }), { token: login.body.token })).status).toBe(204);
      expect((await call(first.url, 'DELETE', fillPath('staffDeleteVolunteer', { id: 'demo-ana' }), { token: login.body.token })).status).toBe(204);
      await first.close();

      const second = await startTestHub({ storage });
      try {
        expect(
          (await call(second.url, 'POST', apiRoutes.staffLogin.path, { body: { email: demoAccounts.staff.email, password: demoAccounts.staff.password } }))
            .status,
        ).toBe(401);
        const pin = demoAccounts.volunteers[0].pin;
        expect((await call(second.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: demoSiteId, name: 'Ana', pin } })).status).toBe(401);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('expired sessions are deleted', () => {
  const pin = demoAccounts.volunteers[0].pin;
  const signInBoth = async (test: TestHub) => {
    const staff = await staffToken(test.url);
    const login = await call<{ token: string }>(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: demoSiteId, name: 'Ana', pin } });
    return { staff, volunteer: login.body.token };
  };
  const sessionCount = async (test: TestHub) => (await test.hub.database.db.selectFrom('sessions').select('token_hash').execute()).length;

  it('expired sessions are deleted by the periodic sweep, without anyone using them', async () => {
    const clock = testClock();
    const test = await startTestHub({ now: clock.now, sessionSweepIntervalMs: 50 });
    try {
      const tokens = await signInBoth(test);
      expect(await sessionCount(test)).toBe(2);
      clock.advance(12 * 60 * 60_000 + 1);
      await eventually(async () => ((await sessionCount(test)) === 0 ? true : undefined), 3000, 'the expired sessions to be deleted');
      expect(await call(test.url, 'GET', apiRoutes.staffMe.path, { token: tokens.staff })).toEqual(notValid);
    } finally {
      await test.close();
    }
  });

  it('an expired session is deleted when its token is used', async () => {
    const clock = testClock();
    // The sweep would not come for a day: only the read can have deleted it.
    const test = await startTestHub({ now: clock.now, sessionSweepIntervalMs: 24 * 60 * 60_000 });
    try {
      const tokens = await signInBoth(test);
      clock.advance(12 * 60 * 60_000 + 1);
      expect(await call(test.url, 'GET', apiRoutes.staffMe.path, { token: tokens.staff })).toEqual(notValid);
      expect(await sessionCount(test)).toBe(1);
      expect(await call(test.url, 'GET', apiRoutes.volunteerCalls.path, { token: tokens.volunteer })).toEqual(notValid);
      expect(await sessionCount(test)).toBe(0);
    } finally {
      await test.close();
    }
  });
});
