/**
 * What staff change about procedures: create one, save and discard its draft, publish the draft,
 * roll back to an old version, change its owner. Every change is one transaction whose UPDATE
 * matches only the revision the change was based on, so of two staff saving at once exactly one
 * wins and the other is told who saved in between and when; nothing is overwritten. Every change
 * writes its audit entry in the same transaction. A publication is announced on the change feed
 * (on PostgreSQL inside the transaction), so every hub reloads its catalogue and tells its kiosks.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ProcedureCheckResult } from '../../core/procedure/check.js';
import { wordedProblem, type Problem } from '../../core/procedure/problem.js';
import type { Procedure } from '../../core/procedure/schema.js';
import { rollbackChangelog } from '../../core/protocol/machine-changelogs.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { recordAudit } from '../audit/audit-log.js';
import type { AuditSummary } from '../audit/audit-summaries.js';
import type { StaffPrincipal } from '../auth/principal.js';
import { allSites, type ChangeFeed, type SiteChange } from '../db/change-feed.js';
import type { HubDatabase, ProceduresTable } from '../db/schema.js';
import { HubError, notFound } from '../http/hub-error.js';
import { draftFactsCache } from './draft-facts-cache.js';
import { catalogVersion, procedureRow } from './procedure-reads.js';
import { twinProblemsAtPublication, twinsLeftStale } from './twin-rules.js';
import type { CheckedScript, ScriptChecker } from './script-checker.js';

/** What publishing needs besides the database. */
export interface PublishingContext {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  now: () => number;
  newId: () => string;
  /** Checks scripts off the hub's thread, within a time budget. */
  checker: ScriptChecker;
}

/** The result of saving a draft. */
export interface SavedDraft {
  id: string;
  revision: number;
  problems: Problem[];
  savedAt: number;
}

/** The result of a publication. */
export interface Published {
  id: string;
  version: number;
  revision: number;
  catalogVersion: number;
  publishedAt: number;
  /** Published practice twins this publication left stale (twin-rules.ts), for the console's warning; absent when none. */
  staleTwins?: string[];
}

/**
 * A checked script judged for publication as procedure `id`: the checker's problems, and its
 * `id` must be this procedure's (the kiosk finds it by id). The procedure carries the version it
 * will be.
 */
export function checkForPublication(result: ProcedureCheckResult, source: string, id: string, version: number): { procedure?: Procedure; problems: Problem[] } {
  if (!result.procedure) return { problems: result.problems };
  if (result.procedure.id !== id) {
    const lines = source.split('\n');
    const index = lines.findIndex((line) => /^id\s*:/.test(line));
    return {
      problems: [wordedProblem(index + 1 || 1, 1, { code: 'id-not-this-procedure', params: { id: result.procedure.id, expected: id } })],
    };
  }
  return { procedure: { ...result.procedure, version }, problems: [] };
}

/**
 * Checks a draft in the check worker (a 503 if it overruns the budget, before anything is
 * written): its problems, including a wrong id, and its facts, kept for the procedure list.
 */
async function checkDraft(context: PublishingContext, source: string, id: string): Promise<{ problems: Problem[]; checked: CheckedScript }> {
  const checked = await context.checker.check(source);
  draftFactsCache.remember(source, checked.facts);
  return { problems: checkForPublication(checked.result, source, id, 1).problems, checked };
}

/** 409 naming who changed the procedure after the revision the change was based on. */
async function conflict(trx: Transaction<HubDatabase>, row: ProceduresTable, baseRevision: number): Promise<HubError> {
  const who = row.updated_by === null ? undefined : await trx.selectFrom('staff').select('name').where('id', '=', row.updated_by).executeTakeFirst();
  const by = who?.name ?? 'someone else';
  const when = new Date(row.updated_at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  return new HubError(
    409,
    `${by} changed this procedure at ${when} (revision ${row.revision}) after the revision ${baseRevision} you started from. Your change was not saved and nothing of theirs was overwritten: keep a copy of your text, reload, and make your change again.`,
    'baseRevision',
    { code: 'version-conflict', by, at: row.updated_at, revision: row.revision },
  );
}

/** Reads the row inside the transaction and refuses a stale base revision. */
async function lockRow(trx: Transaction<HubDatabase>, id: string, baseRevision: number): Promise<ProceduresTable> {
  const row = await trx.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`The procedure "${id}"`);
  if (row.revision !== baseRevision) throw await conflict(trx, row, baseRevision);
  return row;
}

