/**
 * The staff console's procedure routes: list, read, check, save drafts, publish, history, diff,
 * rollback and owner. Staff only; every body and query is checked with the contract in
 * `core/protocol/staff-console.ts`.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { staffOf } from '../http/guards.js';
import { route, type Guards } from '../http/route.js';
import type { LiveProcedureCatalog } from './catalog.js';
import { diffVersions, getVersion, listProcedures, listVersions, procedureDetail } from './procedure-reads.js';
import { createPracticeTwinDraft } from './practice-twin-draft.js';
import { createProcedure, discardDraft, publishDraft, rollbackTo, saveDraft, setOwner, type PublishingContext } from './publishing.js';
import { workerScriptChecker } from './script-checker.js';

/** Dependencies of the procedure routes. */
export interface ProcedureRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  catalog: LiveProcedureCatalog;
  guards: Guards;
  now: () => number;
  newId: () => string;
}

/**
 * Scripts may be up to 512 KB, which the zod schema refuses with a plain message; the body may
 * be larger than that (JSON escapes), so these routes accept up to 2 MB before Fastify says 413.
 */
const sourceBodyLimit = 2 * 1024 * 1024;

/** Registers the procedure routes. */
export function setupProcedureRoutes(app: FastifyInstance, deps: ProcedureRouteDependencies): void {
  const { db, guards } = deps;
  // Every check of a script staff send (check, create, save, publish, rollback) runs in one worker thread with a budget, never on the hub's.
  const checker = workerScriptChecker();
  app.addHook('onClose', async () => checker.close());
  const context: PublishingContext = { db, feed: deps.feed, now: deps.now, newId: deps.newId, checker };
  const withSource = { bodyLimit: sourceBodyLimit };

  route(app, guards, 'staffProcedures', async () => listProcedures(db, deps.now(), (source) => checker.facts(source)));
  route(
    app,
    guards,
    'createProcedure',
    async ({ request, reply, body }) => {
      const created = await createProcedure(context, staffOf(request), body);
      reply.code(201);
      return created;
    },
    withSource,
  );

  route(
    app,
    guards,
    'staffCheck',
    async ({ body }) => {
      const { result } = await checker.check(body.source);
      return { ok: result.procedure !== undefined, problems: result.problems, notes: result.notes };
    },
    withSource,
  );

  route(app, guards, 'staffProcedure', async ({ params }) => procedureDetail(db, params.id));
  route(app, guards, 'staffPracticeTwin', async ({ request, reply, params }) => {
    const created = await createPracticeTwinDraft(context, staffOf(request), params.id);
    reply.code(201);
    return created;
  });
  route(app, guards, 'staffDraft', async ({ request, params, body }) => saveDraft(context, staffOf(request), params.id, body), withSource);
  route(app, guards, 'staffDiscardDraft', async ({ request, params, body }) => discardDraft(context, staffOf(request), params.id, body));

  route(app, guards, 'staffPublish', async ({ request, params, body }) => {
    const published = await publishDraft(context, staffOf(request), params.id, body);
    // This hub serves the new version before it answers; other hubs reload on the change feed.
    await deps.catalog.refresh();
    return published;
  });
  route(app, guards, 'staffRollback', async ({ request, params, body }) => {
    const published = await rollbackTo(context, staffOf(request), params.id, body);
    await deps.catalog.refresh();
    return published;
  });
  route(app, guards, 'staffOwner', async ({ request, params, body }) => setOwner(context, staffOf(request), params.id, body));

  route(app, guards, 'staffVersions', async ({ params, query }) => listVersions(db, params.id, query));
  route(app, guards, 'staffVersion', async ({ params }) => getVersion(db, params.id, params.version));
  route(app, guards, 'staffDiff', async ({ params, query }) => diffVersions(db, params.id, query.from, query.to));
}
