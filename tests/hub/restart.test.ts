/**
 * A hub killed with SIGKILL in the middle of traffic and started again loses no call, and the
 * connected clients find their way back by themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../core/protocol/ws.js';
import { startHubProcess, type HubProcess } from './support/hub-process.js';
import { call, connectClient, eventually, kioskToken, newKey, staffToken, volunteerToken } from './support/test-hub.js';

const dataFolder = mkdtempSync(path.join(tmpdir(), 'paso-restart-'));
let hub: HubProcess | undefined;
afterAll(async () => {
  await hub?.kill();
  rmSync(dataFolder, { recursive: true, force: true });
});

describe('a hub killed with SIGKILL', () => {
  it('comes back with every committed call, and clients resync by themselves', async () => {
    hub = await startHubProcess({ DATA_DIR: dataFolder });
    const staff = await staffToken(hub.url);
    // Twenty kiosks, so there is real traffic: each can hold one open call.
    const kioskTokens: string[] = [kioskToken];
    for (let i = 0; i < 19; i++) {
      const created = await call<{ deviceToken: string }>(hub.url, 'POST', '/api/staff/kiosks', {
        token: staff,
        body: { siteId: 'biblioteca-eugenio-trias-demo', name: `Kiosco ${i + 2}` },
      });
      kioskTokens.push(created.body.deviceToken);
    }
    const ana = await volunteerToken(hub.url, 'Ana');
    const anaSocket = connectClient(hub.wsUrl, ana);
    const kioskSocket = connectClient(hub.wsUrl, kioskToken);
    await anaSocket.waitFor((m) => m.type === 'volunteer.calls');

    // Traffic: every kiosk calls; Ana accepts calls as fast as she can; the hub dies in the middle.
    const acknowledged = new Map<string, 'created' | 'accepted'>();
    const traffic = kioskTokens.map(async (token, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 5));
      const created = await call<{ callId: string }>(hub?.url ?? '', 'POST', '/api/kiosk/calls', {
        token,
        body: { idempotencyKey: newKey(), procedureId: 'cita-previa', stepId: 'bienvenida', language: 'es' },
      }).catch(() => undefined);
      if (!created || created.status >= 300) return;
      acknowledged.set(created.body.callId, 'created');
      const accepted = await call(hub?.url ?? '', 'POST', `/api/volunteer/calls/${created.body.callId}/accept`, { token: ana }).catch(() => undefined);
      if (accepted?.status === 200) acknowledged.set(created.body.callId, 'accepted');
    });
    await eventually(() => (acknowledged.size >= 8 ? true : undefined), 10_000, 'traffic');
    await hub.kill();
    const kioskMessagesBeforeRestart = kioskSocket.messages.length;
    const anaMessagesBeforeRestart = anaSocket.messages.length;
    await Promise.allSettled(traffic);
    expect(acknowledged.size).toBeGreaterThanOrEqual(8);

    hub = await startHubProcess({ DATA_DIR: dataFolder }, hub.port);
    const staffAgain = await staffToken(hub.url);
    const stored = await call<{ calls: { id: string; state: string }[] }>(hub.url, 'GET', '/api/staff/calls', { token: staffAgain });
    const byId = new Map(stored.body.calls.map((c) => [c.id, c.state]));
    for (const [callId, state] of acknowledged) {
      expect(byId.has(callId), `call ${callId} was acknowledged but is gone`).toBe(true);
      if (state === 'accepted') expect(byId.get(callId)).toBe('accepted');
      else expect(['offered', 'accepted']).toContain(byId.get(callId));
    }

    // The clients reconnect on their own (the hub is back on the same port) and get the current
    // state: every call Ana was told she accepted is hers (a few more may be, whose answer the
    // kill cut off after the commit).
    const resynced = await eventually(
      () => anaSocket.messages.slice(anaMessagesBeforeRestart).find((m): m is Extract<HubMessage, { type: 'volunteer.calls' }> => m.type === 'volunteer.calls'),
      15_000,
      "Ana's snapshot after the restart",
    );
    const mine = new Set(resynced.calls.filter((c) => c.mine).map((c) => c.id));
    for (const [callId, state] of acknowledged) if (state === 'accepted') expect(mine.has(callId), `call ${callId}`).toBe(true);
    expect(anaSocket.statuses.filter((s) => s === 'open').length).toBeGreaterThanOrEqual(2);
    await eventually(() => (kioskSocket.statuses.filter((s) => s === 'open').length >= 2 ? true : undefined), 15_000, 'the kiosk to reconnect');
    const kioskState = await eventually(
      () => kioskSocket.messages.slice(kioskMessagesBeforeRestart).find((m) => m.type === 'kiosk.call'),
      5000,
      'the kiosk snapshot',
    );
    expect(kioskState.type === 'kiosk.call' && kioskState.call?.state).toMatch(/^(offered|accepted)$/);
    anaSocket.connection.stop();
    kioskSocket.connection.stop();
  }, 60_000);
});