/** Applies `change` only if the revision is still `baseRevision`, raising it; a race lost is a conflict. */
async function updateAtRevision(trx: Transaction<HubDatabase>, id: string, baseRevision: number, change: Partial<ProceduresTable>): Promise<number> {
  const result = await trx
    .updateTable('procedures')
    .set({ ...change, revision: baseRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', baseRevision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const row = await trx.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`The procedure "${id}"`);
    throw await conflict(trx, row, baseRevision);
  }
  return baseRevision + 1;
}

async function audit(trx: Transaction<HubDatabase>, context: PublishingContext, staff: StaffPrincipal, at: number, record: AuditRecord): Promise<void> {
  await recordAudit(trx, staff, at, context.newId(), record);
}

async function latestPublishedSource(trx: Transaction<HubDatabase>, row: ProceduresTable): Promise<string | undefined> {
  if (row.published_version === null) return undefined;
  const version = await trx
    .selectFrom('procedure_versions')
    .select('source')
    .where('procedure_id', '=', row.id)
    .where('version', '=', row.published_version)
    .executeTakeFirst();
  return version?.source;
}

/** The latest published version as checked when it was published: its `lastVerified` without parsing its YAML again. */
async function latestPublishedProcedure(trx: Transaction<HubDatabase>, row: ProceduresTable): Promise<Procedure | undefined> {
  if (row.published_version === null) return undefined;
  const version = await trx
    .selectFrom('procedure_versions')
    .select('procedure_json')
    .where('procedure_id', '=', row.id)
    .where('version', '=', row.published_version)
    .executeTakeFirst();
  return version ? (JSON.parse(version.procedure_json) as Procedure) : undefined;
}

/** Creates a procedure with its first draft (which may have problems). */
export async function createProcedure(context: PublishingContext, staff: StaffPrincipal, request: { id: string; source: string }): Promise<SavedDraft> {
  const { problems, checked } = await checkDraft(context, request.source, request.id);
  const at = context.now();
  const alreadyExists = (): HubError =>
    new HubError(409, `A procedure with the id "${request.id}" already exists; open it instead, or choose another id.`, 'id', {
      code: 'already-exists',
      reason: 'procedureExists',
      params: { id: request.id },
    });
  // Two staff creating the same id at once: the database's primary key refuses the second.
  const created = context.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('procedures').select('id').where('id', '=', request.id).executeTakeFirst();
    if (exists) throw alreadyExists();
    await trx
      .insertInto('procedures')
      .values({
        id: request.id,
        owner_staff_id: staff.staffId,
        revision: 1,
        draft_source: request.source,
        draft_problems: JSON.stringify(problems),
        draft_saved_at: at,
        draft_saved_by: staff.staffId,
        published_version: null,
        last_verified: checked.facts.lastVerified ?? null,
        created_at: at,
        updated_at: at,
        updated_by: staff.staffId,
      })
      .execute();
    await audit(trx, context, staff, at, {
      action: 'procedure.create',
      targetKind: 'procedure',
      targetId: request.id,
      summary: { code: 'procedure-created' },
    });
  });
  try {
    await created;
  } catch (error) {
    if (!(error instanceof HubError) && (await context.db.selectFrom('procedures').select('id').where('id', '=', request.id).executeTakeFirst()))
      throw alreadyExists();
    throw error;
  }
  return { id: request.id, revision: 1, problems, savedAt: at };
}

/**
 * Saves the draft. A draft with problems is saved all the same (nobody loses work); a draft equal
 * to the published text is no draft at all.
 */
export async function saveDraft(
  context: PublishingContext,
  staff: StaffPrincipal,
  id: string,
  request: { source: string; baseRevision: number },
): Promise<SavedDraft> {
  const { problems, checked } = await checkDraft(context, request.source, id);
  const at = context.now();
  const revision = await context.db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, id, request.baseRevision);
    const published = await latestPublishedSource(trx, row);
    const same = published === request.source;
    const verified = same ? undefined : checked.facts.lastVerified;
    const next = await updateAtRevision(trx, id, request.baseRevision, {
      draft_source: same ? null : request.source,
      draft_problems: same ? null : JSON.stringify(problems),
      draft_saved_at: same ? null : at,
      draft_saved_by: same ? null : staff.staffId,
      ...(same ? { last_verified: checked.facts.lastVerified ?? null } : verified ? { last_verified: verified } : {}),
      updated_at: at,
      updated_by: staff.staffId,
    });
    const summary: AuditSummary = same
      ? { code: 'draft-saved-same' }
      : problems.length === 0
        ? { code: 'draft-saved-clean' }
        : { code: 'draft-saved-problems', params: { count: problems.length } };
    await audit(trx, context, staff, at, { action: 'procedure.save-draft', targetKind: 'procedure', targetId: id, summary });
    return next;
  });
  return { id, revision, problems, savedAt: at };
}

