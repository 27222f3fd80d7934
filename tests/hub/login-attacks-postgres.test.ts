/**
 * Parallel PIN guessing against the lock on PostgreSQL: one hub, then two hub processes sharing
 * one database (where a count kept in one hub's memory would let each hub check its own five).
 * The SQLite runs and the other sign-in attacks are in login-attacks.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from './support/hub-process.js';
import { createTestDatabase, type TestDatabase } from './support/postgres.js';
import { addresses, addVolunteer, statusCounts, volunteerSignIn, type TimedAnswer } from './support/sign-in-attacks.js';
import { staffToken, startTestHub, type TestHub } from './support/test-hub.js';

const loose = { loginLimits: { failuresPerAddress: 100_000, requestsPerAddress: 100_000, requestsPerAccount: 100_000 } };

describe('guessing one PIN in parallel, on PostgreSQL (limits per address and account loosened)', () => {
  let database: TestDatabase;
  let test: TestHub;
  beforeAll(async () => {
    database = await createTestDatabase();
    test = await startTestHub({ ...loose, storage: { kind: 'postgres', url: database.url } });
    const staff = await staffToken(test.url);
    await addVolunteer(test.url, staff, 'Paralela', '4711');
    await addVolunteer(test.url, staff, 'Carrera', '4712');
  }, 30_000);
  afterAll(async () => {
    await test?.close();
    await database?.drop();
  });

  it('four batches of 40 parallel wrong PINs: at most five are checked', async () => {
    const answers: TimedAnswer[] = [];
    for (let batch = 0; batch < 4; batch++) {
      answers.push(...(await Promise.all(Array.from({ length: 40 }, (_, index) => volunteerSignIn(test.url, 'Paralela', String(1000 + batch * 40 + index))))));
    }
    const counts = statusCounts(answers);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(4);
    expect((counts[401] ?? 0) + (counts[423] ?? 0)).toBe(160);
    expect((await volunteerSignIn(test.url, 'Paralela', '4711')).status).toBe(423);
  });

  it('59 wrong PINs and the right one at once: at most five are checked', async () => {
    const answers = await Promise.all(
      [...Array.from({ length: 59 }, (_, index) => String(2000 + index)), '4712'].map((pin) => volunteerSignIn(test.url, 'Carrera', pin)),
    );
    const counts = statusCounts(answers);
    expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBeLessThanOrEqual(5);
  });
});

describe('guessing one PIN in parallel through two hub processes on one PostgreSQL (default limits)', () => {
  let database: TestDatabase;
  let hubs: HubProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    hubs = await Promise.all([startHubProcess({ DATABASE_URL: database.url }), startHubProcess({ DATABASE_URL: database.url })]);
    await addVolunteer(hubs[0]?.url ?? '', await staffToken(hubs[0]?.url ?? ''), 'Compartida', '4713');
  }, 60_000);
  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.stop()));
    await database?.drop();
  });

  it('four batches of 40 parallel wrong PINs from 40 addresses, half to each hub: at most five are checked in all', async () => {
    const from = addresses(2, 40);
    const answers: TimedAnswer[] = [];
    for (let batch = 0; batch < 4; batch++) {
      answers.push(
        ...(await Promise.all(
          from.map((address, index) => volunteerSignIn(hubs[index % 2]?.url ?? '', 'Compartida', String(1000 + batch * 40 + index), address)),
        )),
      );
    }
    const counts = statusCounts(answers);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(4);
    // Each hub lets 20 sign-ins at one name through in 15 minutes; the rest are refused at its door.
    expect((counts[401] ?? 0) + (counts[423] ?? 0)).toBeLessThanOrEqual(40);
    expect((counts[401] ?? 0) + (counts[423] ?? 0) + (counts[429] ?? 0)).toBe(160);
    for (const hub of hubs) expect((await volunteerSignIn(hub.url, 'Compartida', '4713', '127.0.0.3')).status).toBe(429);
  });
});
