/**
 * Issue 15, defect 6: five wrong PINs lock an account, and staff must be told without opening the
 * audit page. The console asks `staffSecurityAlerts` on every page; this runs the attack against
 * a real hub (wrong PINs sent in parallel from one loopback address, as a script would) and checks
 * what that route tells staff, for 24 hours and not after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import type { SecurityAlertsResponse } from '../../core/protocol/staff-console.js';
import { addresses, volunteerSignIn } from './support/sign-in-attacks.js';
import { call, eventually, staffToken, startTestHub, testClock, volunteerToken, type TestHub } from './support/test-hub.js';

const loose = { loginLimits: { failuresPerAddress: 100_000, requestsPerAddress: 100_000, requestsPerAccount: 100_000 } };

async function alerts(url: string, staff: string): Promise<SecurityAlertsResponse> {
  const answer = await call<SecurityAlertsResponse>(url, 'GET', apiRoutes.staffSecurityAlerts.path, { token: staff });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('staff are told when an account is under attack', () => {
  const clock = testClock();
  let test: TestHub;
  beforeAll(async () => {
    test = await startTestHub({ ...loose, now: clock.now });
  });
  afterAll(async () => {
    await test.close();
  });

  it('eight wrong PINs for Ana at once from one address: the alerts name Ana for 24 hours, and a made-up name never', async () => {
    const staff = await staffToken(test.url);
    expect((await alerts(test.url, staff)).locks).toEqual([]);
    const [from] = addresses(61, 1);
    const guesses = Array.from({ length: 8 }, (_, index) => String(5000 + index));
    await Promise.all([
      ...guesses.map((pin) => volunteerSignIn(test.url, 'Ana', pin, from)),
      ...guesses.map((pin) => volunteerSignIn(test.url, 'Nadie Inventado', pin, from)),
    ]);
    // The audit entry is written without holding up the answer, so it may land a moment later.
    const seen = await eventually(async () => {
      const found = await alerts(test.url, staff);
      return found.locks.length > 0 ? found : undefined;
    });
    expect(seen.locks).toEqual([{ at: expect.any(Number), kind: 'volunteer', accountId: 'demo-ana', name: 'Ana' }]);
    expect(JSON.stringify(seen)).not.toContain('Nadie Inventado');
    expect(seen.since).toBeGreaterThan(clock.now() - 24 * 60 * 60_000 - 60_000);

    clock.advance(23 * 60 * 60_000);
    expect((await alerts(test.url, await staffToken(test.url))).locks.map((lock) => lock.name)).toEqual(['Ana']);
    clock.advance(2 * 60 * 60_000);
    expect((await alerts(test.url, await staffToken(test.url))).locks).toEqual([]);
  });

  it('a volunteer cannot read the alerts, nor can anyone without a session', async () => {
    const asVolunteer = await call(test.url, 'GET', apiRoutes.staffSecurityAlerts.path, { token: await volunteerToken(test.url, 'Luis') });
    expect(asVolunteer.status).toBe(403);
    expect((await call(test.url, 'GET', apiRoutes.staffSecurityAlerts.path)).status).toBe(401);
  });
});
