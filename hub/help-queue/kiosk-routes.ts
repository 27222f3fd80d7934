/**
 * What a kiosk may do over HTTP: read who it is, ask for a volunteer and cancel, sign in the
 * volunteer who holds its call (volunteer mode), and report anonymous events. (Its procedures
 * come from hub/procedures/kiosk-catalog-route.ts.) Nothing here ever carries an answer the
 * senior typed.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { lockReport } from '../auth/lock-report.js';
import { loginVolunteerById } from '../auth/login.js';
import type { HubDatabase } from '../db/schema.js';
import { kioskOf } from '../http/guards.js';
import { notFound } from '../http/hub-error.js';
import { route, type Guards } from '../http/route.js';
import type { HelpQueue } from './queue-service.js';
import { firstName } from './views.js';

/** Dependencies of the kiosk routes. */
export interface KioskRouteDependencies {
  db: Kysely<HubDatabase>;
  queue: HelpQueue;
  guards: Guards;
  demo: boolean;
  now: () => number;
  newId: () => string;
}

/** Registers the kiosk routes. */
export function setupKioskRoutes(app: FastifyInstance, deps: KioskRouteDependencies): void {
  const { queue, guards } = deps;

  route(app, guards, 'kioskMe', async ({ request }) => {
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

  route(app, guards, 'kioskCalls', async ({ request, reply, body }) => {
    const kiosk = kioskOf(request);
    const { callId, created } = await queue.createCall(kiosk, body);
    const call = await queue.kioskView(kiosk.kioskId, kiosk.siteId);
    reply.code(created ? 201 : 200);
    return { callId, call };
  });

  route(app, guards, 'kioskCurrentCall', async ({ request }) => {
    const kiosk = kioskOf(request);
    return { call: await queue.kioskView(kiosk.kioskId, kiosk.siteId) };
  });

  route(app, guards, 'kioskCancelCall', async ({ request, params }) => {
    const kiosk = kioskOf(request);
    await queue.cancelCall(kiosk, params.id);
    return { call: await queue.kioskView(kiosk.kioskId, kiosk.siteId) };
  });

  // Volunteer mode, after the volunteer who holds this kiosk's call asked for it from their phone:
  // the PIN typed here is checked against that volunteer alone (the lock after five wrong PINs
  // included), so the kiosk needs no name and nobody else can sign in through it.
  route(app, guards, 'kioskVolunteerSignIn', async ({ request, params, body }) => {
    const kiosk = kioskOf(request);
    const volunteerId = await queue.callHolder(kiosk, params.id);
    const login = await loginVolunteerById(deps.db, { siteId: kiosk.siteId, volunteerId, pin: body.pin }, deps.now(), lockReport(deps.db, request.log));
    return { token: login.token, volunteer: { name: firstName(login.volunteer.name) } };
  });

  route(app, guards, 'kioskEvents', async ({ request, reply, body: { events } }) => {
    const kiosk = kioskOf(request);
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
    reply.code(202);
    return { accepted: events.length };
  });
}
