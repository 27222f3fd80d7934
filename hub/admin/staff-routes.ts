/** What staff may do over HTTP: sign in, and manage sites, kiosks, volunteers and staff accounts. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import { recordAudit, type AuditRecord } from '../audit/audit-log.js';
import { loginStaff } from '../auth/login.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { staffOf, type roleGuards } from '../http/guards.js';
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
  // Every change staff make goes to the audit trail: who, when, what (never a PIN or password).
  const audit = (request: FastifyRequest, record: AuditRecord): Promise<void> => recordAudit(db, staffOf(request), now(), deps.newId(), record);

  app.post(hubRoutes.staffLogin, async (request) => ({ ...(await loginStaff(db, parseWith(staffLoginRequestSchema, request.body), now())), demo: deps.demo }));

  app.get(hubRoutes.staffSites, staffOnly, async () => ({ sites: await db.selectFrom('sites').selectAll().orderBy('name').execute() }));
  app.post(hubRoutes.staffSites, staffOnly, async (request, reply) => {
    const site = await createSite(db, parseWith(createSiteRequestSchema, request.body), now());
    await audit(request, { action: 'site.create', targetKind: 'site', targetId: site.id, summary: `Created the site ${site.name}.` });
    return reply.code(201).send(site);
  });

  app.get(hubRoutes.staffKiosks, staffOnly, async () => ({
    kiosks: await db.selectFrom('kiosks').select(['id', 'site_id', 'name', 'location', 'revoked_at', 'last_seen_at', 'created_at']).orderBy('name').execute(),
  }));
  app.post(hubRoutes.staffKiosks, staffOnly, async (request, reply) => {
    const created = await createKiosk(db, parseWith(createKioskRequestSchema, request.body), now());
    await audit(request, {
      action: 'kiosk.create',
      targetKind: 'kiosk',
      targetId: created.kiosk.id,
      summary: `Created the kiosk ${created.kiosk.name} at ${created.kiosk.siteId} and issued its device token.`,
    });
    return reply.code(201).send(created);
  });
  app.post(hubRoutes.staffRevokeKiosk, staffOnly, async (request, reply) => {
    const kioskId = idParam(request.params);
    await revokeKiosk(db, deps.feed, kioskId, now());
    await audit(request, { action: 'kiosk.revoke', targetKind: 'kiosk', targetId: kioskId, summary: `Revoked the device token of the kiosk ${kioskId}.` });
    return reply.code(204).send();
  });

  app.get(hubRoutes.staffVolunteers, staffOnly, async () => {
    const volunteers = await db
      .selectFrom('volunteers')
      .select(['id', 'name', 'languages', 'available', 'locked_until', 'created_at'])
      .orderBy('name')
      .execute();
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
  app.post(hubRoutes.staffVolunteers, staffOnly, async (request, reply) => {
    const volunteer = await createVolunteer(db, parseWith(createVolunteerRequestSchema, request.body), now());
    await audit(request, {
      action: 'volunteer.create',
      targetKind: 'volunteer',
      targetId: volunteer.id,
      summary: `Created the volunteer ${volunteer.name} for ${volunteer.siteIds.join(', ')} (${volunteer.languages.join(', ')}).`,
    });
    return reply.code(201).send(volunteer);
  });
  app.patch(hubRoutes.staffVolunteer, staffOnly, async (request, reply) => {
    const volunteerId = idParam(request.params);
    const change = parseWith(updateVolunteerRequestSchema, request.body);
    await updateVolunteer(db, volunteerId, change);
    const parts = [
      ...(change.languages ? [`languages ${change.languages.join(', ')}`] : []),
      ...(change.siteIds ? [`sites ${change.siteIds.join(', ')}`] : []),
    ];
    await audit(request, {
      action: 'volunteer.update',
      targetKind: 'volunteer',
      targetId: volunteerId,
      summary: parts.length > 0 ? `Changed the volunteer's ${parts.join(' and ')}.` : 'Saved the volunteer unchanged.',
    });
    return reply.code(204).send();
  });
  app.post(hubRoutes.staffVolunteerPin, staffOnly, async (request, reply) => {
    const volunteerId = idParam(request.params);
    await resetVolunteerPin(db, volunteerId, parseWith(resetPinRequestSchema, request.body).pin);
    await audit(request, { action: 'volunteer.pin', targetKind: 'volunteer', targetId: volunteerId, summary: 'Set a new PIN and unlocked the account.' });
    return reply.code(204).send();
  });

  app.post(hubRoutes.staffAccounts, staffOnly, async (request, reply) => {
    const account = await createStaff(db, parseWith(createStaffRequestSchema, request.body), now(), deps.newId());
    await audit(request, {
      action: 'staff.create',
      targetKind: 'staff',
      targetId: account.id,
      summary: `Created the staff account ${account.name} <${account.email}>.`,
    });
    return reply.code(201).send(account);
  });

  app.get(hubRoutes.staffCalls, staffOnly, async () => ({
    calls: await db
      .selectFrom('calls')
      .select(['id', 'site_id', 'kiosk_id', 'procedure_id', 'step_id', 'language', 'state', 'outcome', 'created_at', 'accepted_at', 'resolved_at'])
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute(),
  }));
}
