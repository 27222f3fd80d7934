/**
 * Issue 17: a senior using the kiosk's spoken mode (headphones, a numeric keypad, maybe the
 * screen off) calls a volunteer, and the volunteer's console is told so, over HTTP and in the
 * live pushes. Kiosks that send no mode keep working and their calls read as touch; a mode the
 * contract does not know is refused in words and stores nothing. Real hubs, on SQLite and on
 * PostgreSQL, like the other help-call tests.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import type { HubMessage } from '../../core/protocol/ws.js';
import type { StorageConfig } from '../../hub/db/connect.js';
import { createTestDatabase, type TestDatabase } from './support/postgres.js';
import { call, connectClient, createCall, kioskToken, startTestHub, volunteerToken, type TestHub } from './support/test-hub.js';

type VolunteerCallMessage = Extract<HubMessage, { type: 'volunteer.call' }>;
type VolunteerCalls = { calls: { id: string; mode?: unknown }[] };

const pushedCall =
  (callId: string) =>
  (message: HubMessage): message is VolunteerCallMessage =>
    message.type === 'volunteer.call' && message.call.id === callId;

async function volunteerList(url: string, token: string): Promise<VolunteerCalls['calls']> {
  const answer = await call<VolunteerCalls>(url, 'GET', apiRoutes.volunteerCalls.path, { token });
  expect(answer.status).toBe(200);
  return answer.body.calls;
}

async function cancel(url: string, callId: string): Promise<void> {
  expect((await call(url, 'POST', fillPath('kioskCancelCall', { id: callId }), { token: kioskToken })).status).toBe(200);
}

const storages: { name: string; storage: () => Promise<{ storage?: StorageConfig; drop(): Promise<void> }> }[] = [
  { name: 'SQLite', storage: () => Promise.resolve({ drop: () => Promise.resolve() }) },
  {
    name: 'PostgreSQL',
    storage: async () => {
      const database: TestDatabase = await createTestDatabase();
      return { storage: { kind: 'postgres', url: database.url }, drop: () => database.drop() };
    },
  },
];

describe.each(storages)('the kiosk mode of a help call, on $name', ({ storage }) => {
  let test: TestHub;
  let drop: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    const chosen = await storage();
    drop = chosen.drop;
    test = await startTestHub(chosen.storage ? { storage: chosen.storage } : {});
  }, 60_000);
  afterAll(async () => {
    await test?.close();
    await drop();
  });

  it('a call made in the spoken mode reaches the volunteer with it; one made without a mode reads touch', async () => {
    const ana = await volunteerToken(test.url, 'Ana');
    const socket = connectClient(test.wsUrl, ana);
    await socket.waitFor((m) => m.type === 'volunteer.calls');

    const spoken = await createCall(test.url, { mode: 'spoken' });
    expect(spoken.status).toBe(201);
    const spokenId = spoken.body.callId;
    expect((await socket.waitFor(pushedCall(spokenId))).call.mode).toBe('spoken');
    expect((await volunteerList(test.url, ana)).find((c) => c.id === spokenId)?.mode).toBe('spoken');
    await cancel(test.url, spokenId);

    // An old kiosk: the same body as before this issue.
    const touch = await createCall(test.url);
    expect(touch.status).toBe(201);
    const touchId = touch.body.callId;
    expect((await socket.waitFor(pushedCall(touchId))).call.mode).toBe('touch');
    expect((await volunteerList(test.url, ana)).find((c) => c.id === touchId)?.mode).toBe('touch');
    await cancel(test.url, touchId);

    const explicitTouch = await createCall(test.url, { mode: 'touch' });
    expect(explicitTouch.status).toBe(201);
    expect((await volunteerList(test.url, ana)).find((c) => c.id === explicitTouch.body.callId)?.mode).toBe('touch');
    await cancel(test.url, explicitTouch.body.callId);
    socket.connection.stop();
  });

  it('a mode the contract does not know is refused in words, and nothing is stored', async () => {
    const ana = await volunteerToken(test.url, 'Ana');
    const before = await volunteerList(test.url, ana);
    const currentBefore = await call(test.url, 'GET', apiRoutes.kioskCurrentCall.path, { token: kioskToken });
    // The kiosk has no open call here, so a mode let through would make a new one.
    expect((currentBefore.body['call'] as { state?: string } | null)?.state ?? 'none').toMatch(/^(none|cancelled|resolved|expired)$/);

    for (const mode of ['SPOKEN', 'spoken\u202e', ' spoken', 'spoken\u0000', 'audio', '', 42, true, null, ['spoken'], { spoken: true }]) {
      const refused = await createCall(test.url, { mode });
      expect(refused, JSON.stringify(mode)).toEqual({ status: 400, body: { error: 'mode: mode is one of touch, spoken', field: 'mode' } });
    }

    expect(await volunteerList(test.url, ana)).toEqual(before);
    expect(await call(test.url, 'GET', apiRoutes.kioskCurrentCall.path, { token: kioskToken })).toEqual(currentBefore);
  });
});

describe('calls stored before the kiosk mode existed', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'paso-mode-'));
  const file = path.join(folder, 'hub.sqlite');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('read as touch once the hub that knows modes starts on their database', async () => {
    const first = await startTestHub({ storage: { kind: 'sqlite', file } });
    const made = await createCall(first.url, { mode: 'spoken' });
    expect(made.status).toBe(201);
    await first.close();

    // Take the database back to before the mode's migration, with the call still in it (and so
    // also before every later one: migrations run in name order, after the last one recorded).
    const database = new Database(file);
    database.exec(
      'DROP TABLE workshop_answers; DROP TABLE workshop_participants; DROP TABLE workshops; ' +
        "ALTER TABLE calls DROP COLUMN mode; DELETE FROM kysely_migration WHERE name >= '008';",
    );
    database.close();

    const second = await startTestHub({ storage: { kind: 'sqlite', file } });
    try {
      const ana = await volunteerToken(second.url, 'Ana');
      expect((await volunteerList(second.url, ana)).find((c) => c.id === made.body.callId)?.mode).toBe('touch');
    } finally {
      await second.close();
    }
  });
});
