/**
 * No kiosk is left behind by a publication (issue 16: one walk in 17 saw a kiosk never fetch a
 * new version). A real hub on loopback, kiosks that run the kiosk's own link and catalogue logic
 * (core/protocol/kiosk-link.ts, core/kiosk/catalogue-sync.ts) over real sockets and real HTTP, and
 * a staff socket that receives the fleet live, as the console does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { fleetResponseSchema, kioskTokenResponseSchema, procedureDetailResponseSchema, type FleetResponse } from '../../core/protocol/staff-console.js';
import type { HubMessage } from '../../core/protocol/ws.js';
import { startSimulatedKiosk } from '../support/simulated-kiosk.js';
import { call, connectClient, demoSiteId, eventually, kioskToken, staffToken, startTestHub, type RecordingClient, type TestHub } from './support/test-hub.js';

/** A socket that says hello with `token` and is gone at once (a page closed or reloaded as it connected). */
function helloAndVanish(test: TestHub, token: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = new WebSocket(test.wsUrl);
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'hello', token }));
      socket.terminate();
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

/** The latest fleet the staff socket received. */
function latestFleet(staff: RecordingClient): FleetResponse | undefined {
  const pushes = staff.messages.filter((message): message is Extract<HubMessage, { type: 'staff.fleet' }> => message.type === 'staff.fleet');
  return pushes.at(-1)?.fleet;
}

describe('publications reach every kiosk', () => {
  let test: TestHub;
  let staff: string;
  const tokens: string[] = [kioskToken];
  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
    for (let index = 1; index <= 5; index += 1) {
      const created = await call(test.url, 'POST', apiRoutes.createKiosk.path, {
        token: staff,
        body: { siteId: demoSiteId, name: `Kiosco de prueba ${index}`, location: `Planta ${index}` },
      });
      expect(created.status).toBe(201);
      tokens.push(kioskTokenResponseSchema.parse(created.body).deviceToken);
    }
  });
  afterAll(() => test.close());

  /** Publishes `id` again with a new comment line (a new version, nothing to render). */
  const publish = async (id: string, round: number): Promise<void> => {
    const detail = procedureDetailResponseSchema.parse((await call(test.url, 'GET', fillPath('staffProcedure', { id }), { token: staff })).body);
    const source = `${detail.published?.source ?? ''}# ronda ${round}\n`;
    const saved = await call(test.url, 'PUT', fillPath('staffDraft', { id }), { token: staff, body: { source, baseRevision: detail.revision } });
    expect(saved.status).toBe(200);
    const published = await call(test.url, 'POST', fillPath('staffPublish', { id }), {
      token: staff,
      body: { baseRevision: detail.revision + 1, changelog: `Ronda ${round}` },
    });
    expect(published.status).toBe(200);
  };

  it('a socket closed while its hello is checked is not kept: its kiosk shows offline and its token still connects', async () => {
    // A busy hub (a publication's transaction, speech being stored) holds the database a moment:
    // the hellos wait for their token's lookup while their pages close. More than the four
    // sockets one token may hold at once.
    const busy = test.hub.database.db.transaction().execute(async () => {
      await Promise.all(Array.from({ length: 8 }, () => helloAndVanish(test, kioskToken)));
    });
    await busy;
    const kiosk = connectClient(test.wsUrl, kioskToken);
    await kiosk.waitFor((message) => message.type === 'procedures-changed', 5000);
    kiosk.connection.stop();
    const fleet = async () => fleetResponseSchema.parse((await call(test.url, 'GET', apiRoutes.staffFleet.path, { token: staff })).body);
    await eventually(async () => (await fleet()).kiosks.find((entry) => entry.id === 'demo-kiosk-1' && !entry.online), 2000, 'the closed kiosk offline');
  });

  it('50 publications, five clerks at once, kiosks restarting among them: every kiosk confirms the last version, and staff see it live', async () => {
    const fleetWatch = connectClient(test.wsUrl, staff);
    const kiosks = tokens.map((token) => startSimulatedKiosk(test.url, token));
    // Every kiosk holds the current catalogue before the publications start.
    const first = (await call<{ version: number }>(test.url, 'GET', apiRoutes.procedures.path, { token: kioskToken })).body.version;
    await eventually(() => kiosks.every((kiosk) => kiosk.sync.held() === first), 10_000, 'every kiosk at the first version');

    // Five clerks publish ten times each, side by side: announcements overlap kiosks' downloads.
    const lanes = ['cita-previa', 'certificado-empadronamiento', 'alta-padron', 'pago-impuesto', 'teleasistencia'];
    for (let round = 1; round <= 10; round += 1) {
      await Promise.all(lanes.map((id, lane) => publish(id, round * 10 + lane)));
      // Now and then a kiosk's page reloads, and a page closes as its socket says hello.
      if (round % 3 === 0) {
        const index = round % kiosks.length;
        kiosks[index]?.stop();
        kiosks[index] = startSimulatedKiosk(test.url, tokens[index] ?? kioskToken);
        void helloAndVanish(test, tokens[(index + 1) % tokens.length] ?? kioskToken);
      }
      await new Promise((resolve) => setTimeout(resolve, (round * 37) % 120));
    }
    const published = Date.now();
    const last = (await call<{ version: number }>(test.url, 'GET', apiRoutes.procedures.path, { token: kioskToken })).body.version;
    expect(last).toBe(first + 50);

    // Every kiosk holds the last version, and says so: the staff socket's live fleet shows all six online and up to date.
    await eventually(() => kiosks.every((kiosk) => kiosk.sync.held() === last), 10_000, 'every kiosk holding the last version');
    const fleet = await eventually(
      () => {
        const latest = latestFleet(fleetWatch);
        const ours = latest?.kiosks.filter((kiosk) => !kiosk.revoked) ?? [];
        return ours.length === 6 && ours.every((kiosk) => kiosk.online && kiosk.proceduresVersion === last && kiosk.outdated?.length === 0)
          ? latest
          : undefined;
      },
      10_000,
      'the live fleet showing every kiosk up to date',
    );
    console.info(`all 6 kiosks confirmed the 50th publication ${Date.now() - published} ms after it`);
    expect(fleet.catalogVersion).toBe(last);

    // A kiosk that goes away shows offline on the live fleet at once, not after a window.
    const gone = kiosks.pop();
    gone?.stop();
    const closedAt = Date.now();
    await eventually(
      () => latestFleet(fleetWatch)?.kiosks.find((kiosk) => kiosk.name === 'Kiosco de prueba 5' && !kiosk.online),
      5000,
      'the closed kiosk offline on the live fleet',
    );
    console.info(`a closed kiosk showed offline on the live fleet ${Date.now() - closedAt} ms after it closed`);
    for (const kiosk of kiosks) kiosk.stop();
    fleetWatch.connection.stop();
  }, 120_000);

  it('a kiosk that confirms an older catalogue is told the current one at once', async () => {
    const kiosk = connectClient(test.wsUrl, kioskToken);
    const told = await kiosk.waitFor((message) => message.type === 'procedures-changed', 5000);
    const current = told.type === 'procedures-changed' ? told.version : -1;
    const before = kiosk.messages.length;
    kiosk.connection.send({ type: 'kiosk.status', proceduresVersion: current - 3 });
    await eventually(
      () => kiosk.messages.slice(before).find((message) => message.type === 'procedures-changed' && message.version === current),
      2000,
      'told again',
    );
    kiosk.connection.stop();
  });
});

