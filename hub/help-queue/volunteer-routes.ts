/** What a volunteer may do over HTTP: sign in and out, switch availability, act on calls, and take control of a call's kiosk. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  availabilityRequestSchema,
  hubRoutes,
  resolveCallRequestSchema,
  takeOverRequestSchema,
  volunteerLoginRequestSchema,
  type VolunteerLoginResponse,
} from '../../core/protocol/http.js';
import { bearerToken } from '../auth/authenticate.js';
import { loginVolunteer, logout } from '../auth/login.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { volunteerOf, type roleGuards } from '../http/guards.js';
import { idParam } from '../http/params.js';
import { parseWith } from '../http/validation.js';
import type { HelpQueue } from './queue-service.js';

/** Dependencies of the volunteer routes. */
export interface VolunteerRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  queue: HelpQueue;
  guards: ReturnType<typeof roleGuards>;
  demo: boolean;
  now: () => number;
}

/** Registers the volunteer routes. */
export function setupVolunteerRoutes(app: FastifyInstance, deps: VolunteerRouteDependencies): void {
  const { queue, guards } = deps;

  app.post(hubRoutes.volunteerLogin, async (request): Promise<VolunteerLoginResponse> => {
    const body = parseWith(volunteerLoginRequestSchema, request.body);
    return { ...(await loginVolunteer(deps.db, body, deps.now())), demo: deps.demo };
  });

  app.post(hubRoutes.volunteerLogout, { preHandler: guards.volunteer }, async (request, reply) => {
    const volunteer = volunteerOf(request);
    await queue.setAvailability(volunteer, false);
    await logout(deps.db, deps.feed, bearerToken(request.headers.authorization) ?? '', volunteer.siteId);
    return reply.code(204).send();
  });

  app.put(hubRoutes.volunteerAvailability, { preHandler: guards.volunteer }, async (request) => {
    const volunteer = volunteerOf(request);
    const { available } = parseWith(availabilityRequestSchema, request.body);
    await queue.setAvailability(volunteer, available);
    return { available };
  });

  app.get(hubRoutes.volunteerCalls, { preHandler: guards.volunteer }, async (request) => {
    const volunteer = volunteerOf(request);
    return { calls: await queue.volunteerViews(volunteer), serverNow: deps.now(), available: await queue.isAvailable(volunteer.volunteerId) };
  });

  app.post(hubRoutes.volunteerAccept, { preHandler: guards.volunteer }, async (request) => {
    const volunteer = volunteerOf(request);
    const callId = idParam(request.params);
    await queue.acceptCall(volunteer, callId);
    return { call: await queue.volunteerView(volunteer, callId) };
  });

  app.post(hubRoutes.volunteerArrive, { preHandler: guards.volunteer }, async (request) => {
    const volunteer = volunteerOf(request);
    const callId = idParam(request.params);
    await queue.arriveAtCall(volunteer, callId);
    return { call: await queue.volunteerView(volunteer, callId) };
  });

  // "Tomar el control del quiosco": the kiosk of a call this volunteer holds asks for their PIN.
  app.post(hubRoutes.volunteerTakeOver, { preHandler: guards.volunteer }, async (request) => {
    const volunteer = volunteerOf(request);
    const callId = idParam(request.params);
    parseWith(takeOverRequestSchema, request.body);
    await queue.requestTakeOver(volunteer, callId);
    return { call: await queue.volunteerView(volunteer, callId) };
  });

  app.post(hubRoutes.volunteerResolve, { preHandler: guards.volunteer }, async (request) => {
    const volunteer = volunteerOf(request);
    const callId = idParam(request.params);
    const { outcome } = parseWith(resolveCallRequestSchema, request.body);
    await queue.resolveCall(volunteer, callId, outcome);
    return { call: await queue.volunteerView(volunteer, callId) };
  });
}
