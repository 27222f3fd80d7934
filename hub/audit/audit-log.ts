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
import { englishSummary, type AuditSummary } from './audit-summaries.js';

/** One change to record. */
export interface AuditRecord {
  action: AuditAction;
  targetKind: AuditTargetKind;
  targetId: string;
  /** What was done, by code and params; stored with its English sentence. */
  summary: AuditSummary;
}

/** Records a change made by `staff` at `at`. */
export async function recordAudit(
  db: Kysely<HubDatabase> | Transaction<HubDatabase>,
  staff: StaffPrincipal,
  at: number,
  id: string,
  record: AuditRecord,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id,
      at,
      staff_id: staff.staffId,
      staff_name: staff.name,
      action: record.action,
      target_kind: record.targetKind,
      target_id: record.targetId,
      summary: englishSummary(record.summary).slice(0, 500),
      summary_code: record.summary.code,
      summary_params: 'params' in record.summary ? JSON.stringify(record.summary.params) : null,
    })
    .execute();
}

/**
 * Reads the trail, newest first. A page never ends in the middle of one moment: entries that
 * share the last entry's `at` all come on this page (it may then hold a few more than `limit`),
 * because the next page starts strictly before `nextBefore` and would otherwise skip them.
 */
export async function readAudit(
  db: Kysely<HubDatabase>,
  query: { limit: number; before?: number | undefined; targetKind?: AuditTargetKind | undefined; targetId?: string | undefined },
  procedureTitle: ProcedureTitleOf = () => undefined,
): Promise<{ entries: AuditEntry[]; nextBefore?: number }> {
  const scoped = () => {
    let select = db.selectFrom('audit_log').selectAll();
    if (query.targetKind) select = select.where('target_kind', '=', query.targetKind);
    if (query.targetId) select = select.where('target_id', '=', query.targetId);
    return select;
  };
  const newest = query.before === undefined ? scoped() : scoped().where('at', '<', query.before);
  const rows = await newest
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  if (!last || rows.length <= query.limit) return { entries: await withNames(db, page.flatMap(toEntry), procedureTitle) };
  const sameMoment = await scoped().where('at', '=', last.at).where('id', '<', last.id).orderBy('id', 'desc').execute();
  const older = await scoped().select('id').where('at', '<', last.at).limit(1).executeTakeFirst();
  const entries = await withNames(db, [...page, ...sameMoment].flatMap(toEntry), procedureTitle);
  return older ? { entries, nextBefore: last.at } : { entries };
}

/** A procedure's published title in its languages, when it has one. */
export type ProcedureTitleOf = (id: string) => Readonly<Record<string, string>> | undefined;

/**
 * Adds each entry's record name, read now (a renamed kiosk shows its current name): staff know
 * records by name, never by id. Deleted volunteers and accounts keep their row, so they are still
 * named; a procedure is named by its published title.
 */
async function withNames(db: Kysely<HubDatabase>, entries: AuditEntry[], procedureTitle: ProcedureTitleOf): Promise<AuditEntry[]> {
  const idsOf = (kind: AuditTargetKind): string[] => [...new Set(entries.filter((entry) => entry.targetKind === kind).map((entry) => entry.targetId))];
  const named = async (table: 'sites' | 'kiosks' | 'volunteers' | 'staff', kind: AuditTargetKind): Promise<Map<string, string>> => {
    const ids = idsOf(kind);
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  };
  const names: Record<Exclude<AuditTargetKind, 'procedure'>, Map<string, string>> = {
    site: await named('sites', 'site'),
    kiosk: await named('kiosks', 'kiosk'),
    volunteer: await named('volunteers', 'volunteer'),
    staff: await named('staff', 'staff'),
  };
  return entries.map((entry) => {
    const name = entry.targetKind === 'procedure' ? procedureTitle(entry.targetId) : names[entry.targetKind].get(entry.targetId);
    return name === undefined ? entry : { ...entry, targetName: name };
  });
}

/** One stored row as the contract's entry; a row with an action this hub does not know is left out. */
function toEntry(row: {
  id: string;
  at: number;
  staff_id: string;
  staff_name: string;
  action: string;
  target_kind: string;
  target_id: string;
  summary: string;
  summary_code?: string | null;
  summary_params?: string | null;
}): AuditEntry[] {
  const action = auditActions.find((known) => known === row.action);
  if (!action) return [];
  return [
    {
      id: row.id,
      at: row.at,
      staff: { id: row.staff_id, name: row.staff_name },
      action,
      targetKind: row.target_kind as AuditTargetKind,
      targetId: row.target_id,
      summary: row.summary,
      // Entries written before summaries had codes have none: the console shows their English sentence.
      ...(row.summary_code ? { summaryCode: row.summary_code } : {}),
      ...(row.summary_code && row.summary_params ? { summaryParams: summaryParamsOf(row.summary_params) } : {}),
    },
  ];
}

/** Stored params, read back as the contract's flat record (anything else is dropped rather than failing the page). */
function summaryParamsOf(stored: string): Record<string, string | number> {
  try {
    const value: unknown = JSON.parse(stored);
    if (value === null || typeof value !== 'object') return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
    );
  } catch {
    return {};
  }
}
