/**
 * Every route against every role: a route answers only the role it is for; any other role gets
 * 403, no token or a bad one gets 401, with a plain sentence and a stable code each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubRoutes, routeFor } from '../../core/protocol/http.js';
import { call, connectClient, createCall, eventually, kioskToken, staffToken, startTestHub, volunteerToken, type TestHub } from './support/test-hub.js';

type Role = 'kiosk' | 'volunteer' | 'staff';

const someId = '00000000-0000-4000-8000-000000000000';

/** Each protected route, who may call it, and a body that would be valid. */
const protectedRoutes: { method: string; route: string; role: Role; body?: unknown; ownToken?: boolean }[] = [
  { method: 'GET', route: hubRoutes.kioskMe, role: 'kiosk' },
  { method: 'GET', route: hubRoutes.procedures, role: 'kiosk' },
  {
    method: 'POST',
    route: hubRoutes.kioskCalls,
    role: 'kiosk',
    body: { idempotencyKey: 'roles-test-1', procedureId: 'cita-previa', stepId: 'bienvenida', language: 'es' },
  },
  { method: 'GET', route: hubRoutes.kioskCurrentCall, role: 'kiosk' },
  { method: 'POST', route: routeFor(hubRoutes.kioskCancelCall, someId), role: 'kiosk' },
  { method: 'POST', route: routeFor(hubRoutes.kioskVolunteerSignIn, someId), role: 'kiosk', body: { pin: '2468' } },
  {
    method: 'POST',
    route: hubRoutes.kioskEvents,
    role: 'kiosk',
    body: { events: [{ sessionId: 'session-1234', type: 'procedure-started', procedureId: 'cita-previa' }] },
  },
  // Signs the volunteer out, so it runs with a token of its own.
  { method: 'POST', route: hubRoutes.volunteerLogout, role: 'volunteer', ownToken: true },
  { method: 'PUT', route: hubRoutes.volunteerAvailability, role: 'volunteer', body: { available: false } },
  { method: 'GET', route: hubRoutes.volunteerCalls, role: 'volunteer' },
  { method: 'POST', route: routeFor(hubRoutes.volunteerAccept, someId), role: 'volunteer' },
  { method: 'POST', route: routeFor(hubRoutes.volunteerArrive, someId), role: 'volunteer' },
  { method: 'POST', route: routeFor(hubRoutes.volunteerResolve, someId), role: 'volunteer', body: { outcome: 'solved' } },
  { method: 'POST', route: routeFor(hubRoutes.volunteerTakeOver, someId), role: 'volunteer', body: {} },
  { method: 'GET', route: hubRoutes.staffSites, role: 'staff' },
  { method: 'POST', route: hubRoutes.staffSites, role: 'staff', body: { name: 'Centro de Mayores Roles', inPersonHelp: 'Recepción' } },
  { method: 'GET', route: hubRoutes.staffKiosks, role: 'staff' },
  { method: 'POST', route: hubRoutes.staffKiosks, role: 'staff', body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Kiosco roles' } },
  { method: 'POST', route: routeFor(hubRoutes.staffRevokeKiosk, 'no-such-kiosk'), role: 'staff' },
  { method: 'GET', route: hubRoutes.staffVolunteers, role: 'staff' },
  {
    method: 'POST',
    route: hubRoutes.staffVolunteers,
    role: 'staff',
    body: { name: 'Marta Roles', pin: '9753', siteIds: ['biblioteca-eugenio-trias-demo'], languages: ['es'] },
  },
  { method: 'PATCH', route: routeFor(hubRoutes.staffVolunteer, 'demo-luis'), role: 'staff', body: { languages: ['es'] } },
  { method: 'POST', route: routeFor(hubRoutes.staffVolunteerPin, 'demo-luis'), role: 'staff', body: { pin: '1357' } },
  { method: 'POST', route: hubRoutes.staffAccounts, role: 'staff', body: { email: 'roles@example.org', name: 'Roles', password: 'a long password' } },
  { method: 'GET', route: hubRoutes.staffCalls, role: 'staff' },
];

describe('every route checks the role', () => {
  let test: TestHub;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    test = await startTestHub();
    tokens.kiosk = kioskToken;
    tokens.volunteer = await volunteerToken(test.url, 'Ana');
    tokens.staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  for (const { method, route, role, body, ownToken } of protectedRoutes) {
    it(`${method} ${route} is for the ${role} only`, async () => {
      for (const other of (['kiosk', 'volunteer', 'staff'] as const).filter((candidate) => candidate !== role)) {
        const answer = await call(test.url, method, route, { token: tokens[other], ...(body ? { body } : {}) });
        expect(answer, `${other} on ${method} ${route}`).toEqual({ status: 403, body: { error: `Only a ${role} can do this.`, code: 'wrong-role' } });
      }
      const anonymous = await call(test.url, method, route, body ? { body } : {});
      expect(anonymous).toEqual({ status: 401, body: { error: 'Sign in first: this needs an "Authorization: Bearer" token.', code: 'not-signed-in' } });
      const forged = await call(test.url, method, route, { token: 'x'.repeat(43), ...(body ? { body } : {}) });
      expect(forged).toEqual({
        status: 401,
        body: { error: 'This token is not valid (unknown, revoked or expired). Sign in again.', code: 'token-not-valid' },
      });
      const token = ownToken ? await volunteerToken(test.url, 'Luis') : tokens[role];
      const allowed = await call(test.url, method, route, { token, ...(body ? { body } : {}) });
      expect([401, 403], `${role} on ${method} ${route}: ${JSON.stringify(allowed.body)}`).not.toContain(allowed.status);
    });
  }

  it('a revoked kiosk can no longer reach the hub', async () => {
    const created = await call<{ kiosk: { id: string }; deviceToken: string }>(test.url, 'POST', hubRoutes.staffKiosks, {
      token: tokens.staff,
      body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Kiosco a retirar' },
    });
    expect(created.status).toBe(201);
    expect((await call(test.url, 'GET', hubRoutes.kioskMe, { token: created.body.deviceToken })).status).toBe(200);
    expect((await call(test.url, 'POST', routeFor(hubRoutes.staffRevokeKiosk, created.body.kiosk.id), { token: tokens.staff })).status).toBe(204);
    expect(await call(test.url, 'GET', hubRoutes.kioskMe, { token: created.body.deviceToken })).toEqual({
      status: 401,
      body: { error: 'This token is not valid (unknown, revoked or expired). Sign in again.', code: 'token-not-valid' },
    });
  });

  it('signing out, or revoking a kiosk, closes the live socket opened with that token', async () => {
    const token = await volunteerToken(test.url, 'Luis');
    const luisSocket = connectClient(test.wsUrl, token);
    await luisSocket.waitFor((m) => m.type === 'volunteer.calls');
    expect((await call(test.url, 'POST', hubRoutes.volunteerLogout, { token })).status).toBe(204);
    await eventually(() => (luisSocket.statuses.includes('refused') ? true : undefined), 3000, 'the socket to be closed');
    const kiosk = await call<{ kiosk: { id: string }; deviceToken: string }>(test.url, 'POST', hubRoutes.staffKiosks, {
      token: tokens.staff,
      body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Kiosco conectado' },
    });
    const kioskSocket = connectClient(test.wsUrl, kiosk.body.deviceToken);
    await kioskSocket.waitFor((m) => m.type === 'kiosk.call');
    await call(test.url, 'POST', routeFor(hubRoutes.staffRevokeKiosk, kiosk.body.kiosk.id), { token: tokens.staff });
    await eventually(() => (kioskSocket.statuses.includes('refused') ? true : undefined), 3000, 'the kiosk socket to be closed');
  });

  it('a volunteer acts only on the calls of the site they signed in for', async () => {
    const site = await call(test.url, 'POST', hubRoutes.staffSites, {
      token: tokens.staff,
      body: { id: 'otro-centro', name: 'Otro centro', inPersonHelp: 'Recepción' },
    });
    expect(site.status).toBe(201);
    await call(test.url, 'POST', hubRoutes.staffVolunteers, {
      token: tokens.staff,
      body: { id: 'pepa', name: 'Pepa', pin: '4321', siteIds: ['otro-centro'], languages: ['es'] },
    });
    const pepa = await call<{ token: string }>(test.url, 'POST', hubRoutes.volunteerLogin, { body: { siteId: 'otro-centro', name: 'Pepa', pin: '4321' } });
    const created = await createCall(test.url);
    const list = await call<{ calls: unknown[] }>(test.url, 'GET', hubRoutes.volunteerCalls, { token: pepa.body.token });
    expect(list.body.calls).toEqual([]);
    expect(await call(test.url, 'POST', routeFor(hubRoutes.volunteerAccept, created.body.callId), { token: pepa.body.token })).toEqual({
      status: 404,
      body: { error: 'This call was not found', code: 'not-found' },
    });
    await call(test.url, 'POST', routeFor(hubRoutes.kioskCancelCall, created.body.callId), { token: kioskToken });
  });
});

describe('volunteer sign-in', () => {
  let test: TestHub;
  beforeAll(async () => {
    test = await startTestHub();
  });
  afterAll(() => test.close());

  it('answers an unknown name and a wrong PIN with the same words', async () => {
    const unknown = await call(test.url, 'POST', hubRoutes.volunteerLogin, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Nadie', pin: '2468' } });
    const wrong = await call(test.url, 'POST', hubRoutes.volunteerLogin, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Ana', pin: '0000' } });
    expect(unknown).toEqual({ status: 401, body: { error: 'The name or the PIN is not right.', code: 'wrong-credentials' } });
    expect(wrong).toEqual(unknown);
  });

  it('locks the account after five wrong PINs in a row, even against the right PIN, until staff reset it', async () => {
    const attempt = (pin: string) => call(test.url, 'POST', hubRoutes.volunteerLogin, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Luis', pin } });
    for (let i = 0; i < 4; i++) expect((await attempt('9999')).status).toBe(401);
    const locked = {
      status: 423,
      body: { error: 'Too many wrong PINs. Try again in 15 minutes, or ask staff to reset your PIN.', code: 'account-locked', minutes: 15 },
    };
    expect(await attempt('9999')).toEqual(locked);
    expect(await attempt('1357')).toEqual(locked);
    const staff = await staffToken(test.url);
    expect((await call(test.url, 'POST', routeFor(hubRoutes.staffVolunteerPin, 'demo-luis'), { token: staff, body: { pin: '8642' } })).status).toBe(204);
    expect((await attempt('8642')).status).toBe(200);
  });

  it('letters case in the name do not matter', async () => {
    expect(
      (await call(test.url, 'POST', hubRoutes.volunteerLogin, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: '  ana ', pin: '2468' } })).status,
    ).toBe(200);
  });
});
