/**
 * The staff console's "practice twin": from a procedure's latest published version, the hub makes
 * its practice twin (core/procedure/practice-twin.ts) and creates it as a new procedure whose first
 * draft is the twin's YAML, as `npm run procedures:twins` would write it. Staff then read it,
 * publish it, or throw it away like any other draft; nothing reaches a kiosk before that.
 */
import { renderMessage } from '../../core/procedure/messages/catalog.js';
import { makePracticeTwin, practiceTwinId } from '../../core/procedure/practice-twin.js';
import { procedureSchema } from '../../core/procedure/schema.js';
import { practiceTwinYaml } from '../../core/procedure/twin-yaml.js';
import type { StaffPrincipal } from '../auth/principal.js';
import { HubError, notFound } from '../http/hub-error.js';
import { createProcedure, type PublishingContext, type SavedDraft } from './publishing.js';

/** Reasons (staff.json `refusal.<reason>`) for a twin the generator cannot make, by checker code. */
const refusalReasons = {
  'twin-of-practice': 'twinOfPractice',
  'twin-id-too-long': 'twinIdTooLong',
  'twin-no-practice-value': 'twinNoPracticeValue',
} as const;

/** Creates the practice twin of procedure `id` as a new draft procedure (`practica-<id>`). */
export async function createPracticeTwinDraft(context: PublishingContext, staff: StaffPrincipal, id: string): Promise<SavedDraft> {
  const row = await context.db.selectFrom('procedures').select(['id', 'published_version']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`The procedure "${id}"`);
  if (row.published_version === null) {
    throw new HubError(409, `The procedure "${id}" has no published version yet; publish it before making its practice twin.`, undefined, {
      reason: 'twinNeedsPublished',
      params: { id },
    });
  }
  const version = await context.db
    .selectFrom('procedure_versions')
    .select('procedure_json')
    .where('procedure_id', '=', id)
    .where('version', '=', row.published_version)
    .executeTakeFirst();
  // What was stored was checked when it was published; read again through the schema all the same.
  const parsed = version ? procedureSchema.safeParse(JSON.parse(version.procedure_json)) : undefined;
  if (!parsed?.success) throw notFound(`The published version of "${id}"`);
  const made = makePracticeTwin(parsed.data);
  if (!made.ok) {
    const params = Object.fromEntries(Object.entries(made.refusal.params).map(([key, value]) => [key, typeof value === 'object' ? '' : value]));
    throw new HubError(422, renderMessage('en', made.refusal.code, made.refusal.params), undefined, { reason: refusalReasons[made.refusal.code], params });
  }
  return createProcedure(context, staff, { id: practiceTwinId(id), source: practiceTwinYaml(made.twin, `../${id}.yaml`) });
}
