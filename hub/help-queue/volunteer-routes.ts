/** What a volunteer may do over HTTP: sign in and out, switch availability, act on calls, and take control of a call's kiosk. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { bearerToken } from '../auth/authenticate.js';
import { lockReport } from '../auth/lock-report.js';
import { loginVolunteer } from '../auth/login.js';
import { logout } from '../auth/sessions.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { volunteerOf } from '../http/guards.js';
import { route, type Guards } from '../http/route.js';
import type { HelpQueue } from './queue-service.js';

/** Dependencies of the volunteer routes. */
export interface VolunteerRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  queue: HelpQueue;
  guards: Guards;
  demo: boolean;
  now: () => number;
}

/** Registers the volunteer routes. */
export function setupVolunteerRoutes(app: FastifyInstance, deps: VolunteerRouteDependencies): void {
  const { queue, guards } = deps;

  route(app, guards, 'volunteerLogin', async ({ request, body }) => {
    return { ...(await loginVolunteer(deps.db, body, deps.now(), lockReport(deps.db, request.log))), demo: deps.demo };
  });

  route(app, guards, 'volunteerLogout', async ({ request }) => {
    const volunteer = volunteerOf(request);
    await queue.setAvailability(volunteer, false);
    await logout(deps.db, deps.feed, bearerToken(request.headers.authorization) ?? '', volunteer.siteId);
  });

  route(app, guards, 'volunteerAvailability', async ({ request, body: { available } }) => {
    const volunteer = volunteerOf(request);
    await queue.setAvailability(volunteer, available);
    return { available };
  });

  route(app, guards, 'volunteerCalls', async ({ request }) => {
    const volunteer = volunteerOf(request);
    return { calls: await queue.volunteerViews(volunteer), serverNow: deps.now(), available: await queue.isAvailable(volunteer.volunteerId) };
  });

  route(app, guards, 'volunteerAccept', async ({ request, params: { id: callId } }) => {
    const volunteer = volunteerOf(request);
    await queue.acceptCall(volunteer, callId);
    return { call: await queue.volunteerView(volunteer, callId) };
  });

  route(app, guards, 'volunteerArrive', async ({ request, params: { id: callId } }) => {
    const volunteer = volunteerOf(request);
    await queue.arriveAtCall(volunteer, callId);
    return { call: await queue.volunteerView(volunteer, callId) };
  });

  // "Tomar el control del quiosco": the kiosk of a call this volunteer holds asks for their PIN.
  route(app, guards, 'volunteerTakeOver', async ({ request, params: { id: callId } }) => {
    const volunteer = volunteerOf(request);
    await queue.requestTakeOver(volunteer, callId);
    return { call: await queue.volunteerView(volunteer, callId) };
  });

  route(app, guards, 'volunteerResolve', async ({ request, params: { id: callId }, body }) => {
    const volunteer = volunteerOf(request);
    await queue.resolveCall(volunteer, callId, body.outcome);
    return { call: await queue.volunteerView(volunteer, callId) };
  });
}
