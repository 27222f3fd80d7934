/**
 * Whether the hub runs in demo mode, read from its public `/health`. Every screen labels itself
 * DEMO then, so nobody mistakes the demo accounts for a real service.
 */
import { readHealth } from '../../core/protocol/kiosk-answers.js';
import { publicRoutes } from '../../core/protocol/api-routes.js';
import { hubClient } from './hub-client.js';

/** True when the hub says it is in demo mode; false when it is not, or cannot be reached. */
export async function fetchDemoMode(): Promise<boolean> {
  // The light check: every UI reads this, the kiosk among them, which ships no zod (issue 13).
  const answer = await hubClient(publicRoutes)('health', readHealth);
  return answer.ok && answer.value.demo;
}
