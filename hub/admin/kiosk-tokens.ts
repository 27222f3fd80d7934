/**
 * Issuing a kiosk a new device token: for a replaced machine, a token that leaked, or a revoked
 * kiosk coming back. The old token stops working at once and its live socket is closed on
 * whichever hub holds it; the new one is shown once and stored only as a hash.
 */
import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../auth/secrets.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { notFound } from '../http/hub-error.js';

/** Replaces a kiosk's device token and returns the new one. */
export async function issueKioskToken(db: Kysely<HubDatabase>, feed: ChangeFeed, kioskId: string, token: string = newToken()) {
  const kiosk = await db.selectFrom('kiosks').select(['id', 'name', 'site_id', 'token_hash']).where('id', '=', kioskId).executeTakeFirst();
  if (!kiosk) throw notFound('This kiosk');
  const change = { siteId: kiosk.site_id, revokedTokenHash: kiosk.token_hash };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kiosks')
      .set({ token_hash: hashToken(token), revoked_at: null })
      .where('id', '=', kioskId)
      .execute();
    await feed.announceInTransaction(trx, change);
  });
  feed.afterCommit(change);
  return { kiosk: { id: kiosk.id, name: kiosk.name }, deviceToken: token };
}