describe('kiosks on the fleet, live', () => {
  let test: TestHub;
  let staff: string;
  beforeAll(async () => {
    // A short heartbeat for the test; the hub's own (10 s) finds a vanished kiosk within 20 s.
    test = await startTestHub({ heartbeatMs: 300 });
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  it('a kiosk whose network vanished (no close, no pong) shows offline once it misses a ping', async () => {
    const fleetWatch = connectClient(test.wsUrl, staff);
    const socket = new WebSocket(test.wsUrl);
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ type: 'hello', token: kioskToken, proceduresVersion: 1 }));
    await eventually(() => latestFleet(fleetWatch)?.kiosks.find((kiosk) => kiosk.id === 'demo-kiosk-1' && kiosk.online), 5000, 'the kiosk online');
    // The cable is pulled: the kiosk reads nothing more and so answers no ping.
    const raw = (socket as unknown as { _socket: { pause(): void } })._socket;
    raw.pause();
    const vanishedAt = Date.now();
    await eventually(() => latestFleet(fleetWatch)?.kiosks.find((kiosk) => kiosk.id === 'demo-kiosk-1' && !kiosk.online), 5000, 'the kiosk offline');
    // Two beats at most: the ping it missed, and the beat that cuts it.
    expect(Date.now() - vanishedAt).toBeLessThan(3 * 300 + 500);
    socket.terminate();
    fleetWatch.connection.stop();
  });

  it('a kiosk can say nothing but version numbers: any other field closes its socket and is not stored', async () => {
    const kiosk = connectClient(test.wsUrl, kioskToken);
    await kiosk.waitFor((message) => message.type === 'procedures-changed', 5000);
    const socket = new WebSocket(test.wsUrl);
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ type: 'hello', token: kioskToken }));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'kiosk.status', proceduresVersion: 9999, answers: { dni: '12345678Z' } }));
    expect(await closed).toBe(4400);
    const fleet = fleetResponseSchema.parse((await call(test.url, 'GET', apiRoutes.staffFleet.path, { token: staff })).body);
    expect(fleet.kiosks.find((entry) => entry.id === 'demo-kiosk-1')?.proceduresVersion).not.toBe(9999);
    kiosk.connection.stop();
  });
});