/** Throws the draft away; the published version stays. */
export async function discardDraft(
  context: PublishingContext,
  staff: StaffPrincipal,
  id: string,
  request: { baseRevision: number },
): Promise<{ id: string; revision: number }> {
  const at = context.now();
  const revision = await context.db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, id, request.baseRevision);
    if (row.draft_source === null)
      throw new HubError(409, `The procedure "${id}" has no draft to throw away.`, undefined, { code: 'nothing-to-publish', reason: 'noDraftToDiscard' });
    if (row.published_version === null)
      throw new HubError(409, `The procedure "${id}" was never published: its draft is all there is, so it cannot be thrown away.`, undefined, {
        code: 'nothing-to-publish',
        reason: 'neverPublished',
      });
    const published = await latestPublishedProcedure(trx, row);
    const next = await updateAtRevision(trx, id, request.baseRevision, {
      draft_source: null,
      draft_problems: null,
      draft_saved_at: null,
      draft_saved_by: null,
      last_verified: published === undefined ? row.last_verified : published.lastVerified,
      updated_at: at,
      updated_by: staff.staffId,
    });
    await audit(trx, context, staff, at, { action: 'procedure.discard-draft', targetKind: 'procedure', targetId: id, summary: { code: 'draft-discarded' } });
    return next;
  });
  return { id, revision };
}

/** Stores a new published version and announces it; shared by publish and rollback. */
async function storeVersion(
  trx: Transaction<HubDatabase>,
  context: PublishingContext,
  staff: StaffPrincipal,
  row: ProceduresTable,
  baseRevision: number,
  publication: { source: string; checked: CheckedScript; changelog: string; rolledBackFrom: number | null; clearDraft: boolean; at: number },
  change: SiteChange,
): Promise<{ version: number; revision: number; staleTwins?: string[] }> {
  const version = (row.published_version ?? 0) + 1;
  const checked = checkForPublication(publication.checked.result, publication.source, row.id, version);
  if (!checked.procedure) throw hasProblems(checked.problems, publication.rolledBackFrom);
  // The checker's rules across procedures, against what is published now (read in this transaction).
  const twinProblems = await twinProblemsAtPublication(trx, checked.procedure, publication.source);
  if (twinProblems.length > 0) throw hasProblems(twinProblems, publication.rolledBackFrom);
  const revision = await updateAtRevision(trx, row.id, baseRevision, {
    published_version: version,
    last_verified: checked.procedure.lastVerified,
    ...(publication.clearDraft ? { draft_source: null, draft_problems: null, draft_saved_at: null, draft_saved_by: null } : {}),
    updated_at: publication.at,
    updated_by: staff.staffId,
  });
  await trx
    .insertInto('procedure_versions')
    .values({
      procedure_id: row.id,
      version,
      source: publication.source,
      procedure_json: JSON.stringify(checked.procedure),
      changelog: publication.changelog,
      published_by: staff.staffId,
      published_at: publication.at,
      rolled_back_from: publication.rolledBackFrom,
    })
    .execute();
  await audit(trx, context, staff, publication.at, {
    action: publication.rolledBackFrom === null ? 'procedure.publish' : 'procedure.rollback',
    targetKind: 'procedure',
    targetId: row.id,
    summary:
      publication.rolledBackFrom === null
        ? { code: 'version-published', params: { version, changelog: publication.changelog } }
        : { code: 'version-rolled-back', params: { version, from: publication.rolledBackFrom } },
  });
  await context.feed.announceInTransaction(trx, change);
  const staleTwins = await twinsLeftStale(trx, checked.procedure);
  return { version, revision, ...(staleTwins.length > 0 ? { staleTwins } : {}) };
}

/** 422 listing the problems that stop a publication (the draft's, or an old version's on rollback). */
function hasProblems(problems: Problem[], rolledBackFrom: number | null): HubError {
  const what = rolledBackFrom === null ? 'The draft' : `Version ${rolledBackFrom}`;
  return new HubError(
    422,
    `${what} has ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before it can be published; the first: line ${problems[0]?.line ?? 1}: ${problems[0]?.message ?? ''}`,
    undefined,
    {
      code: 'has-problems',
      problems,
      reason: rolledBackFrom === null ? 'draftHasProblems' : 'versionHasProblems',
      params: { count: problems.length, ...(rolledBackFrom === null ? {} : { version: rolledBackFrom }) },
    },
  );
}

