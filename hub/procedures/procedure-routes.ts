/**
 * The staff console's procedure routes: list, read, check, save drafts, publish, history, diff,
 * rollback and owner. Staff only; every body and query is checked with the contract in
 * `core/protocol/staff-console.ts`.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { checkProcedureText } from '../../core/procedure/check.js';
import {
  checkRequestSchema,
  createProcedureRequestSchema,
  diffQuerySchema,
  discardDraftRequestSchema,
  publishRequestSchema,
  rollbackRequestSchema,
  saveDraftRequestSchema,
  setOwnerRequestSchema,
  staffConsoleRoutes as routes,
  type CheckResponse,
} from '../../core/protocol/staff-console.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { staffOf, type roleGuards } from '../http/guards.js';
import { idParam } from '../http/params.js';
import { parseWith } from '../http/validation.js';
import type { LiveProcedureCatalog } from './catalog.js';
import { diffVersions, getVersion, listProcedures, listVersions, procedureDetail } from './procedure-reads.js';
import { createProcedure, discardDraft, publishDraft, rollbackTo, saveDraft, setOwner, type PublishingContext } from './publishing.js';

/** Dependencies of the procedure routes. */
export interface ProcedureRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  catalog: LiveProcedureCatalog;
  guards: ReturnType<typeof roleGuards>;
  now: () => number;
  newId: () => string;
}

/**
 * Scripts may be up to 512 KB, which the zod schema refuses with a plain message; the body may
 * be larger than that (JSON escapes), so these routes accept up to 2 MB before Fastify says 413.
 */
const sourceBodyLimit = 2 * 1024 * 1024;

const versionParamsSchema = z.object({ id: z.string(), version: z.coerce.number().int().min(1, 'a version number starts at 1').max(1_000_000) });

/** Registers the procedure routes. */
export function setupProcedureRoutes(app: FastifyInstance, deps: ProcedureRouteDependencies): void {
  const { db, guards } = deps;
  const context: PublishingContext = { db, feed: deps.feed, now: deps.now, newId: deps.newId };
  const staffOnly = { preHandler: guards.staff };
  const withSource = { preHandler: guards.staff, bodyLimit: sourceBodyLimit };

  app.get(routes.procedures, staffOnly, async () => listProcedures(db, deps.now()));
  app.post(routes.procedures, withSource, async (request, reply) =>
    reply.code(201).send(await createProcedure(context, staffOf(request), parseWith(createProcedureRequestSchema, request.body))),
  );

  app.post(routes.check, withSource, async (request): Promise<CheckResponse> => {
    const result = checkProcedureText(parseWith(checkRequestSchema, request.body).source);
    return { ok: result.procedure !== undefined, problems: result.problems, notes: result.notes };
  });

  app.get(routes.procedure, staffOnly, async (request) => procedureDetail(db, idParam(request.params)));
  app.put(routes.draft, withSource, async (request) =>
    saveDraft(context, staffOf(request), idParam(request.params), parseWith(saveDraftRequestSchema, request.body)),
  );
  app.post(routes.discardDraft, staffOnly, async (request) =>
    discardDraft(context, staffOf(request), idParam(request.params), parseWith(discardDraftRequestSchema, request.body)),
  );

  app.post(routes.publish, staffOnly, async (request) => {
    const published = await publishDraft(context, staffOf(request), idParam(request.params), parseWith(publishRequestSchema, request.body));
    // This hub serves the new version before it answers; other hubs reload on the change feed.
    await deps.catalog.refresh();
    return published;
  });
  app.post(routes.rollback, staffOnly, async (request) => {
    const published = await rollbackTo(context, staffOf(request), idParam(request.params), parseWith(rollbackRequestSchema, request.body));
    await deps.catalog.refresh();
    return published;
  });
  app.put(routes.owner, staffOnly, async (request) =>
    setOwner(context, staffOf(request), idParam(request.params), parseWith(setOwnerRequestSchema, request.body)),
  );

  app.get(routes.versions, staffOnly, async (request) => listVersions(db, idParam(request.params)));
  app.get(routes.version, staffOnly, async (request) => {
    const { version } = parseWith(versionParamsSchema, request.params);
    return getVersion(db, idParam(request.params), version);
  });
  app.get(routes.diff, staffOnly, async (request) => {
    const { from, to } = parseWith(diffQuerySchema, request.query);
    return diffVersions(db, idParam(request.params), from, to);
  });
}
