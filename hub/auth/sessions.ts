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
import { HubError } from '../http/hub-error.js';
import { hashToken, newToken } from './secrets.js';

/** How long a session lasts. */
export const sessionMs = 12 * 60 * 60_000;

/** Whose sessions: a volunteer's or a member of staff's account. */
export interface SessionSubject {
  role: 'volunteer' | 'staff';
  id: string;
}

/** What a sign-in opens a session for. */
export interface NewSession {
  role: 'volunteer' | 'staff';
  subjectId: string;
  siteId: string | null;
  /**
   * The stored hash of the PIN or password the sign-in just checked. The session opens only if it
   * is still the account's: a sign-in that checked the old PIN while staff set a new one (a
   * 50 ms check) does not come away with a session the reset could not see to end.
   */
  secretHash?: string;
}

/** Opens a session and returns its token (stored only as its hash). */
export async function createSession(db: Kysely<HubDatabase>, session: NewSession, now: number): Promise<string> {
  const token = newToken();
  const row = {
    token_hash: hashToken(token),
    role: session.role,
    subject_id: session.subjectId,
    site_id: session.siteId,
    expires_at: now + sessionMs,
    created_at: now,
  };
  const { secretHash } = session;
  if (secretHash === undefined) {
    await db.insertInto('sessions').values(row).execute();
    return token;
  }
  await db.transaction().execute(async (trx) => {
    // A write to the account's row takes its lock: on PostgreSQL this waits for a PIN reset or a
    // disabling in progress to commit, and then sees the row as it left it (SQLite runs one
    // transaction at a time). The same statement on both, rather than PostgreSQL's FOR UPDATE.
    const unchanged =
      session.role === 'volunteer'
        ? await trx
            .updateTable('volunteers')
            .set({ id: session.subjectId })
            .where('id', '=', session.subjectId)
            .where('pin_hash', '=', secretHash)
            .where('disabled_at', 'is', null)
            .where('deleted_at', 'is', null)
            .executeTakeFirst()
        : await trx
            .updateTable('staff')
            .set({ id: session.subjectId })
            .where('id', '=', session.subjectId)
            .where('password_hash', '=', secretHash)
            .where('disabled_at', 'is', null)
            .where('deleted_at', 'is', null)
            .executeTakeFirst();
    if (Number(unchanged.numUpdatedRows) === 0) throw changedWhileSigningIn();
    await trx.insertInto('sessions').values(row).execute();
  });
  return token;
}

const changedWhileSigningIn = (): HubError =>
  new HubError(401, 'This account changed while you were signing in (a new PIN or password, or it was disabled). Sign in again.', undefined, {
    code: 'wrong-credentials',
  });

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
