/**
 * Builds a changed call's view for every volunteer of its site from two queries, however many
 * volunteers are connected: the call with its names, and who it was offered to.
 */
import type { Kysely } from 'kysely';
import type { VolunteerCallView } from '../../core/protocol/http.js';
import type { HubDatabase } from '../db/schema.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { callRow } from './call-rows.js';
import { volunteerCallView } from './views.js';

/** A function giving each volunteer's view of one call, or undefined when the call is gone. */
export async function viewsOfCall(
  db: Kysely<HubDatabase>,
  catalog: ProcedureCatalog,
  callId: string,
): Promise<((volunteerId: string) => VolunteerCallView) | undefined> {
  const row = await callRow(db, callId);
  if (!row) return undefined;
  const offers = await db.selectFrom('call_offers').select('volunteer_id').where('call_id', '=', callId).execute();
  const offered = new Set(offers.map((offer) => offer.volunteer_id));
  return (volunteerId) => volunteerCallView(row, { volunteerId, offeredToMe: offered.has(volunteerId) }, catalog);
}
