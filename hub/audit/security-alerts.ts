/**
 * The console's "account under attack" notice: the `account.locked` entries the hub wrote in the
 * audit trail (hub/auth/lock-report.ts) in the last 24 hours, each with the account's name. Only
 * real accounts' locks are in the trail, so a made-up name never reaches staff from here.
 */
import type { Kysely } from 'kysely';
import { securityAlertWindowMs, type AccountLock } from '../../core/protocol/staff-console.js';
import type { HubDatabase } from '../db/schema.js';

/** The locks since `now` minus 24 hours, newest first, at most 500 (the notice counts and names a few). */
export async function readSecurityAlerts(db: Kysely<HubDatabase>, now: number): Promise<{ since: number; locks: AccountLock[] }> {
  const since = now - securityAlertWindowMs;
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'target_kind', 'target_id'])
    .where('action', '=', 'account.locked')
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(500)
    .execute();
  const idsOf = (kind: string) => [...new Set(rows.filter((row) => row.target_kind === kind).map((row) => row.target_id))];
  const volunteerIds = idsOf('volunteer');
  const staffIds = idsOf('staff');
  const names = new Map<string, string>();
  if (volunteerIds.length > 0) {
    for (const row of await db.selectFrom('volunteers').select(['id', 'name']).where('id', 'in', volunteerIds).execute())
      names.set(`volunteer:${row.id}`, row.name);
  }
  if (staffIds.length > 0) {
    for (const row of await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', staffIds).execute()) names.set(`staff:${row.id}`, row.name);
  }
  return {
    since,
    locks: rows.flatMap((row) => {
      const kind = row.target_kind === 'staff' ? 'staff' : row.target_kind === 'volunteer' ? 'volunteer' : undefined;
      const name = names.get(`${row.target_kind}:${row.target_id}`);
      // An entry whose account row is gone (never, as deleted accounts keep theirs) is left out rather than shown unnamed.
      return kind && name !== undefined ? [{ at: row.at, kind, accountId: row.target_id, name }] : [];
    }),
  };
}
