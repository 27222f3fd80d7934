/**
 * Every route against every role: a route answers only the role it is for; any other role gets
 * 403, no token or a bad one gets 401, with a plain sentence and a stable code each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath, routeNames, type RouteName } from '../../core/protocol/api-routes.js';
import {
  call,
  connectClient,
  createCall,
  demoSiteId,
  eventually,
  kioskToken,
  staffToken,
  startTestHub,
  volunteerToken,
  type TestHub,
} from './support/test-hub.js';

type Role = 'kiosk' | 'volunteer' | 'staff';

const someId = '00000000-0000-4000-8000-000000000000';

/**
 * What a route's own role sends when it is let in: path parameters, a query and a body that would
 * be valid where the route has them. Routes not listed take `:id` = someId and nothing else; the
 * staff routes that act on a record name one that does not exist, so the walk changes nothing
 * the other tests rely on (the demo kiosk keeps its token).
 */
const samples: Partial<Record<RouteName, { params?: Record<string, string | number>; query?: string; body?: unknown; ownToken?: boolean }>> = {
  kioskCalls: { body: { idempotencyKey: 'roles-test-1', procedureId: 'cita-previa', stepId: 'bienvenida', language: 'es' } },
  kioskVolunteerSignIn: { body: { pin: '2468' } },
  kioskEvents: { body: { events: [{ sessionId: 'session-1234', type: 'procedure-started', procedureId: 'cita-previa' }] } },
  kioskSpeech: { query: 'key=nothing' },
  kioskPromptSpeech: { query: 'id=nothing' },
  // Signs the volunteer out, so it runs with a token of its own.
  volunteerLogout: { ownToken: true },
  // Signs staff out: likewise.
  staffLogout: { ownToken: true },
  volunteerAvailability: { body: { available: false } },
  volunteerResolve: { body: { outcome: 'solved' } },
  volunteerTakeOver: { body: {} },
  createSite: { body: { name: 'Centro de Mayores Roles', inPersonHelp: 'Recepción' } },
  createKiosk: { body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Kiosco roles' } },
  staffRevokeKiosk: { params: { id: 'no-such-kiosk' } },
  staffKioskToken: { params: { id: 'no-such-kiosk' } },
  createVolunteer: { body: { name: 'Marta Roles', pin: '9753', siteIds: ['biblioteca-eugenio-trias-demo'], languages: ['es'] } },
  staffVolunteer: { params: { id: 'demo-luis' }, body: { languages: ['es'] } },
  staffVolunteerPin: { params: { id: 'demo-luis' }, body: { pin: '1357' } },
  staffVolunteerDisabled: { body: { disabled: false } },
  staffAccountDisabled: { body: { disabled: false } },
  staffAccountPassword: { body: { password: 'a long password' } },
  createStaffAccount: { body: { email: 'roles@example.org', name: 'Roles', password: 'a long password' } },
  staffProcedure: { params: { id: 'no-such-procedure' } },
  staffDraft: { params: { id: 'no-such-procedure' } },
  staffDiscardDraft: { params: { id: 'no-such-procedure' } },
  staffPublish: { params: { id: 'no-such-procedure' } },
  staffRollback: { params: { id: 'no-such-procedure' } },
  staffOwner: { params: { id: 'no-such-procedure' } },
  staffVersions: { params: { id: 'no-such-procedure' } },
  staffVersion: { params: { id: 'no-such-procedure', version: 1 } },
  staffDiff: { params: { id: 'no-such-procedure' }, query: 'from=1&to=draft' },
  staffAudit: { query: 'limit=1' },
  staffAnalytics: { query: 'from=2026-01-01&to=2026-01-31' },
  staffAnalyticsCsv: { query: 'from=2026-01-01&to=2026-01-31' },
  // A staff trainer names the site in the path (a workshop that does not exist there: nothing changes).
  staffTrainerWorkshops: { params: { site: demoSiteId } },
  staffStartWorkshop: { params: { site: demoSiteId }, body: { lessonIds: ['cita-previa'] } },
  staffTrainerWorkshop: { params: { site: demoSiteId, id: someId } },
  staffWorkshopFollow: { params: { site: demoSiteId, id: someId }, body: { target: null } },
  staffWorkshopPause: { params: { site: demoSiteId, id: someId }, body: { paused: false } },
  staffWorkshopAnswerHand: { params: { site: demoSiteId, id: someId, seat: 1 }, body: {} },
  staffEndWorkshop: { params: { site: demoSiteId, id: someId }, body: {} },
};

/** Every route of the contract that needs a role, with what its own role would send. */
const protectedRoutes = routeNames.flatMap((name) => {
  const spec = apiRoutes[name];
  if (spec.role === 'public') return [];
  const sample = samples[name] ?? {};
  const path = fillPath(name, sample.params ?? { id: someId });
  return [
    { method: spec.method, route: sample.query ? `${path}?${sample.query}` : path, role: spec.role as Role, body: sample.body, ownToken: sample.ownToken },
  ];
});

it('the walk covers every route of the contract that needs a role, the staff console included', () => {
  expect(protectedRoutes.length).toBe(routeNames.filter((name) => apiRoutes[name].role !== 'public').length);
  expect(protectedRoutes.map((route) => route.route)).toEqual(
    expect.arrayContaining([apiRoutes.staffFleet.path, apiRoutes.staffProcedures.path, apiRoutes.staffMe.path]),
  );
});

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
      const token = !ownToken ? tokens[role] : role === 'staff' ? await staffToken(test.url) : await volunteerToken(test.url, 'Luis');
      const allowed = await call(test.url, method, route, { token, ...(body ? { body } : {}) });
      expect([401, 403], `${role} on ${method} ${route}: ${JSON.stringify(allowed.body)}`).not.toContain(allowed.status);
    });
  }

  it('a revoked kiosk can no longer reach the hub', async () => {
    const created = await call<{ kiosk: { id: string }; deviceToken: string }>(test.url, 'POST', apiRoutes.staffKiosks.path, {
      token: tokens.staff,
      body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Kiosco a retirar' },
    });
    expect(created.status).toBe(201);
    expect((await call(test.url, 'GET', apiRoutes.kioskMe.path, { token: created.body.deviceToken })).status).toBe(200);
    expect((await call(test.url, 'POST', fillPath('staffRevokeKiosk', { id: created.body.kiosk.id }), { token: tokens.staff })).status).toBe(204);
    expect(await call(test.url, 'GET', apiRoutes.kioskMe.path, { token: created.body.deviceToken })).toEqual({
      status: 401,
      body: { error: 'This token is not valid (unknown, revoked or expired). Sign in again.', code: 'token-not-valid' },
    });
  });

  it('signing out, or revoking a kiosk, closes the live socket opened with that token', async () => {
    const token = await volunteerToken(test.url, 'Luis');
    const luisSocket = connectClient(test.wsUrl, token);
    await luisSocket.waitFor((m) => m.type === 'volunteer.calls');
    expect((await call(test.url, 'POST', apiRoutes.volunteerLogout.path, { token })).status).toBe(204);
    await eventually(() => (luisSocket.statuses.includes('refused') ? true : undefined), 3000, 'the socket to be closed');
    const kiosk = await call<{ kiosk: { id: string }; deviceToken: string }>(test.url, 'POST', apiRoutes.staffKiosks.path, {
      token: tokens.staff,
      body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Kiosco conectado' },
    });
    const kioskSocket = connectClient(test.wsUrl, kiosk.body.deviceToken);
    await kioskSocket.waitFor((m) => m.type === 'kiosk.call');
    await call(test.url, 'POST', fillPath('staffRevokeKiosk', { id: kiosk.body.kiosk.id }), { token: tokens.staff });
    await eventually(() => (kioskSocket.statuses.includes('refused') ? true : undefined), 3000, 'the kiosk socket to be closed');
  });

  it('a volunteer acts only on the calls of the site they signed in for', async () => {
    const site = await call(test.url, 'POST', apiRoutes.staffSites.path, {
      token: tokens.staff,
      body: { id: 'otro-centro', name: 'Otro centro', inPersonHelp: 'Recepción' },
    });
    expect(site.status).toBe(201);
    await call(test.url, 'POST', apiRoutes.staffVolunteers.path, {
      token: tokens.staff,
      body: { id: 'pepa', name: 'Pepa', pin: '4321', siteIds: ['otro-centro'], languages: ['es'] },
    });
    const pepa = await call<{ token: string }>(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: 'otro-centro', name: 'Pepa', pin: '4321' } });
    const created = await createCall(test.url);
    const list = await call<{ calls: unknown[] }>(test.url, 'GET', apiRoutes.volunteerCalls.path, { token: pepa.body.token });
    expect(list.body.calls).toEqual([]);
    expect(await call(test.url, 'POST', fillPath('volunteerAccept', { id: created.body.callId }), { token: pepa.body.token })).toEqual({
      status: 404,
      body: { error: 'This call was not found', code: 'not-found' },
    });
    await call(test.url, 'POST', fillPath('kioskCancelCall', { id: created.body.callId }), { token: kioskToken });
  });
});

