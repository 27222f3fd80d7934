/**
 * Reading calls with what their views need (kiosk name, volunteer name), so the queue service
 * and the realtime pushes build views from one query per site.
 */
import type { Kysely } from 'kysely';
import { activeStates } from '../../core/help-call/states.js';
import type { CallsTable, HubDatabase } from '../db/schema.js';

/** A call with the names its views show. */
export type CallRow = CallsTable & { kiosk_name: string; kiosk_location: string; volunteer_name: string | null };

/** How long a closed call stays in views, so screens can show "resolved" or "taken" before it goes. */
export const recentlyClosedMs = 60_000;

/** The active calls of a site, and those closed in the last minute, oldest first. */
export async function siteCallRows(db: Kysely<HubDatabase>, siteId: string, now: number): Promise<CallRow[]> {
  // Two indexed queries rather than one with OR, which would read the site's whole history.
  const active = await callRowsQuery(db).where('calls.site_id', '=', siteId).where('calls.state', 'in', activeStates).execute();
  const recent = await callRowsQuery(db)
    .where('calls.site_id', '=', siteId)
    .where('calls.updated_at', '>', now - recentlyClosedMs)
    .execute();
  const byId = new Map([...active, ...recent].map((row) => [row.id, row]));
  return [...byId.values()].sort((a, b) => a.created_at - b.created_at || a.id.localeCompare(b.id));
}

/** One call by id. */
export async function callRow(db: Kysely<HubDatabase>, callId: string): Promise<CallRow | undefined> {
  return callRowsQuery(db).where('calls.id', '=', callId).executeTakeFirst();
}

function callRowsQuery(db: Kysely<HubDatabase>) {
  return db
    .selectFrom('calls')
    .innerJoin('kiosks', 'kiosks.id', 'calls.kiosk_id')
    .leftJoin('volunteers', 'volunteers.id', 'calls.volunteer_id')
    .selectAll('calls')
    .select(['kiosks.name as kiosk_name', 'kiosks.location as kiosk_location', 'volunteers.name as volunteer_name']);
}
