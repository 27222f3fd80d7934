/**
 * The help call end to end against a real hub: real HTTP, real WebSockets, real SQLite.
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
  testClock,
  volunteerToken,
  type TestHub,
} from './support/test-hub.js';

type VolunteerCallMessage = Extract<HubMessage, { type: 'volunteer.call' }>;
type KioskCallMessage = Extract<HubMessage, { type: 'kiosk.call' }>;

const isKioskCall =
  (predicate: (message: KioskCallMessage) => boolean) =>
  (message: HubMessage): message is KioskCallMessage =>
    message.type === 'kiosk.call' && predicate(message);
const isVolunteerCall =
  (predicate: (message: VolunteerCallMessage) => boolean) =>
  (message: HubMessage): message is VolunteerCallMessage =>
    message.type === 'volunteer.call' && predicate(message);

const issuedTokens: string[] = [];
async function volunteer(url: string, name: 'Ana' | 'Luis', available = true): Promise<string> {
  const token = await volunteerToken(url, name, available);
  issuedTokens.push(token);
  return token;
}

describe('a help call from the kiosk to a volunteer and back', () => {
  let test: TestHub;
  const clock = testClock();
  beforeAll(async () => {
    test = await startTestHub({ now: clock.now });
  });
  afterAll(() => test.close());

  it('is offered to both volunteers, accepted by one, and the kiosk hears who is coming', async () => {
    const ana = await volunteer(test.url, 'Ana');
    const luis = await volunteer(test.url, 'Luis');
    const anaSocket = connectClient(test.wsUrl, ana);
    const luisSocket = connectClient(test.wsUrl, luis);
    const kioskSocket = connectClient(test.wsUrl, kioskToken);
    await anaSocket.waitFor((m) => m.type === 'volunteer.calls');
    await luisSocket.waitFor((m) => m.type === 'volunteer.calls');
    await kioskSocket.waitFor((m) => m.type === 'kiosk.call');

    const created = await createCall(test.url, { procedureId: 'cita-previa', stepId: 'escribir-dni', language: 'es' });
    expect(created.status).toBe(201);
    const callId = created.body.callId;
    expect(created.body.call).toMatchObject({ id: callId, state: 'offered', position: 1, estimatedWaitSeconds: 90 });

    for (const socket of [anaSocket, luisSocket]) {
      const offered = await socket.waitFor(isVolunteerCall((m) => m.call.id === callId && m.call.state === 'offered'));
      expect(offered.call).toMatchObject({
        kioskName: 'Kiosco 1 (demo)',
        kioskLocation: 'Planta baja, junto a la entrada',
        procedureTitle: { es: 'Cita previa con Línea Madrid' },
        stepTitle: { es: 'Su documento' },
        sensitiveStep: false,
        offeredToMe: true,
        mine: false,
      });
      expect(offered.call.commonProblems.length).toBeGreaterThan(0);
    }

    const accepted = await call(test.url, 'POST', `/api/volunteer/calls/${callId}/accept`, { token: ana });
    expect(accepted.status).toBe(200);
    const kioskHears = await kioskSocket.waitFor(isKioskCall((m) => m.call?.state === 'accepted'));
    expect(kioskHears.call).toEqual({ id: callId, state: 'accepted', volunteerName: 'Ana' });
    const luisSees = await luisSocket.waitFor(isVolunteerCall((m) => m.call.id === callId && m.call.state === 'accepted'));
    expect(luisSees.call).toMatchObject({ mine: false, volunteerName: 'Ana' });
    const taken = await call(test.url, 'POST', `/api/volunteer/calls/${callId}/accept`, { token: luis });
    expect(taken).toEqual({ status: 409, body: { error: 'Ana has already taken this call.', code: 'call-taken', by: 'Ana' } });

    expect((await call(test.url, 'POST', `/api/volunteer/calls/${callId}/arrive`, { token: luis })).status).toBe(403);
    expect((await call(test.url, 'POST', `/api/volunteer/calls/${callId}/arrive`, { token: ana })).status).toBe(200);
    await kioskSocket.waitFor(isKioskCall((m) => m.call?.state === 'arrived'));
    const resolved = await call(test.url, 'POST', `/api/volunteer/calls/${callId}/resolve`, { token: ana, body: { outcome: 'needs-appointment' } });
    expect(resolved.status).toBe(200);
    const closed = await kioskSocket.waitFor(isKioskCall((m) => m.call?.state === 'resolved'));
    expect(closed.call).toEqual({ id: callId, state: 'resolved', volunteerName: 'Ana', outcome: 'needs-appointment' });
    expect((await call(test.url, 'POST', `/api/volunteer/calls/${callId}/resolve`, { token: ana, body: { outcome: 'solved' } })).status).toBe(409);

    for (const socket of [anaSocket, luisSocket, kioskSocket]) socket.connection.stop();
  });

  it('two volunteers accepting at the same moment: exactly one gets the call', async () => {
    const ana = await volunteer(test.url, 'Ana');
    const luis = await volunteer(test.url, 'Luis');
    for (let round = 0; round < 10; round++) {
      const { body } = await createCall(test.url);
      const results = await Promise.all([ana, luis].map((token) => call(test.url, 'POST', `/api/volunteer/calls/${body.callId}/accept`, { token })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409);
      expect(loser?.body['error']).toMatch(/^(Ana|Luis) has already taken this call\.$/);
      await call(test.url, 'POST', `/api/volunteer/calls/${body.callId}/resolve`, {
        token: results[0]?.status === 200 ? ana : luis,
        body: { outcome: 'solved' },
      });
    }
  });

  it('retries and reconnects never create a second call', async () => {
    const key = `retry-${Date.now()}`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => createCall(test.url, { idempotencyKey: key })));
    const ids = new Set(answers.map((answer) => answer.body.callId));
    expect(ids.size).toBe(1);
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    // A new key while a call is still open returns the open call too: one kiosk, one call.
    const another = await createCall(test.url);
    expect(another).toMatchObject({ status: 200, body: { callId: [...ids][0] } });
    const cancelled = await call(test.url, 'POST', `/api/kiosk/calls/${[...ids][0]}/cancel`, { token: kioskToken });
    expect(cancelled).toMatchObject({ status: 200, body: { call: { state: 'cancelled' } } });
    const fresh = await createCall(test.url);
    expect(fresh.status).toBe(201);
    await call(test.url, 'POST', `/api/kiosk/calls/${fresh.body.callId}/cancel`, { token: kioskToken });
  });

  it('offers a call to the volunteers who speak its language, or to all when none does', async () => {
    const ana = await volunteer(test.url, 'Ana');
    const luis = await volunteer(test.url, 'Luis');
    const english = await createCall(test.url, { language: 'en' });
    const listFor = async (token: string) =>
      (await call<{ calls: { id: string; offeredToMe: boolean }[] }>(test.url, 'GET', '/api/volunteer/calls', { token })).body.calls;
    expect((await listFor(ana)).find((c) => c.id === english.body.callId)?.offeredToMe).toBe(true);
    expect((await listFor(luis)).find((c) => c.id === english.body.callId)?.offeredToMe).toBe(false);
    await call(test.url, 'POST', `/api/kiosk/calls/${english.body.callId}/cancel`, { token: kioskToken });

    const arabic = await createCall(test.url, { language: 'ar' });
    expect((await listFor(ana)).find((c) => c.id === arabic.body.callId)?.offeredToMe).toBe(true);
    expect((await listFor(luis)).find((c) => c.id === arabic.body.callId)?.offeredToMe).toBe(true);
    await call(test.url, 'POST', `/api/kiosk/calls/${arabic.body.callId}/cancel`, { token: kioskToken });
  });

  it('never shows a volunteer anything of a sensitive step', async () => {
    const ana = await volunteer(test.url, 'Ana');
    const created = await createCall(test.url, { procedureId: 'practica-clave', stepId: 'escribir-codigo' });
    const view = (await call<{ calls: Record<string, unknown>[] }>(test.url, 'GET', '/api/volunteer/calls', { token: ana })).body.calls.find(
      (c) => c['id'] === created.body.callId,
    );
    expect(view).toMatchObject({ sensitiveStep: true, stepTitle: null, commonProblems: [], procedureTitle: { es: 'Practicar con el código de Cl@ve' } });
    await call(test.url, 'POST', `/api/kiosk/calls/${created.body.callId}/cancel`, { token: kioskToken });
  });

  it('a volunteer who becomes available is offered the calls already waiting', async () => {
    const ana = await volunteer(test.url, 'Ana', false);
    const luis = await volunteer(test.url, 'Luis', false);
    await call(test.url, 'PUT', '/api/volunteer/availability', { token: ana, body: { available: false } });
    await call(test.url, 'PUT', '/api/volunteer/availability', { token: luis, body: { available: false } });
    const waiting = await createCall(test.url);
    expect(waiting.body.call).toMatchObject({ state: 'waiting', position: 1 });
    const luisSocket = connectClient(test.wsUrl, luis);
    await luisSocket.waitFor((m) => m.type === 'volunteer.calls');
    await call(test.url, 'PUT', '/api/volunteer/availability', { token: luis, body: { available: true } });
    const snapshot = await luisSocket.waitFor((m) => m.type === 'volunteer.calls' && m.available);
    expect(snapshot.type === 'volunteer.calls' && snapshot.calls.find((c) => c.id === waiting.body.callId)).toMatchObject({
      state: 'offered',
      offeredToMe: true,
    });
    luisSocket.connection.stop();
    await call(test.url, 'POST', `/api/kiosk/calls/${waiting.body.callId}/cancel`, { token: kioskToken });
  });

  it("one volunteer's availability switch is sent to that volunteer only", async () => {
    const ana = await volunteer(test.url, 'Ana', false);
    const luis = await volunteer(test.url, 'Luis');
    const anaSocket = connectClient(test.wsUrl, ana);
    const luisSocket = connectClient(test.wsUrl, luis);
    await anaSocket.waitFor((m) => m.type === 'volunteer.calls');
    await luisSocket.waitFor((m) => m.type === 'volunteer.calls');
    const luisBefore = luisSocket.messages.length;
    await call(test.url, 'PUT', '/api/volunteer/availability', { token: ana, body: { available: false } });
    await call(test.url, 'PUT', '/api/volunteer/availability', { token: ana, body: { available: true } });
    await anaSocket.waitFor((m) => m.type === 'volunteer.calls' && m.available);
    // A switch to what it already is changes nothing and sends nothing.
    const anaBefore = anaSocket.messages.length;
    await call(test.url, 'PUT', '/api/volunteer/availability', { token: ana, body: { available: true } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(anaSocket.messages.length).toBe(anaBefore);
    expect(luisSocket.messages.slice(luisBefore).filter((m) => m.type === 'volunteer.calls')).toEqual([]);
    anaSocket.connection.stop();
    luisSocket.connection.stop();
  });

  it('escalates a call nobody accepts within the site limit: staff alerted, the kiosk told where to ask', async () => {
    const staff = await staffToken(test.url);
    issuedTokens.push(staff);
    const staffSocket = connectClient(test.wsUrl, staff);
    const kioskSocket = connectClient(test.wsUrl, kioskToken);
    await staffSocket.waitFor((m) => m.type === 'welcome');
    await kioskSocket.waitFor((m) => m.type === 'kiosk.call');
    const created = await createCall(test.url);
    clock.advance(119_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await call(test.url, 'GET', '/api/kiosk/calls/current', { token: kioskToken })).body['call']).toMatchObject({ state: 'offered' });
    clock.advance(2_000);
    const escalated = await kioskSocket.waitFor(isKioskCall((m) => m.call?.state === 'escalated'));
    expect(escalated.call).toMatchObject({ id: created.body.callId, inPersonHelp: 'Pregunte en el mostrador de información de la planta baja.' });
    const alert = await staffSocket.waitFor((m) => m.type === 'staff.alert');
    expect(alert).toMatchObject({ callId: created.body.callId, siteId: 'biblioteca-eugenio-trias-demo' });
    // Still acceptable after escalation: a volunteer may yet come.
    const ana = await volunteer(test.url, 'Ana');
    expect((await call(test.url, 'POST', `/api/volunteer/calls/${created.body.callId}/accept`, { token: ana })).status).toBe(200);
    await call(test.url, 'POST', `/api/volunteer/calls/${created.body.callId}/resolve`, { token: ana, body: { outcome: 'solved' } });
    staffSocket.connection.stop();
    kioskSocket.connection.stop();
  });

  it('reports calls by state, times and connected clients on /metrics', async () => {
    const kioskSocket = connectClient(test.wsUrl, kioskToken);
    await kioskSocket.waitFor((m) => m.type === 'kiosk.call');
    const metrics = await eventually(async () => {
      const text = (await call<{ text: string }>(test.url, 'GET', '/metrics')).body.text;
      return text.includes('paso_connected_clients{role="kiosk"} 1') ? text : undefined;
    });
    expect(metrics).toMatch(/paso_calls\{state="resolved"\} [1-9]/);
    expect(metrics).toMatch(/paso_calls\{state="cancelled"\} [1-9]/);
    expect(metrics).toMatch(/paso_call_time_to_accept_seconds_count [1-9]/);
    expect(metrics).toMatch(/paso_call_time_to_arrive_seconds_count [1-9]/);
    expect(metrics).toMatch(/paso_call_time_to_resolve_seconds_count [1-9]/);
    expect(metrics).toContain('paso_calls_escalated_total 1');
    kioskSocket.connection.stop();
  });

  it('never writes a PIN, a password or a token to the log', () => {
    const log = test.logs.join('');
    expect(log.length).toBeGreaterThan(1000);
    // Bodies and headers are never logged, so neither PINs, passwords nor tokens are.
    expect(log).not.toMatch(/"pin"|"password"|2468"|demo-staff"/);
    for (const token of [kioskToken, ...issuedTokens]) expect(log).not.toContain(token);
  });
});
