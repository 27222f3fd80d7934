/**
 * The checker's practice-twin rules (core/procedure/check-twins.ts) at the hub's publish path,
 * where the set of procedures is the hub's published ones rather than a folder of files:
 *
 * - A practice script whose `twinOf` names no published procedure (`twin-of-missing`), or that is
 *   not what the generator makes from that procedure's published version today (`twin-stale`),
 *   is refused with the checker's own codes, placed at its `twinOf` line: kiosks must never
 *   practise a procedure that is not there, or one that has changed since.
 * - Publishing a source that leaves a published twin stale is not refused (the clerk's fix to the
 *   real procedure must reach seniors at once); the hub names the twins in its answer, so the
 *   console can warn that they need making again.
 *
 * The hub numbers versions itself (1, 2, 3 … per procedure), while a twin's `version` is the one
 * its source's file had when it was generated, so the two are compared without it: only the words
 * and steps decide whether a twin is stale here.
 */
import type { Transaction } from 'kysely';
import { isStaleTwin } from '../../core/procedure/check-twins.js';
import type { Problem } from '../../core/procedure/problem.js';
import { procedureSchema, type Procedure } from '../../core/procedure/schema.js';
import { lazySourceMap } from '../../core/procedure/source-map.js';
import type { HubDatabase } from '../db/schema.js';

/** The latest published version of procedure `id`, read back through the schema, or undefined. */
async function publishedProcedure(trx: Transaction<HubDatabase>, id: string): Promise<Procedure | undefined> {
  const row = await trx
    .selectFrom('procedures')
    .innerJoin('procedure_versions', (join) =>
      join.onRef('procedure_versions.procedure_id', '=', 'procedures.id').onRef('procedure_versions.version', '=', 'procedures.published_version'),
    )
    .select('procedure_versions.procedure_json')
    .where('procedures.id', '=', id)
    .executeTakeFirst();
  const parsed = row ? procedureSchema.safeParse(JSON.parse(row.procedure_json)) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/** Whether `twin` differs from what the generator makes of `source`, versions aside (see the file's comment). */
function staleAtHub(twin: Procedure, source: Procedure): boolean {
  return isStaleTwin({ ...twin, version: source.version }, source);
}

/**
 * The twin rules' problems of `procedure` (as checked from `text`) about to be published: none
 * unless it is a practice script with `twinOf`.
 */
export async function twinProblemsAtPublication(trx: Transaction<HubDatabase>, procedure: Procedure, text: string): Promise<Problem[]> {
  if (procedure.practice !== true || procedure.twinOf === undefined) return [];
  const source = await publishedProcedure(trx, procedure.twinOf);
  const at = lazySourceMap(text);
  if (!source || source.practice === true) return [at.problemAt(['twinOf'], { code: 'twin-of-missing', params: { id: procedure.twinOf } })];
  if (staleAtHub(procedure, source)) return [at.problemAt(['twinOf'], { code: 'twin-stale', params: { id: source.id, version: source.version } })];
  return [];
}

/**
 * The published practice twins of `source` (just published, with its new version) that no longer
 * match it, by id, in id order. Twins are few (one per procedure at most by id, plus any written
 * by hand), so the published practice scripts are read and filtered here.
 */
export async function twinsLeftStale(trx: Transaction<HubDatabase>, source: Procedure): Promise<string[]> {
  if (source.practice === true) return [];
  const rows = await trx
    .selectFrom('procedures')
    .innerJoin('procedure_versions', (join) =>
      join.onRef('procedure_versions.procedure_id', '=', 'procedures.id').onRef('procedure_versions.version', '=', 'procedures.published_version'),
    )
    .select(['procedures.id', 'procedure_versions.procedure_json'])
    .where('procedures.id', '<>', source.id)
    .orderBy('procedures.id')
    .execute();
  const stale: string[] = [];
  for (const row of rows) {
    // A cheap look before the parse: only practice twins of this source matter.
    if (!row.procedure_json.includes(`"twinOf":${JSON.stringify(source.id)}`)) continue;
    const parsed = procedureSchema.safeParse(JSON.parse(row.procedure_json));
    if (parsed.success && parsed.data.practice === true && parsed.data.twinOf === source.id && staleAtHub(parsed.data, source)) stale.push(row.id);
  }
  return stale;
}
