/**
 * The staff console's routes besides procedures and analytics: who is signed in, the staff
 * accounts, issuing a kiosk a new device token, the audit trail and the kiosk fleet.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { auditQuerySchema, staffConsoleRoutes as routes, type StaffAccountsResponse, type StaffMeResponse } from '../../core/protocol/staff-console.js';
import { readAudit, recordAudit } from '../audit/audit-log.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { staffOf, type roleGuards } from '../http/guards.js';
import { idParam } from '../http/params.js';
import { parseWith } from '../http/validation.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { readFleet } from './fleet.js';
import { issueKioskToken } from './kiosk-tokens.js';

/** Dependencies of the console routes. */
export interface ConsoleRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  catalog: ProcedureCatalog;
  guards: ReturnType<typeof roleGuards>;
  /** Kiosks with a live socket on this hub. */
  connectedKiosks: () => ReadonlySet<string>;
  demo: boolean;
  now: () => number;
  newId: () => string;
}

/** Registers the routes. */
export function setupConsoleRoutes(app: FastifyInstance, deps: ConsoleRouteDependencies): void {
  const { db } = deps;
  const staffOnly = { preHandler: deps.guards.staff };

  app.get(routes.me, staffOnly, async (request): Promise<StaffMeResponse> => {
    const staff = staffOf(request);
    return { id: staff.staffId, email: staff.email, name: staff.name, demo: deps.demo };
  });

  app.get(
    routes.accounts,
    staffOnly,
    async (): Promise<StaffAccountsResponse> => ({
      accounts: (await db.selectFrom('staff').select(['id', 'email', 'name', 'created_at']).orderBy('name').execute()).map((row) => ({
        id: row.id,
        email: row.email,
        name: row.name,
        createdAt: row.created_at,
      })),
    }),
  );

  app.post(routes.kioskToken, staffOnly, async (request, reply) => {
    const issued = await issueKioskToken(db, deps.feed, idParam(request.params));
    await recordAudit(db, staffOf(request), deps.now(), deps.newId(), {
      action: 'kiosk.token',
      targetKind: 'kiosk',
      targetId: issued.kiosk.id,
      summary: `Issued a new device token for ${issued.kiosk.name}; the old one no longer works.`,
    });
    return reply.code(201).send(issued);
  });

  app.get(routes.audit, staffOnly, async (request) => readAudit(db, parseWith(auditQuerySchema, request.query)));

  app.get(routes.fleet, staffOnly, async () => readFleet(db, deps.connectedKiosks(), deps.catalog.version(), deps.now()));
}