/** Publishes the draft as the next version, with a changelog line. */
export async function publishDraft(
  context: PublishingContext,
  staff: StaffPrincipal,
  id: string,
  request: { baseRevision: number; changelog: string },
): Promise<Published> {
  const noDraft = (): HubError =>
    new HubError(409, `The procedure "${id}" has no draft to publish: edit and save it first.`, undefined, {
      code: 'nothing-to-publish',
      reason: 'noDraftToPublish',
    });
  // Checked before the transaction, in the worker: a transaction must not wait seconds on a check.
  const before = await procedureRow(context.db, id);
  const checked = before.revision === request.baseRevision && before.draft_source !== null ? await context.checker.check(before.draft_source) : undefined;
  const at = context.now();
  const change: SiteChange = { siteId: allSites, proceduresChanged: true };
  const result = await context.db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, id, request.baseRevision);
    if (row.draft_source === null) throw noDraft();
    // The revision is the one read before, so the draft is the one checked; guard all the same.
    if (!checked || row.draft_source !== before.draft_source) throw await conflict(trx, row, request.baseRevision);
    return storeVersion(
      trx,
      context,
      staff,
      row,
      request.baseRevision,
      { source: row.draft_source, checked, changelog: request.changelog, rolledBackFrom: null, clearDraft: true, at },
      change,
    );
  });
  context.feed.afterCommit(change);
  return { id, ...result, catalogVersion: await catalogVersion(context.db), publishedAt: at };
}

/** Publishes an old version's text again as a new version ("Rollback to vN"); the draft, if any, stays. */
export async function rollbackTo(
  context: PublishingContext,
  staff: StaffPrincipal,
  id: string,
  request: { baseRevision: number; toVersion: number },
): Promise<Published> {
  const missing = (): HubError =>
    new HubError(404, `The procedure "${id}" has no version ${request.toVersion}.`, 'toVersion', {
      code: 'not-found',
      reason: 'noVersion',
      params: { version: request.toVersion },
    });
  // Published versions never change, so the old text is read and checked (in the worker) before the transaction.
  await procedureRow(context.db, id);
  const old = await context.db
    .selectFrom('procedure_versions')
    .select('source')
    .where('procedure_id', '=', id)
    .where('version', '=', request.toVersion)
    .executeTakeFirst();
  if (!old) throw missing();
  const checked = await context.checker.check(old.source);
  const at = context.now();
  const change: SiteChange = { siteId: allSites, proceduresChanged: true };
  const result = await context.db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, id, request.baseRevision);
    if (row.published_version === request.toVersion)
      throw new HubError(409, `Version ${request.toVersion} is already the published one.`, 'toVersion', {
        code: 'nothing-to-publish',
        reason: 'alreadyPublished',
        params: { version: request.toVersion },
      });
    return storeVersion(
      trx,
      context,
      staff,
      row,
      request.baseRevision,
      { source: old.source, checked, changelog: rollbackChangelog(request.toVersion), rolledBackFrom: request.toVersion, clearDraft: false, at },
      change,
    );
  });
  context.feed.afterCommit(change);
  return { id, ...result, catalogVersion: await catalogVersion(context.db), publishedAt: at };
}

/** Changes who answers for a procedure (null: nobody). */
export async function setOwner(
  context: PublishingContext,
  staff: StaffPrincipal,
  id: string,
  request: { ownerStaffId: string | null; baseRevision: number },
): Promise<{ id: string; revision: number }> {
  const at = context.now();
  const revision = await context.db.transaction().execute(async (trx) => {
    await lockRow(trx, id, request.baseRevision);
    const owner =
      request.ownerStaffId === null
        ? undefined
        : await trx.selectFrom('staff').select(['id', 'name']).where('id', '=', request.ownerStaffId).executeTakeFirst();
    if (request.ownerStaffId !== null && !owner)
      throw new HubError(404, `There is no staff account "${request.ownerStaffId}".`, 'ownerStaffId', { code: 'not-found', reason: 'noStaffAccount' });
    const next = await updateAtRevision(trx, id, request.baseRevision, { owner_staff_id: request.ownerStaffId, updated_at: at, updated_by: staff.staffId });
    await audit(trx, context, staff, at, {
      action: 'procedure.owner',
      targetKind: 'procedure',
      targetId: id,
      summary: owner ? { code: 'owner-set', params: { name: owner.name } } : { code: 'owner-none' },
    });
    return next;
  });
  return { id, revision };
}
