/**
 * The staff console's routes besides procedures and analytics: who is signed in, the staff
 * accounts, issuing a kiosk a new device token, the audit trail and the kiosk fleet.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { readAudit, recordAudit } from '../audit/audit-log.js';
import { readSecurityAlerts } from '../audit/security-alerts.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { staffOf } from '../http/guards.js';
import { route, type Guards } from '../http/route.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { FleetResponse } from '../../core/protocol/staff-console.js';
import { issueKioskToken } from './kiosk-tokens.js';

/** Dependencies of the console routes. */
export interface ConsoleRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  catalog: ProcedureCatalog;
  guards: Guards;
  /** The fleet as this hub sees it (realtime/realtime.ts: it knows which kiosks are connected and what they hold). */
  fleet: () => Promise<FleetResponse>;
  demo: boolean;
  now: () => number;
  newId: () => string;
}

/** Registers the routes. */
export function setupConsoleRoutes(app: FastifyInstance, deps: ConsoleRouteDependencies): void {
  const { db, guards } = deps;

  route(app, guards, 'staffMe', async ({ request }) => {
    const staff = staffOf(request);
    return { id: staff.staffId, email: staff.email, name: staff.name, demo: deps.demo };
  });

  route(app, guards, 'staffAccounts', async () => ({
    accounts: (
      await db.selectFrom('staff').select(['id', 'email', 'name', 'created_at', 'disabled_at']).where('deleted_at', 'is', null).orderBy('name').execute()
    ).map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      createdAt: row.created_at,
      disabled: row.disabled_at !== null,
    })),
  }));

  route(app, guards, 'staffKioskToken', async ({ request, reply, params }) => {
    const issued = await issueKioskToken(db, deps.feed, params.id);
    await recordAudit(db, staffOf(request), deps.now(), deps.newId(), {
      action: 'kiosk.token',
      targetKind: 'kiosk',
      targetId: issued.kiosk.id,
      summary: { code: 'kiosk-token', params: { name: issued.kiosk.name } },
    });
    reply.code(201);
    return issued;
  });

  route(app, guards, 'staffAudit', async ({ query }) => readAudit(db, query, (id) => deps.catalog.get(id)?.title));

  route(app, guards, 'staffSecurityAlerts', async () => readSecurityAlerts(db, deps.now()));

  route(app, guards, 'staffFleet', async () => deps.fleet());
}
