/**
 * Sessions: opening one at sign-in, ending one (signing out), ending every session of one
 * account when its rights change (a new PIN or password, a site taken away, the account disabled
 * or deleted), and deleting the ones that expired. Each ending is announced on the change feed in
 * the transaction that deletes the rows, so every hub sharing the database closes the sockets
 * that were opened with those tokens (hub/realtime/token-checks.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { allSites, type ChangeFeed, type SiteChange } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { hashToken, newToken } from './secrets.js';

/** How long a session lasts. */
export const sessionMs = 12 * 60 * 60_000;

/** Whose sessions: a volunteer's or a member of staff's account. */
export interface SessionSubject {
  role: 'volunteer' | 'staff';
  id: string;
}

/** Opens a session and returns its token (stored only as its hash). */
export async function createSession(
  db: Kysely<HubDatabase>,
  session: { role: 'volunteer' | 'staff'; subjectId: string; siteId: string | null },
  now: number,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      role: session.role,
      subject_id: session.subjectId,
      site_id: session.siteId,
      expires_at: now + sessionMs,
      created_at: now,
    })
    .execute();
  return token;
}

/** Ends the session of a token, announcing it so live sockets opened with it are closed too. */
export async function logout(db: Kysely<HubDatabase>, feed: ChangeFeed, token: string, siteId: string | null): Promise<void> {
  // A staff session has no site; its sockets are looked for among staff (realtime/token-checks.ts).
  const change: SiteChange = { siteId: siteId ?? allSites, revokedTokenHash: hashToken(token) };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
    await feed.announceInTransaction(trx, change);
  });
  feed.afterCommit(change);
}

/**
 * Ends every session of one account inside the transaction that changes its rights, and
 * announces it there. Returns the change, for `feed.afterCommit` once the transaction committed.
 * `keepToken`: the one session that stays (staff changing their own password stay signed in
 * where they did it; every other session of theirs ends).
 */
export async function endSessionsOf(trx: Transaction<HubDatabase>, feed: ChangeFeed, subject: SessionSubject, keepToken?: string): Promise<SiteChange> {
  const keepHash = keepToken === undefined ? undefined : hashToken(keepToken);
  let query = trx.deleteFrom('sessions').where('role', '=', subject.role).where('subject_id', '=', subject.id);
  if (keepHash !== undefined) query = query.where('token_hash', '<>', keepHash);
  await query.execute();
  // A volunteer without a session cannot answer calls: stop offering them any.
  if (subject.role === 'volunteer') await trx.updateTable('volunteers').set({ available: 0 }).where('id', '=', subject.id).execute();
  const change: SiteChange = { siteId: allSites, revokedSubject: { ...subject, ...(keepHash === undefined ? {} : { keepTokenHash: keepHash }) } };
  await feed.announceInTransaction(trx, change);
  return change;
}

/** Deletes the sessions that expired (the hub's periodic sweep); returns how many. */
export async function deleteExpiredSessions(db: Kysely<HubDatabase>, now: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
