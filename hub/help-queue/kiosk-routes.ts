/**
 * What a kiosk may do over HTTP: read who it is, read the published procedures, ask for a
 * volunteer and cancel, sign in the volunteer who holds its call (volunteer mode), and report
 * anonymous events. Nothing here ever carries an answer the
 * senior typed.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  createCallRequestSchema,
  hubRoutes,
  kioskEventsRequestSchema,
  kioskVolunteerSignInRequestSchema,
  type KioskMeResponse,
  type KioskVolunteerSignInResponse,
} from '../../core/protocol/http.js';
import { loginVolunteerById } from '../auth/login.js';
import type { HubDatabase } from '../db/schema.js';
import { kioskOf, type roleGuards } from '../http/guards.js';
import { notFound } from '../http/hub-error.js';
import { idParam } from '../http/params.js';
import { parseWith } from '../http/validation.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { HelpQueue } from './queue-service.js';
import { firstName } from './views.js';

/** Dependencies of the kiosk routes. */
export interface KioskRouteDependencies {
  db: Kysely<HubDatabase>;
  queue: HelpQueue;
  catalog: ProcedureCatalog;
  guards: ReturnType<typeof roleGuards>;
  demo: boolean;
  now: () => number;
  newId: () => string;
}

/** Registers the kiosk routes. */
export function setupKioskRoutes(app: FastifyInstance, deps: KioskRouteDependencies): void {
  const { queue, guards } = deps;

  app.get(hubRoutes.kioskMe, { preHandler: guards.kiosk }, async (request): Promise<KioskMeResponse> => {
    const kiosk = kioskOf(request);
    const row = await deps.db
      .selectFrom('kiosks')
      .innerJoin('sites', 'sites.id', 'kiosks.site_id')
      .select(['kiosks.id', 'kiosks.name', 'kiosks.location', 'sites.id as site_id', 'sites.name as site_name', 'sites.in_person_help'])
      .where('kiosks.id', '=', kiosk.kioskId)
      .executeTakeFirst();
    if (!row) throw notFound('This kiosk');
    return {
      kiosk: { id: row.id, name: row.name, location: row.location },
      site: { id: row.site_id, name: row.site_name, inPersonHelp: row.in_person_help },
      demo: deps.demo,
    };
  });

  // The catalogue version travels with the set, so a kiosk knows what it has (and the audio built for it).
  app.get(hubRoutes.procedures, { preHandler: guards.kiosk }, async () => ({ version: deps.catalog.version(), procedures: deps.catalog.list() }));

  app.post(hubRoutes.kioskCalls, { preHandler: guards.kiosk }, async (request, reply) => {
    const kiosk = kioskOf(request);
    const body = parseWith(createCallRequestSchema, request.body);
    const { callId, created } = await queue.createCall(kiosk, body);
    const call = await queue.kioskView(kiosk.kioskId, kiosk.siteId);
    return reply.code(created ? 201 : 200).send({ callId, call });
  });

  app.get(hubRoutes.kioskCurrentCall, { preHandler: guards.kiosk }, async (request) => {
    const kiosk = kioskOf(request);
    return { call: await queue.kioskView(kiosk.kioskId, kiosk.siteId) };
  });

  app.post(hubRoutes.kioskCancelCall, { preHandler: guards.kiosk }, async (request) => {
    const kiosk = kioskOf(request);
    await queue.cancelCall(kiosk, idParam(request.params));
    return { call: await queue.kioskView(kiosk.kioskId, kiosk.siteId) };
  });

  // Volunteer mode, after the volunteer who holds this kiosk's call asked for it from their phone:
  // the PIN typed here is checked against that volunteer alone (the lock after five wrong PINs
  // included), so the kiosk needs no name and nobody else can sign in through it.
  app.post(hubRoutes.kioskVolunteerSignIn, { preHandler: guards.kiosk }, async (request): Promise<KioskVolunteerSignInResponse> => {
    const kiosk = kioskOf(request);
    const callId = idParam(request.params);
    const { pin } = parseWith(kioskVolunteerSignInRequestSchema, request.body);
    const volunteerId = await queue.callHolder(kiosk, callId);
    const login = await loginVolunteerById(deps.db, { siteId: kiosk.siteId, volunteerId, pin }, deps.now());
    return { token: login.token, volunteer: { name: firstName(login.volunteer.name) } };
  });

  app.post(hubRoutes.kioskEvents, { preHandler: guards.kiosk }, async (request, reply) => {
    const kiosk = kioskOf(request);
    const { events } = parseWith(kioskEventsRequestSchema, request.body);
    const at = deps.now();
    await deps.db
      .insertInto('kiosk_events')
      .values(
        events.map((event) => ({
          id: deps.newId(),
          kiosk_id: kiosk.kioskId,
          site_id: kiosk.siteId,
          session_id: event.sessionId,
          type: event.type,
          procedure_id: event.procedureId ?? null,
          step_id: event.stepId ?? null,
          at,
        })),
      )
      .execute();
    return reply.code(202).send({ accepted: events.length });
  });
}
