/**
 * What staff may do over HTTP: sign in, and manage sites, kiosks, volunteers and staff accounts.
 * Every answer is a view (core/protocol/staff-people.ts), never a database row.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CallOutcome, CallState } from '../../core/help-call/states.js';
import type { StaffCallView } from '../../core/protocol/staff-people.js';
import { recordAudit, type AuditRecord } from '../audit/audit-log.js';
import { lockReport } from '../auth/lock-report.js';
import { loginStaff } from '../auth/login.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { CallsTable, HubDatabase } from '../db/schema.js';
import { staffOf } from '../http/guards.js';
import { route, type Guards } from '../http/route.js';
import { createKiosk, createSite, createStaff, createVolunteer, resetVolunteerPin, revokeKiosk, updateVolunteer } from './accounts.js';

/** Dependencies of the staff routes. */
export interface StaffRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  guards: Guards;
  demo: boolean;
  now: () => number;
  newId: () => string;
}

/** Registers the staff routes. */
export function setupStaffRoutes(app: FastifyInstance, deps: StaffRouteDependencies): void {
  const { db, guards, now } = deps;
  // Every change staff make goes to the audit trail: who, when, what (never a PIN or password).
  const audit = (request: FastifyRequest, record: AuditRecord): Promise<void> => recordAudit(db, staffOf(request), now(), deps.newId(), record);
  // The trail names records as staff know them, never by id: the names of sites and kiosks, read now.
  const namesOf = async (table: 'sites' | 'kiosks', ids: readonly string[]): Promise<string> => {
    if (ids.length === 0) return '';
    const rows = await db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    return ids.map((id) => rows.find((row) => row.id === id)?.name ?? '?').join(', ');
  };

  route(app, guards, 'staffLogin', async ({ request, body }) => ({ ...(await loginStaff(db, body, now(), lockReport(db, request.log))), demo: deps.demo }));

  route(app, guards, 'staffSites', async () => ({
    sites: (await db.selectFrom('sites').selectAll().orderBy('name').execute()).map((row) => ({
      id: row.id,
      name: row.name,
      location: row.location,
      escalationSeconds: row.escalation_seconds,
      inPersonHelp: row.in_person_help,
      createdAt: row.created_at,
    })),
  }));
  route(app, guards, 'createSite', async ({ request, reply, body }) => {
    const site = await createSite(db, body, now());
    await audit(request, { action: 'site.create', targetKind: 'site', targetId: site.id, summary: { code: 'site-created', params: { name: site.name } } });
    reply.code(201);
    return site;
  });

  route(app, guards, 'staffKiosks', async () => ({
    kiosks: (
      await db.selectFrom('kiosks').select(['id', 'site_id', 'name', 'location', 'revoked_at', 'last_seen_at', 'created_at']).orderBy('name').execute()
    ).map((row) => ({
      id: row.id,
      siteId: row.site_id,
      name: row.name,
      location: row.location,
      revokedAt: row.revoked_at,
      lastSeenAt: row.last_seen_at,
      createdAt: row.created_at,
    })),
  }));
  route(app, guards, 'createKiosk', async ({ request, reply, body }) => {
    const created = await createKiosk(db, body, now());
    await audit(request, {
      action: 'kiosk.create',
      targetKind: 'kiosk',
      targetId: created.kiosk.id,
      summary: { code: 'kiosk-created', params: { name: created.kiosk.name, site: await namesOf('sites', [created.kiosk.siteId]) } },
    });
    reply.code(201);
    return created;
  });
  route(app, guards, 'staffRevokeKiosk', async ({ request, params: { id: kioskId } }) => {
    await revokeKiosk(db, deps.feed, kioskId, now());
    await audit(request, {
      action: 'kiosk.revoke',
      targetKind: 'kiosk',
      targetId: kioskId,
      summary: { code: 'kiosk-revoked', params: { name: await namesOf('kiosks', [kioskId]) } },
    });
  });

  route(app, guards, 'staffVolunteers', async () => {
    const volunteers = await db
      .selectFrom('volunteers')
      .select(['id', 'name', 'languages', 'available', 'locked_until', 'disabled_at', 'created_at'])
      .where('deleted_at', 'is', null)
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
        disabled: volunteer.disabled_at !== null,
        siteIds: links.filter((link) => link.volunteer_id === volunteer.id).map((link) => link.site_id),
      })),
    };
  });
  route(app, guards, 'createVolunteer', async ({ request, reply, body }) => {
    const volunteer = await createVolunteer(db, body, now());
    await audit(request, {
      action: 'volunteer.create',
      targetKind: 'volunteer',
      targetId: volunteer.id,
      summary: {
        code: 'volunteer-created',
        params: { name: volunteer.name, sites: await namesOf('sites', volunteer.siteIds), languages: volunteer.languages.join(', ') },
      },
    });
    reply.code(201);
    return volunteer;
  });
  route(app, guards, 'staffVolunteer', async ({ request, params: { id: volunteerId }, body: change }) => {
    await updateVolunteer(db, deps.feed, volunteerId, change);
    const languages = change.languages?.join(', ');
    const sites = change.siteIds ? await namesOf('sites', change.siteIds) : undefined;
    await audit(request, {
      action: 'volunteer.update',
      targetKind: 'volunteer',
      targetId: volunteerId,
      summary:
        languages !== undefined && sites !== undefined
          ? { code: 'volunteer-languages-sites', params: { languages, sites } }
          : languages !== undefined
            ? { code: 'volunteer-languages', params: { languages } }
            : sites !== undefined
              ? { code: 'volunteer-sites', params: { sites } }
              : { code: 'volunteer-unchanged' },
    });
  });
  route(app, guards, 'staffVolunteerPin', async ({ request, params: { id: volunteerId }, body }) => {
    await resetVolunteerPin(db, deps.feed, volunteerId, body.pin);
    await audit(request, {
      action: 'volunteer.pin',
      targetKind: 'volunteer',
      targetId: volunteerId,
      summary: { code: 'volunteer-pin' },
    });
  });

  route(app, guards, 'createStaffAccount', async ({ request, reply, body }) => {
    const account = await createStaff(db, body, now(), deps.newId());
    await audit(request, {
      action: 'staff.create',
      targetKind: 'staff',
      targetId: account.id,
      summary: { code: 'staff-created', params: { name: account.name, email: account.email } },
    });
    reply.code(201);
    return account;
  });

  route(app, guards, 'staffCalls', async () => ({
    calls: (
      await db
        .selectFrom('calls')
        .select(['id', 'site_id', 'kiosk_id', 'procedure_id', 'step_id', 'language', 'state', 'outcome', 'created_at', 'accepted_at', 'resolved_at'])
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute()
    ).map(staffCallView),
  }));
}

/** A help call's row as staff see it. */
function staffCallView(
  row: Pick<
    CallsTable,
    'id' | 'site_id' | 'kiosk_id' | 'procedure_id' | 'step_id' | 'language' | 'state' | 'outcome' | 'created_at' | 'accepted_at' | 'resolved_at'
  >,
): StaffCallView {
  return {
    id: row.id,
    siteId: row.site_id,
    kioskId: row.kiosk_id,
    procedureId: row.procedure_id,
    stepId: row.step_id,
    language: row.language,
    // The database holds only states and outcomes the queue wrote (core/help-call/states.ts).
    state: row.state as CallState,
    outcome: row.outcome as CallOutcome | null,
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
    resolvedAt: row.resolved_at,
  };
}
