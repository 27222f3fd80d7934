/**
 * How the workshop commands write: each in one database transaction that announces the
 * workshop changes it made on the change feed (delivered on commit on PostgreSQL, after it on
 * SQLite), so every hub pushes them and nothing is announced that was not stored. A command
 * that refuses (a HubError thrown inside) rolls back whole: nothing stored changes.
 */
import type { Transaction } from 'kysely';
import type { SiteChange } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import type { WriteDependencies } from '../help-queue/call-transactions.js';

/** What a transaction's work returns: its value and the changes to announce. */
export interface Announced<T> {
  value: T;
  changes: SiteChange[];
}

/** Runs `work` in a transaction and announces its changes once committed. */
export async function inWorkshopTransaction<T>(deps: WriteDependencies, work: (trx: Transaction<HubDatabase>) => Promise<Announced<T>>): Promise<T> {
  const { value, changes } = await deps.db.transaction().execute(async (trx) => {
    const result = await work(trx);
    for (const change of result.changes) await deps.feed.announceInTransaction(trx, change);
    return result;
  });
  for (const change of changes) deps.feed.afterCommit(change);
  return value;
}

/** The change that tells a workshop's trainers and participants to look again. */
export function workshopChange(siteId: string, workshopId: string, left: { kioskId: string; seat: number }[] = []): SiteChange {
  return { siteId, workshop: { id: workshopId, ...(left.length > 0 ? { left } : {}) } };
}

/**
 * Whether a database error is a unique constraint refusing a row (two joins taking one seat, two
 * workshops one code): SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Runs `attempt` again (up to `times`) while it loses a race on a unique constraint. */
export async function retryingUniqueRaces<T>(times: number, attempt: (round: number) => Promise<T>): Promise<T> {
  for (let round = 0; ; round += 1) {
    try {
      return await attempt(round);
    } catch (error) {
      if (!isUniqueViolation(error) || round + 1 >= times) throw error;
    }
  }
}
