/** What staff may do over HTTP: sign in, and manage sites, kiosks, volunteers and staff accounts. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  createKioskRequestSchema,
  createSiteRequestSchema,
  createStaffRequestSchema,
  createVolunteerRequestSchema,
  hubRoutes,
  resetPinRequestSchema,
  staffLoginRequestSchema,
  updateVolunteerRequestSchema,
} from '../../core/protocol/http.js';
import { loginStaff } from '../auth/login.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import type { roleGuards } from '../http/guards.js';
import { idParam } from '../http/params.js';
import { parseWith } from '../http/validation.js';
import { createKiosk, createSite, createStaff, createVolunteer, resetVolunteerPin, revokeKiosk, updateVolunteer } from './accounts.js';

/** Dependencies of the staff routes. */
export interface StaffRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  guards: ReturnType<typeof roleGuards>;
  demo: boolean;
  now: () => number;
  newId: () => string;
}

/** Registers the staff routes. */
export function setupStaffRoutes(app: FastifyInstance, deps: StaffRouteDependencies): void {
  const { db, guards, now } = deps;
  const staffOnly = { preHandler: guards.staff };

  app.post(hubRoutes.staffLogin, async (request) => ({ ...(await loginStaff(db, parseWith(staffLoginRequestSchema, request.body), now())), demo: deps.demo }));

  app.get(hubRoutes.staffSites, staffOnly, async () => ({ sites: await db.selectFrom('sites').selectAll().orderBy('name').execute() }));
  app.post(hubRoutes.staffSites, staffOnly, async (request, reply) => reply.code(201).send(await createSite(db, parseWith(createSiteRequestSchema, request.body), now())));

  app.get(hubRoutes.staffKiosks, staffOnly, async () => ({
    kiosks: await db.selectFrom('kiosks').select(['id', 'site_id', 'name', 'location', 'revoked_at', 'last_seen_at', 'created_at']).orderBy('name').execute(),
  }));
  app.post(hubRoutes.staffKiosks, staffOnly, async (request, reply) => reply.code(201).send(await createKiosk(db, parseWith(createKioskRequestSchema, request.body), now())));
  app.post(hubRoutes.staffRevokeKiosk, staffOnly, async (request, reply) => {
    await revokeKiosk(db, deps.feed, idParam(request.params), now());
    return reply.code(204).send();
  });

  app.get(hubRoutes.staffVolunteers, staffOnly, async () => {
    const volunteers = await db.selectFrom('volunteers').select(['id', 'name', 'languages', 'available', 'locked_until', 'created_at']).orderBy('name').execute();
    const links = await db.selectFrom('volunteer_sites').selectAll().execute();
    return {
      volunteers: volunteers.map((volunteer) => ({
        id: volunteer.id,
        name: volunteer.name,
        languages: JSON.parse(volunteer.languages) as string[],
        available: volunteer.available === 1,
        locked: volunteer.locked_until !== null && volunteer.locked_until > now(),
        siteIds: links.filter((link) => link.volunteer_id === volunteer.id).map((link) => link.site_id),
      })),
    };
  });
  app.post(hubRoutes.staffVolunteers, staffOnly, async (request, reply) => reply.code(201).send(await createVolunteer(db, parseWith(createVolunteerRequestSchema, request.body), now())));
  app.patch(hubRoutes.staffVolunteer, staffOnly, async (request, reply) => {
    await updateVolunteer(db, idParam(request.params), parseWith(updateVolunteerRequestSchema, request.body));
    return reply.code(204).send();
  });
  app.post(hubRoutes.staffVolunteerPin, staffOnly, async (request, reply) => {
    await resetVolunteerPin(db, idParam(request.params), parseWith(resetPinRequestSchema, request.body).pin);
    return reply.code(204).send();
  });

  app.post(hubRoutes.staffAccounts, staffOnly, async (request, reply) => reply.code(201).send(await createStaff(db, parseWith(createStaffRequestSchema, request.body), now(), deps.newId())));

  app.get(hubRoutes.staffCalls, staffOnly, async () => ({
    calls: await db.selectFrom('calls').select(['id', 'site_id', 'kiosk_id', 'procedure_id', 'step_id', 'language', 'state', 'outcome', 'created_at', 'accepted_at', 'resolved_at']).orderBy('created_at', 'desc').limit(200).execute(),
  }));
}
