/**
 * Turns a bearer token into the principal it belongs to: a kiosk's device token, or the session
 * token of a signed-in volunteer or member of staff. Only hashes of tokens are stored.
 */
import type { Kysely } from 'kysely';
import { tokenSchema } from '../../core/protocol/common.js';
import type { HubDatabase } from '../db/schema.js';
import type { Principal } from './principal.js';
import { hashToken } from './secrets.js';

/** Finds who a token belongs to, or undefined for an unknown, revoked or expired token. */
export async function principalForToken(db: Kysely<HubDatabase>, token: string, now: number): Promise<Principal | undefined> {
  if (!tokenSchema.safeParse(token).success) return undefined;
  const hash = hashToken(token);
  const kiosk = await db.selectFrom('kiosks').select(['id', 'site_id', 'name', 'revoked_at']).where('token_hash', '=', hash).executeTakeFirst();
  if (kiosk) return kiosk.revoked_at === null ? { role: 'kiosk', kioskId: kiosk.id, siteId: kiosk.site_id, name: kiosk.name } : undefined;

  const session = await db.selectFrom('sessions').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!session) return undefined;
  if (session.expires_at <= now) {
    // An expired session is deleted when it is seen, not only by the periodic sweep.
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return undefined;
  }
  // Rights changes end the sessions they concern (sessions.ts); the account and site are checked
  // here again so that a session that slipped past (a sign-in racing a change) admits nobody.
  if (session.role === 'volunteer') {
    const volunteer = await db
      .selectFrom('volunteers')
      .innerJoin('volunteer_sites', 'volunteer_sites.volunteer_id', 'volunteers.id')
      .select(['volunteers.id', 'volunteers.name', 'volunteers.languages'])
      .where('volunteers.id', '=', session.subject_id)
      .where('volunteer_sites.site_id', '=', session.site_id ?? '')
      .where('volunteers.disabled_at', 'is', null)
      .where('volunteers.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!volunteer || !session.site_id) return undefined;
    return {
      role: 'volunteer',
      volunteerId: volunteer.id,
      siteId: session.site_id,
      name: volunteer.name,
      languages: JSON.parse(volunteer.languages) as string[],
    };
  }
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'name', 'email'])
    .where('id', '=', session.subject_id)
    .where('disabled_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return staff ? { role: 'staff', staffId: staff.id, name: staff.name, email: staff.email } : undefined;
}

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match?.[1];
}

/**
 * Which of these tokens still admit someone, in two queries however many there are (the
 * realtime endpoint checks every connected client now and then; one query per client would
 * stall a SQLite hub for the whole loop).
 */
export async function tokensStillValid(db: Kysely<HubDatabase>, tokens: readonly string[], now: number): Promise<Set<string>> {
  const hashes = new Map(tokens.map((token) => [hashToken(token), token]));
  const valid = new Set<string>();
  if (hashes.size === 0) return valid;
  const keys = [...hashes.keys()];
  for (let start = 0; start < keys.length; start += 500) {
    const batch = keys.slice(start, start + 500);
    const kiosks = await db.selectFrom('kiosks').select('token_hash').where('token_hash', 'in', batch).where('revoked_at', 'is', null).execute();
    const sessions = await db.selectFrom('sessions').select('token_hash').where('token_hash', 'in', batch).where('expires_at', '>', now).execute();
    for (const row of [...kiosks, ...sessions]) valid.add(hashes.get(row.token_hash) ?? '');
  }
  return valid;
}
