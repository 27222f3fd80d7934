/**
 * A workshop led by a member of staff across a city: two hubs sharing one PostgreSQL, the staff
 * console on one and the kiosks on the other; every push crosses on the change feed, the new
 * column (migration 010) included.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runStaffLedWorkshop } from './support/staff-workshop.js';
import { createTestDatabase, type TestDatabase } from './support/postgres.js';
import { startTestHub, type TestHub } from './support/test-hub.js';

describe('a staff-led workshop on two hubs sharing PostgreSQL', () => {
  let database: TestDatabase;
  let hubA: TestHub;
  let hubB: TestHub;
  beforeAll(async () => {
    database = await createTestDatabase();
    hubA = await startTestHub({ storage: { kind: 'postgres', url: database.url } });
    hubB = await startTestHub({ storage: { kind: 'postgres', url: database.url } });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([hubA?.close(), hubB?.close()]);
    await database?.drop();
  });

  it('the staff member on one hub and the kiosks on the other: start, join, grid, follow, pause, hand, end', async () => {
    await runStaffLedWorkshop(hubA, hubB);
  }, 60_000);
});