describe('volunteer sign-in', () => {
  let test: TestHub;
  beforeAll(async () => {
    test = await startTestHub();
  });
  afterAll(() => test.close());

  it('answers an unknown name and a wrong PIN with the same words', async () => {
    const unknown = await call(test.url, 'POST', apiRoutes.volunteerLogin.path, {
      body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Nadie', pin: '2468' },
    });
    const wrong = await call(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Ana', pin: '0000' } });
    expect(unknown).toEqual({ status: 401, body: { error: 'The name or the PIN is not right.', code: 'wrong-credentials' } });
    expect(wrong).toEqual(unknown);
  });

  it('locks the account after five wrong PINs in a row, even against the right PIN, until staff reset it', async () => {
    const attempt = (pin: string) =>
      call(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: 'Luis', pin } });
    for (let i = 0; i < 4; i++) expect((await attempt('9999')).status).toBe(401);
    const locked = {
      status: 423,
      body: { error: 'Too many wrong PINs. Try again in 15 minutes, or ask staff to reset your PIN.', code: 'account-locked', minutes: 15 },
    };
    expect(await attempt('9999')).toEqual(locked);
    expect(await attempt('1357')).toEqual(locked);
    const staff = await staffToken(test.url);
    expect((await call(test.url, 'POST', fillPath('staffVolunteerPin', { id: 'demo-luis' }), { token: staff, body: { pin: '8642' } })).status).toBe(204);
    expect((await attempt('8642')).status).toBe(200);
  });

  it('letters case in the name do not matter', async () => {
    expect(
      (await call(test.url, 'POST', apiRoutes.volunteerLogin.path, { body: { siteId: 'biblioteca-eugenio-trias-demo', name: '  ana ', pin: '2468' } })).status,
    ).toBe(200);
  });
});
