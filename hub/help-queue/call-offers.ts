/**
 * Offering a call: who is available at the site (read inside the caller's transaction) through
 * the offer policy (core/help-call/offer-policy.ts), and the offers written for them.
 */
import type { Transaction } from 'kysely';
import { eligibleVolunteers } from '../../core/help-call/offer-policy.js';
import { statesAllowing } from '../../core/help-call/states.js';
import type { HubDatabase } from '../db/schema.js';

/** The volunteers a call at `siteId` in `language` goes to now. */
export async function volunteersToOffer(trx: Transaction<HubDatabase>, siteId: string, language: string): Promise<string[]> {
  const available = await trx
    .selectFrom('volunteers')
    .innerJoin('volunteer_sites', 'volunteer_sites.volunteer_id', 'volunteers.id')
    .select(['volunteers.id', 'volunteers.languages'])
    .where('volunteer_sites.site_id', '=', siteId)
    .where('volunteers.available', '=', 1)
    .execute();
  return eligibleVolunteers(
    available.map((volunteer) => ({ id: volunteer.id, languages: JSON.parse(volunteer.languages) as string[] })),
    language,
  );
}

/** Offers a call to these volunteers (again is harmless) and marks it offered. */
export async function offerCall(trx: Transaction<HubDatabase>, callId: string, volunteerIds: readonly string[], now: number): Promise<void> {
  if (volunteerIds.length === 0) return;
  await trx
    .insertInto('call_offers')
    .values(volunteerIds.map((volunteerId) => ({ call_id: callId, volunteer_id: volunteerId, offered_at: now })))
    .onConflict((conflict) => conflict.columns(['call_id', 'volunteer_id']).doNothing())
    .execute();
  await trx
    .updateTable('calls')
    .set({ state: 'offered', offered_at: now, updated_at: now })
    .where('id', '=', callId)
    .where('state', 'in', statesAllowing('offer'))
    .execute();
}
