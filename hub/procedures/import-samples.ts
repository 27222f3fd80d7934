/**
 * The first start of a hub: the sample scripts in `assets/procedures` and its workshop folder
 * (`assets/procedures/workshop`: practice twins and safety lessons) become version 1 of their
 * procedures, published, so kiosks have something to show before staff write anything. Only when
 * the database has no procedure at all: after that the database is the truth and the folder is
 * not read again. Safe when two hubs start together: the loser's inserts do nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { checkProcedureBytes } from '../../core/procedure/check.js';
import { readDraftFacts } from '../../core/procedure/draft-facts.js';
import { workshopFolderName } from '../../core/procedure/workshop-folder.js';
import type { HubDatabase } from '../db/schema.js';

import { importChangelog } from '../../core/protocol/machine-changelogs.js';

// The changelog line of an imported sample lives with the hub's other changelog lines, which the console words in its language.
export { importChangelog };

/** Imports the folder's scripts if the database has no procedures; returns how many were imported. */
export async function importSampleProcedures(db: Kysely<HubDatabase>, folder: string, now: number, log: (message: string) => void): Promise<number> {
  if (await db.selectFrom('procedures').select('id').limit(1).executeTakeFirst()) return 0;
  let names: string[];
  try {
    names = yamlFilesIn(folder);
  } catch {
    log(`no sample procedures were imported: the folder ${folder} cannot be read`);
    return 0;
  }
  // The workshop folder is optional: a hub set up with a folder of its own scripts may have none.
  try {
    names.push(...yamlFilesIn(path.join(folder, workshopFolderName)).map((name) => path.join(workshopFolderName, name)));
  } catch {
    // No workshop folder: nothing more to import.
  }
  let imported = 0;
  for (const name of names) {
    const bytes = readFileSync(path.join(folder, name));
    const source = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const result = checkProcedureBytes(bytes);
    const id = result.procedure?.id ?? path.basename(name).replace(/\.ya?ml$/, '');
    await db.transaction().execute(async (trx) => {
      if (!result.procedure) {
        // A sample with problems comes in as a draft: staff see it and its problems, kiosks do not.
        log(`the sample ${name} has problems and was imported as a draft: ${result.problems[0]?.message ?? 'unknown problem'}`);
        await trx
          .insertInto('procedures')
          .values({
            id,
            owner_staff_id: null,
            revision: 1,
            draft_source: source,
            draft_problems: JSON.stringify(result.problems),
            draft_saved_at: now,
            draft_saved_by: null,
            published_version: null,
            last_verified: readDraftFacts(source).lastVerified ?? null,
            created_at: now,
            updated_at: now,
            updated_by: null,
          })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute();
        return;
      }
      const procedure = { ...result.procedure, version: 1 };
      await trx
        .insertInto('procedures')
        .values({
          id,
          owner_staff_id: null,
          revision: 1,
          draft_source: null,
          draft_problems: null,
          draft_saved_at: null,
          draft_saved_by: null,
          published_version: 1,
          last_verified: procedure.lastVerified,
          created_at: now,
          updated_at: now,
          updated_by: null,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      await trx
        .insertInto('procedure_versions')
        .values({
          procedure_id: id,
          version: 1,
          source,
          procedure_json: JSON.stringify(procedure),
          changelog: importChangelog,
          published_by: null,
          published_at: now,
          rolled_back_from: null,
        })
        .onConflict((conflict) => conflict.columns(['procedure_id', 'version']).doNothing())
        .execute();
    });
    imported += 1;
  }
  return imported;
}

/** The `.yaml`/`.yml` file names of a folder, sorted; throws when the folder cannot be read. */
function yamlFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}
