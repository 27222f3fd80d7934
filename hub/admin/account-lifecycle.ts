/**
 * Disabling, enabling and deleting volunteers and staff accounts, and setting a staff password.
 * Each change ends every session of the account it concerns in the same transaction (and the
 * feed closes its sockets on every hub: auth/sessions.ts), and writes its audit entry there too.
 *
 * Deleting keeps the row, marked `deleted_at`, with its secret wiped and (for staff) its e-mail
 * freed: help calls, offers, procedures and the audit trail keep naming who it was.
 */
import type { Kysely, Transaction } from 'kysely';
import { staffAttemptsKey } from '../auth/account-lock.js';
import type { StaffPrincipal } from '../auth/principal.js';
import { hashSecret } from '../auth/secrets.js';
import { endSessionsOf } from '../auth/sessions.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { HubError, notFound } from '../http/hub-error.js';

/** Writes the change's audit entry inside its transaction, naming the account as it was. */
export type AuditInTransaction = (trx: Transaction<HubDatabase>, account: { name: string; email?: string }) => Promise<void>;

/** Disables a volunteer (they cannot sign in; their sessions end) or enables them again. */
export async function setVolunteerDisabled(
  db: Kysely<HubDatabase>,
  feed: ChangeFeed,
  volunteerId: string,
  disabled: boolean,
  now: number,
  audit: AuditInTransaction,
): Promise<{ name: string }> {
  const { name, ended } = await db.transaction().execute(async (trx) => {
    const volunteer = await liveVolunteer(trx, volunteerId);
    await trx
      .updateTable('volunteers')
      .set({ disabled_at: disabled ? (volunteer.disabled_at ?? now) : null })
      .where('id', '=', volunteerId)
      .execute();
    await audit(trx, volunteer);
    return { name: volunteer.name, ended: disabled ? await endSessionsOf(trx, feed, { role: 'volunteer', id: volunteerId }) : undefined };
  });
  if (ended) feed.afterCommit(ended);
  return { name };
}

/**
 * Deletes a volunteer: their sessions end, they leave every site (so their name is free there)
 * and their PIN is wiped; the row stays for the help calls they answered.
 */
export async function deleteVolunteer(
  db: Kysely<HubDatabase>,
  feed: ChangeFeed,
  volunteerId: string,
  now: number,
  audit: AuditInTransaction,
): Promise<{ name: string }> {
  const { name, ended } = await db.transaction().execute(async (trx) => {
    const volunteer = await liveVolunteer(trx, volunteerId);
    await trx.deleteFrom('volunteer_sites').where('volunteer_id', '=', volunteerId).execute();
    await trx.updateTable('volunteers').set({ deleted_at: now, pin_hash: '', available: 0 }).where('id', '=', volunteerId).execute();
    await audit(trx, volunteer);
    return { name: volunteer.name, ended: await endSessionsOf(trx, feed, { role: 'volunteer', id: volunteerId }) };
  });
  feed.afterCommit(ended);
  return { name };
}

/**
 * Disables a staff account or enables it again. Nobody disables their own account, and the
 * member of staff doing it must still be active when it commits: so at least one active account
 * always remains, even when two staff disable each other at the same moment.
 */
export async function setStaffDisabled(
  db: Kysely<HubDatabase>,
  feed: ChangeFeed,
  actor: StaffPrincipal,
  staffId: string,
  disabled: boolean,
  now: number,
  audit: AuditInTransaction,
): Promise<{ name: string; email: string }> {
  if (disabled) refuseSelf(actor, staffId, 'disable');
  const { account, ended } = await db.transaction().execute(async (trx) => {
    const account = await lockActorAndTarget(trx, actor, staffId);
    await trx
      .updateTable('staff')
      .set({ disabled_at: disabled ? (account.disabled_at ?? now) : null })
      .where('id', '=', staffId)
      .execute();
    await audit(trx, account);
    return { account, ended: disabled ? await endSessionsOf(trx, feed, { role: 'staff', id: staffId }) : undefined };
  });
  if (ended) feed.afterCommit(ended);
  return { name: account.name, email: account.email };
}

