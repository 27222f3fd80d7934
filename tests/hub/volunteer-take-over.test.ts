/**
 * Volunteer mode starts from the volunteer's phone (issue 13): the volunteer who holds a call
 * asks its kiosk for their PIN ("Tomar el control del quiosco"), the hub tells that kiosk alone
 * over its socket, and the kiosk signs that volunteer in with the PIN alone. Everyone else is
 * refused plainly with a stable code; bad input is refused by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../core/protocol/ws.js';
import {
  call,
  connectClient,
  createCall,
  eventually,
  kioskToken,
  staffToken,
  startTestHub,
  volunteerToken,
  type RecordingClient,
  type TestHub,
} from './support/test-hub.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

type TakeOver = Extract<HubMessage, { type: 'kiosk.take-over' }>;
const isTakeOver = (message: HubMessage): message is TakeOver => message.type === 'kiosk.take-over';

const takeOver = (url: string, callId: string, token: string | undefined, body: unknown = {}) =>
  call(url, 'POST', fillPath('volunteerTakeOver', { id: callId }), { ...(token ? { token } : {}), body });
const pinAtKiosk = (url: string, callId: string, token: string | undefined, body: unknown) =>
  call(url, 'POST', fillPath('kioskVolunteerSignIn', { id: callId }), { ...(token ? { token } : {}), body });

describe('a volunteer takes control of the kiosk of the call they hold', () => {
  let test: TestHub;
  let staff = '';
  let ana = '';
  let luis = '';
  /** A second kiosk of the same site, which must never hear of the first one's take-over. */
  let otherKiosk = '';
  const sockets: RecordingClient[] = [];
  const connect = async (token: string): Promise<RecordingClient> => {
    const socket = connectClient(test.wsUrl, token);
    sockets.push(socket);
    await socket.waitFor((message) => message.type === 'welcome');
    return socket;
  };

  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
    ana = await volunteerToken(test.url, 'Ana');
    luis = await volunteerToken(test.url, 'Luis');
    const created = await call<{ deviceToken: string }>(test.url, 'POST', apiRoutes.staffKiosks.path, {
      token: staff,
      body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Kiosco 2' },
    });
    otherKiosk = created.body.deviceToken;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.connection.stop();
    await test.close();
  });

  /** A call from the demo kiosk accepted by Ana (and, when asked, arrived). */
  const heldByAna = async (arrived = false): Promise<string> => {
    const callId = (await createCall(test.url)).body.callId;
    expect((await call(test.url, 'POST', fillPath('volunteerAccept', { id: callId }), { token: ana })).status).toBe(200);
    if (arrived) expect((await call(test.url, 'POST', fillPath('volunteerArrive', { id: callId }), { token: ana })).status).toBe(200);
    return callId;
  };
  const cancel = (callId: string) => call(test.url, 'POST', fillPath('kioskCancelCall', { id: callId }), { token: kioskToken });

  it('tells the kiosk of the call, and only it, the first name of the volunteer who asked', async () => {
    const kiosk = await connect(kioskToken);
    const other = await connect(otherKiosk);
    const onlooker = await connect(luis);
    const callId = await heldByAna();
    const answer = await takeOver(test.url, callId, ana);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ call: { id: callId, state: 'accepted', mine: true } });
    const told = await kiosk.waitFor(isTakeOver);
    expect(told).toEqual({ type: 'kiosk.take-over', callId, volunteerName: 'Ana' });
    // After arriving too, and again: each press asks again.
    expect((await call(test.url, 'POST', fillPath('volunteerArrive', { id: callId }), { token: ana })).status).toBe(200);
    expect((await takeOver(test.url, callId, ana)).status).toBe(200);
    await eventually(() => (kiosk.messages.filter(isTakeOver).length === 2 ? true : undefined), 3000, 'the second request');
    // A moment for anything stray to arrive, then: nobody else heard of it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(other.messages.filter(isTakeOver)).toEqual([]);
    expect(onlooker.messages.filter((message) => message.type === 'kiosk.take-over')).toEqual([]);
    await cancel(callId);
  });

  it('refuses everyone but the volunteer who holds the call, each with a stable code, and tells the kiosk nothing', async () => {
    const kiosk = await connect(kioskToken);
    const before = kiosk.messages.filter(isTakeOver).length;
    const waiting = (await createCall(test.url)).body.callId;
    // Nobody holds a waiting call: not even a volunteer it is offered to may take the kiosk.
    expect(await takeOver(test.url, waiting, ana)).toEqual({
      status: 403,
      body: { error: 'Only the volunteer who accepted this call can do that.', code: 'not-your-call' },
    });
    await cancel(waiting);

    const callId = await heldByAna();
    expect(await takeOver(test.url, callId, luis)).toEqual({
      status: 403,
      body: { error: 'Only the volunteer who accepted this call can do that.', code: 'not-your-call' },
    });
    expect(await takeOver(test.url, callId, kioskToken)).toEqual({ status: 403, body: { error: 'Only a volunteer can do this.', code: 'wrong-role' } });
    expect(await takeOver(test.url, callId, staff)).toEqual({ status: 403, body: { error: 'Only a volunteer can do this.', code: 'wrong-role' } });
    expect(await takeOver(test.url, callId, undefined)).toEqual({
      status: 401,
      body: { error: 'Sign in first: this needs an "Authorization: Bearer" token.', code: 'not-signed-in' },
    });
    expect(await takeOver(test.url, callId, 'A'.repeat(43))).toEqual({
      status: 401,
      body: { error: 'This token is not valid (unknown, revoked or expired). Sign in again.', code: 'token-not-valid' },
    });

    // A volunteer of another centre does not even learn the call exists.
    await call(test.url, 'POST', apiRoutes.staffSites.path, { token: staff, body: { id: 'otro-centro', name: 'Otro centro', inPersonHelp: 'Recepción' } });
    await call(test.url, 'POST', apiRoutes.staffVolunteers.path, {
      token: staff,
      body: { id: 'pepa', name: 'Pepa', pin: '4321', siteIds: ['otro-centro'], languages: ['es'] },
    });
    const pepa = await call<{ token: string }>(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: 'otro-centro', name: 'Pepa', pin: '4321' } });
    expect(await takeOver(test.url, callId, pepa.body.token)).toEqual({ status: 404, body: { error: 'This call was not found', code: 'not-found' } });

    // Closed calls: resolved by Ana herself, or cancelled by the senior.
    expect((await call(test.url, 'POST', fillPath('volunteerArrive', { id: callId }), { token: ana })).status).toBe(200);
    expect((await call(test.url, 'POST', fillPath('volunteerResolve', { id: callId }), { token: ana, body: { outcome: 'solved' } })).status).toBe(200);
    expect(await takeOver(test.url, callId, ana)).toEqual({ status: 409, body: { error: 'This call is already closed.', code: 'call-closed' } });
    const cancelled = await heldByAna();
    await cancel(cancelled);
    expect(await takeOver(test.url, cancelled, ana)).toEqual({ status: 409, body: { error: 'This call is already closed.', code: 'call-closed' } });

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kiosk.messages.filter(isTakeOver).length).toBe(before);
  });

  it('refuses hostile ids and bodies by field, without telling any kiosk', async () => {
    const kiosk = await connect(kioskToken);
    const callId = await heldByAna();
    const before = kiosk.messages.filter(isTakeOver).length;
    expect(await takeOver(test.url, callId, ana, { kioskId: 'demo-kiosk-1' })).toEqual({ status: 400, body: { error: 'unknown field "kioskId"' } });
    expect(await takeOver(test.url, callId, ana, [])).toMatchObject({ status: 400 });
    expect(await takeOver(test.url, callId, ana, '{not json')).toEqual({ status: 400, body: { error: 'The body is not valid JSON.' } });
    for (const id of ["x'; DROP TABLE calls;--", '../../staff/sites', 'a'.repeat(65), '%00']) {
      const answer = await takeOver(test.url, encodeURIComponent(id), ana);
      expect([400, 404], id).toContain(answer.status);
      expect(answer.body, id).toHaveProperty('error');
    }
    expect(await takeOver(test.url, '00000000-0000-4000-8000-000000000000', ana)).toEqual({
      status: 404,
      body: { error: 'This call was not found', code: 'not-found' },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kiosk.messages.filter(isTakeOver).length).toBe(before);
    // The call is untouched: still Ana's, still on its way.
    const list = await call<{ calls: { id: string; state: string; mine: boolean }[] }>(test.url, 'GET', apiRoutes.volunteerCalls.path, { token: ana });
    expect(list.body.calls.find((held) => held.id === callId)).toMatchObject({ state: 'accepted', mine: true });
    await cancel(callId);
  });

  it('the kiosk signs in the volunteer who holds its call with the PIN alone, and no one else', async () => {
    const callId = await heldByAna(true);
    // Luis's own, right PIN is not Ana's: the hub checks the holder's alone.
    expect(await pinAtKiosk(test.url, callId, kioskToken, { pin: '1357' })).toEqual({
      status: 401,
      body: { error: 'The name or the PIN is not right.', code: 'wrong-credentials' },
    });
    const signedIn = await pinAtKiosk(test.url, callId, kioskToken, { pin: '2468' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{32,128}$/) as unknown, volunteer: { name: 'Ana' } });
    // The session is Ana's: with it the kiosk's volunteer mode closes the call as hers.
    const token = (signedIn.body as { token: string }).token;
    const resolved = await call(test.url, 'POST', fillPath('volunteerResolve', { id: callId }), { token, body: { outcome: 'solved' } });
    expect(resolved).toMatchObject({ status: 200, body: { call: { id: callId, state: 'resolved', mine: true } } });
    expect(await pinAtKiosk(test.url, callId, kioskToken, { pin: '2468' })).toEqual({
      status: 409,
      body: { error: 'This call is already closed.', code: 'call-closed' },
    });
  });

  it("refuses the PIN route for a call nobody holds, another kiosk's call, other roles and bad PINs", async () => {
    const waiting = (await createCall(test.url)).body.callId;
    expect(await pinAtKiosk(test.url, waiting, kioskToken, { pin: '2468' })).toEqual({
      status: 409,
      body: { error: 'No volunteer has accepted this call yet.', code: 'not-accepted' },
    });
    await cancel(waiting);
    const callId = await heldByAna();
    expect(await pinAtKiosk(test.url, callId, otherKiosk, { pin: '2468' })).toEqual({
      status: 404,
      body: { error: 'This call was not found', code: 'not-found' },
    });
    expect(await pinAtKiosk(test.url, callId, ana, { pin: '2468' })).toEqual({ status: 403, body: { error: 'Only a kiosk can do this.', code: 'wrong-role' } });
    expect(await pinAtKiosk(test.url, callId, staff, { pin: '2468' })).toEqual({
      status: 403,
      body: { error: 'Only a kiosk can do this.', code: 'wrong-role' },
    });
    expect(await pinAtKiosk(test.url, callId, undefined, { pin: '2468' })).toMatchObject({ status: 401, body: { code: 'not-signed-in' } });
    for (const body of [{}, { pin: '12' }, { pin: 'abcd' }, { pin: 2468 }, { pin: '2468 ' }, { pin: '123456789' }]) {
      expect(await pinAtKiosk(test.url, callId, kioskToken, body), JSON.stringify(body)).toMatchObject({ status: 400, body: { field: 'pin' } });
    }
    expect(await pinAtKiosk(test.url, callId, kioskToken, { pin: '2468', name: 'Luis' })).toEqual({ status: 400, body: { error: 'unknown field "name"' } });
    expect(await pinAtKiosk(test.url, callId, kioskToken, { pin: '2468', volunteerId: 'demo-luis' })).toEqual({
      status: 400,
      body: { error: 'unknown field "volunteerId"' },
    });
    await cancel(callId);
  });

  it('five wrong PINs at the kiosk lock the volunteer, the same lock as on the phone', async () => {
    const callId = await heldByAna();
    for (let i = 0; i < 4; i++) expect((await pinAtKiosk(test.url, callId, kioskToken, { pin: '0000' })).status).toBe(401);
    const locked = {
      status: 423,
      body: { error: 'Too many wrong PINs. Try again in 15 minutes, or ask staff to reset your PIN.', code: 'account-locked', minutes: 15 },
    };
    expect(await pinAtKiosk(test.url, callId, kioskToken, { pin: '0000' })).toEqual(locked);
    expect(await pinAtKiosk(test.url, callId, kioskToken, { pin: '2468' })).toMatchObject({ status: 423, body: { code: 'account-locked' } });
    expect(
      await call(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Ana', pin: '2468' } }),
    ).toMatchObject({ status: 423 });
    await cancel(callId);
  });
});
