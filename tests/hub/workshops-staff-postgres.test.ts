/**
 * A workshop led by a member of staff across a city: two hubs sharing one PostgreSQL, the staff
 * console on one and the kiosks on the other; every push crosses on the change feed, the new
 * column (migration 010) included.
 */
import { describe, it } from 'vitest';
import { runStaffLedWorkshop } from './support/staff-workshop.js';
import { useTwoHubsOnPostgres } from './support/two-hubs.js';

describe('a staff-led workshop on two hubs sharing PostgreSQL', () => {
  const hubs = useTwoHubsOnPostgres();

  it('the staff member on one hub and the kiosks on the other: start, join, grid, follow, pause, hand, end', async () => {
    await runStaffLedWorkshop(hubs.a, hubs.b);
  }, 60_000);
});