/** Deletes a staff account (never one's own, never the last active one: see {@link setStaffDisabled}). */
export async function deleteStaff(
  db: Kysely<HubDatabase>,
  feed: ChangeFeed,
  actor: StaffPrincipal,
  staffId: string,
  now: number,
  audit: AuditInTransaction,
): Promise<{ name: string; email: string }> {
  refuseSelf(actor, staffId, 'delete');
  const { account, ended } = await db.transaction().execute(async (trx) => {
    const account = await lockActorAndTarget(trx, actor, staffId);
    // The e-mail is freed (a new account may use it again); the name stays for the history.
    await trx
      .updateTable('staff')
      .set({ deleted_at: now, password_hash: '', email: `deleted-${staffId}@deleted.invalid` })
      .where('id', '=', staffId)
      .execute();
    await audit(trx, account);
    return { account, ended: await endSessionsOf(trx, feed, { role: 'staff', id: staffId }) };
  });
  feed.afterCommit(ended);
  return { name: account.name, email: account.email };
}

/**
 * Sets a staff account's password and ends its sessions: all of them, or, when staff change
 * their own, all but the one they are using (`actorToken`).
 */
export async function setStaffPassword(
  db: Kysely<HubDatabase>,
  feed: ChangeFeed,
  actor: StaffPrincipal,
  actorToken: string,
  staffId: string,
  password: string,
  audit: AuditInTransaction,
): Promise<{ name: string }> {
  const passwordHash = await hashSecret(password);
  const { name, ended } = await db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('staff').select(['name', 'email']).where('id', '=', staffId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!account) throw notFound('This staff account');
    await trx.updateTable('staff').set({ password_hash: passwordHash }).where('id', '=', staffId).execute();
    // A new password opens a locked account, as a new PIN does a volunteer's.
    await trx.deleteFrom('sign_in_attempts').where('account_key', '=', staffAttemptsKey(account.email)).execute();
    await audit(trx, account);
    const keep = staffId === actor.staffId ? actorToken : undefined;
    return { name: account.name, ended: await endSessionsOf(trx, feed, { role: 'staff', id: staffId }, keep) };
  });
  feed.afterCommit(ended);
  return { name };
}

async function liveVolunteer(trx: Transaction<HubDatabase>, volunteerId: string) {
  const volunteer = await trx
    .selectFrom('volunteers')
    .select(['name', 'disabled_at'])
    .where('id', '=', volunteerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!volunteer) throw notFound('This volunteer');
  return volunteer;
}

function refuseSelf(actor: StaffPrincipal, staffId: string, what: 'disable' | 'delete'): void {
  if (actor.staffId === staffId)
    throw new HubError(409, `You cannot ${what} your own account; ask another member of staff.`, undefined, { code: 'own-account' });
}

/**
 * Locks the rows of the acting account and of the target, always in the same order (so two
 * transactions locking the same pair wait for each other instead of deadlocking), by writing to
 * them: an UPDATE takes PostgreSQL's row lock on both databases' syntax, where `FOR UPDATE`
 * exists only on PostgreSQL (SQLite runs one transaction at a time anyway). Then reads them
 * fresh: a change another transaction committed while this one waited is seen.
 */
async function lockActorAndTarget(trx: Transaction<HubDatabase>, actor: StaffPrincipal, staffId: string) {
  for (const id of [actor.staffId, staffId].sort()) await trx.updateTable('staff').set({ id }).where('id', '=', id).execute();
  const rows = await trx.selectFrom('staff').select(['id', 'name', 'email', 'disabled_at', 'deleted_at']).where('id', 'in', [actor.staffId, staffId]).execute();
  const me = rows.find((row) => row.id === actor.staffId);
  if (!me || me.disabled_at !== null || me.deleted_at !== null)
    throw new HubError(409, 'Your own account was disabled or deleted meanwhile, so this was not done.', undefined, {
      code: 'own-account',
      reason: 'ownAccountGone',
    });
  const account = rows.find((row) => row.id === staffId);
  if (!account || account.deleted_at !== null) throw notFound('This staff account');
  return account;
}
