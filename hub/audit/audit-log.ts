/**
 * The audit trail: every change staff make (drafts, publications, rollbacks, sites, kiosks,
 * volunteers, accounts) with who, when and what, in plain words. Never a PIN, password or token.
 * Written inside the transaction of the change where there is one, so a change and its entry are
 * stored together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditAction, AuditEntry, AuditTargetKind } from '../../core/protocol/staff-console.js';
import { auditActions } from '../../core/protocol/staff-console.js';
import type { StaffPrincipal } from '../auth/principal.js';
import type { HubDatabase } from '../db/schema.js';

/** One change to record. */
export interface AuditRecord {
  action: AuditAction;
  targetKind: AuditTargetKind;
  targetId: string;
  summary: string;
}

/** Records a change made by `staff` at `at`. */
export async function recordAudit(db: Kysely<HubDatabase> | Transaction<HubDatabase>, staff: StaffPrincipal, at: number, id: string, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id, at, staff_id: staff.staffId, staff_name: staff.name, action: record.action, target_kind: record.targetKind, target_id: record.targetId, summary: record.summary.slice(0, 500) })
    .execute();
}

/** Reads the trail, newest first. */
export async function readAudit(
  db: Kysely<HubDatabase>,
  query: { limit: number; before?: number | undefined; targetKind?: AuditTargetKind | undefined; targetId?: string | undefined },
): Promise<{ entries: AuditEntry[]; nextBefore?: number }> {
  let select = db.selectFrom('audit_log').selectAll();
  if (query.before !== undefined) select = select.where('at', '<', query.before);
  if (query.targetKind) select = select.where('target_kind', '=', query.targetKind);
  if (query.targetId) select = select.where('target_id', '=', query.targetId);
  const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const entries = page.flatMap((row): AuditEntry[] => {
    const action = auditActions.find((known) => known === row.action);
    if (!action) return [];
    return [{ id: row.id, at: row.at, staff: { id: row.staff_id, name: row.staff_name }, action, targetKind: row.target_kind as AuditTargetKind, targetId: row.target_id, summary: row.summary }];
  });
  const last = page[page.length - 1];
  return rows.length > query.limit && last ? { entries, nextBefore: last.at } : { entries };
}
