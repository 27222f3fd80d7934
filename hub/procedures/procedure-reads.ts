/**
 * What staff read about procedures: the list with each one's status, one procedure with its
 * draft and published version, the version history and diffs between versions.
 */
import type { Kysely } from 'kysely';
import { diffLines } from '../../core/procedure/diff.js';
import type { LocalizedText, Procedure } from '../../core/procedure/schema.js';
import type {
  DiffResponse,
  Problem,
  ProcedureDetailResponse,
  ProcedureListResponse,
  ProcedureStatus,
  ProcedureSummary,
  VersionListResponse,
  VersionResponse,
} from '../../core/protocol/staff-console.js';
import type { HubDatabase, ProceduresTable, ProcedureVersionsTable } from '../db/schema.js';
import { HubError, notFound } from '../http/hub-error.js';
import { draftFactsCache, type DraftFactsCache, type DraftFactsReader } from './draft-facts-cache.js';

/** Procedures not verified for longer than this come first in the list, marked stale. */
export const staleAfterDays = 180;

const dayMs = 86_400_000;

/** Staff names by id, to name owners and authors. */
export async function staffNames(db: Kysely<HubDatabase>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('staff').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A staff reference, or null for none (an import, a removed account keeps its id). */
export function staffRef(names: Map<string, string>, id: string | null): { id: string; name: string } | null {
  return id === null ? null : { id, name: names.get(id) ?? id };
}

/** Where a procedure stands. */
export function statusOf(row: Pick<ProceduresTable, 'published_version' | 'draft_source'>): ProcedureStatus {
  if (row.published_version === null) return 'draft';
  return row.draft_source === null ? 'published' : 'changed';
}

/** The number of the published set: one more at every publication, on every hub the same. */
export async function catalogVersion(db: Kysely<HubDatabase>): Promise<number> {
  const row = await db
    .selectFrom('procedure_versions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * The procedure list: stale first (oldest verification first), then the rest by id. Each draft's
 * title comes from `facts`, which reads a draft text once (with `read`, the hub's check worker),
 * not at every list.
 */
export async function listProcedures(
  db: Kysely<HubDatabase>,
  now: number,
  read: DraftFactsReader,
  facts: DraftFactsCache = draftFactsCache,
): Promise<ProcedureListResponse> {
  const rows = await db
    .selectFrom('procedures')
    .leftJoin('procedure_versions', (join) =>
      join.onRef('procedure_versions.procedure_id', '=', 'procedures.id').onRef('procedure_versions.version', '=', 'procedures.published_version'),
    )
    .selectAll('procedures')
    .select('procedure_versions.procedure_json')
    .execute();
  const names = await staffNames(db);
  const draftFacts = await Promise.all(rows.map((row) => (row.draft_source === null ? undefined : facts.factsOf(row.draft_source, read))));
  const summaries = rows.map((row, index): ProcedureSummary => {
    const published = row.procedure_json ? (JSON.parse(row.procedure_json) as Procedure) : undefined;
    const draftTitle = draftFacts[index]?.title;
    const title: LocalizedText | null = draftTitle ?? published?.title ?? null;
    const verifiedAt = row.last_verified === null ? Number.NaN : Date.parse(`${row.last_verified}T00:00:00Z`);
    const verifiedDaysAgo = Number.isNaN(verifiedAt) ? null : Math.floor((now - verifiedAt) / dayMs);
    const problems = row.draft_problems === null ? [] : (JSON.parse(row.draft_problems) as Problem[]);
    return {
      id: row.id,
      title,
      status: statusOf(row),
      publishedVersion: row.published_version,
      hasDraft: row.draft_source !== null,
      draftProblemCount: row.draft_source === null ? 0 : problems.length,
      revision: row.revision,
      owner: staffRef(names, row.owner_staff_id),
      lastVerified: Number.isNaN(verifiedAt) ? null : row.last_verified,
      verifiedDaysAgo,
      // A procedure never verified is as urgent as the oldest.
      stale: verifiedDaysAgo === null || verifiedDaysAgo > staleAfterDays,
      updatedAt: row.updated_at,
      updatedBy: staffRef(names, row.updated_by),
    };
  });
  summaries.sort((a, b) => {
    if (a.stale !== b.stale) return a.stale ? -1 : 1;
    if (a.stale) return (b.verifiedDaysAgo ?? Infinity) - (a.verifiedDaysAgo ?? Infinity) || a.id.localeCompare(b.id);
    return a.id.localeCompare(b.id);
  });
  return { procedures: summaries, staleAfterDays, catalogVersion: await catalogVersion(db) };
}

/** A procedure's row, or 404. */
export async function procedureRow(db: Kysely<HubDatabase>, id: string): Promise<ProceduresTable> {
  const row = await db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`The procedure "${id}"`);
  return row;
}

function versionView(row: ProcedureVersionsTable, names: Map<string, string>) {
  return {
    version: row.version,
    source: row.source,
    changelog: row.changelog,
    publishedAt: row.published_at,
    publishedBy: staffRef(names, row.published_by),
    rolledBackFrom: row.rolled_back_from,
  };
}

/** One procedure: its draft, its latest published version and its revision. */
export async function procedureDetail(db: Kysely<HubDatabase>, id: string): Promise<ProcedureDetailResponse> {
  const row = await procedureRow(db, id);
  const names = await staffNames(db);
  const published =
    row.published_version === null
      ? undefined
      : await db.selectFrom('procedure_versions').selectAll().where('procedure_id', '=', id).where('version', '=', row.published_version).executeTakeFirst();
  return {
    id: row.id,
    revision: row.revision,
    status: statusOf(row),
    owner: staffRef(names, row.owner_staff_id),
    lastVerified: row.last_verified,
    draft:
      row.draft_source === null
        ? null
        : {
            source: row.draft_source,
            problems: JSON.parse(row.draft_problems ?? '[]') as Problem[],
            savedAt: row.draft_saved_at ?? row.updated_at,
            savedBy: staffRef(names, row.draft_saved_by),
          },
    published: published ? versionView(published, names) : null,
    updatedAt: row.updated_at,
    updatedBy: staffRef(names, row.updated_by),
  };
}

/** A page of the published versions, newest first, without their sources: `limit` of them, below `before` when given. */
export async function listVersions(db: Kysely<HubDatabase>, id: string, page: { limit: number; before?: number | undefined }): Promise<VersionListResponse> {
  await procedureRow(db, id);
  let query = db.selectFrom('procedure_versions').selectAll().where('procedure_id', '=', id);
  if (page.before !== undefined) query = query.where('version', '<', page.before);
  const rows = await query.orderBy('version', 'desc').limit(page.limit).execute();
  const names = await staffNames(db);
  return {
    id,
    versions: rows.map((row) => {
      const { source: _source, ...rest } = versionView(row, names);
      return rest;
    }),
  };
}

/** One published version with its source, or 404. */
export async function getVersion(db: Kysely<HubDatabase>, id: string, version: number): Promise<VersionResponse> {
  await procedureRow(db, id);
  const row = await db.selectFrom('procedure_versions').selectAll().where('procedure_id', '=', id).where('version', '=', version).executeTakeFirst();
  if (!row)
    throw new HubError(404, `The procedure "${id}" has no version ${version}.`, 'version', { code: 'not-found', reason: 'noVersion', params: { version } });
  return { id, ...versionView(row, await staffNames(db)) };
}

async function sourceOf(db: Kysely<HubDatabase>, id: string, which: number | 'draft', field: string): Promise<string> {
  if (which === 'draft') {
    const row = await procedureRow(db, id);
    if (row.draft_source === null) throw new HubError(404, `The procedure "${id}" has no draft.`, field, { code: 'not-found', reason: 'noDraft' });
    return row.draft_source;
  }
  const row = await db.selectFrom('procedure_versions').select('source').where('procedure_id', '=', id).where('version', '=', which).executeTakeFirst();
  if (!row)
    throw new HubError(404, `The procedure "${id}" has no version ${which}.`, field, { code: 'not-found', reason: 'noVersion', params: { version: which } });
  return row.source;
}

/** The line diff between two versions (or a version and the draft). */
export async function diffVersions(db: Kysely<HubDatabase>, id: string, from: number | 'draft', to: number | 'draft'): Promise<DiffResponse> {
  await procedureRow(db, id);
  const [before, after] = await Promise.all([sourceOf(db, id, from, 'from'), sourceOf(db, id, to, 'to')]);
  return { id, from, to, ...diffLines(before, after) };
}
