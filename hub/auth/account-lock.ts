/**
 * The lock after wrong PINs and passwords, counted in the database so it holds however many
 * requests arrive at once and however many hubs share the database. Each attempt is counted in
 * one statement before its secret is checked (40 guesses at once used to read the same count and
 * add 1); only the first `maxWrong` attempts of a run are checked at all, and a right secret
 * clears the count only when it arrived within them.
 *
 * Volunteers' counts stay on their row (staff see the lock in the console and a new PIN clears
 * it); names with no account and every staff e-mail are counted in `sign_in_attempts`, so an
 * unknown name locks exactly like a real one and the answers never tell them apart.
 */
import { sql, type Kysely } from 'kysely';
import type { HubDatabase } from '../db/schema.js';

/** Wrong secrets allowed in a run before the account locks. */
export const maxWrongAttempts = 5;
/** How long a locked account stays locked. */
export const lockMs = 15 * 60_000;
/** Counts of names nobody tried for this long are forgotten. */
const forgetAfterMs = 24 * 60 * 60_000;

/**
 * How a count locks: `maxWrong` wrong secrets in a run lock it for `lockMs`. A run ends with the
 * lock's end, a right secret (sign-ins), or, when `quietMs` is set, that long without an attempt
 * (the workshop join codes, hub/workshops/join-code-lock.ts: wrong codes typed days apart are a
 * senior's slips, not a sweep).
 */
export interface AttemptRule {
  maxWrong: number;
  lockMs: number;
  quietMs?: number;
}

/** The sign-ins' rule: five wrong PINs or passwords in a row lock for fifteen minutes. */
export const signInRule: AttemptRule = { maxWrong: maxWrongAttempts, lockMs };

/** One account's count of attempts, wherever it is kept. */
export interface AttemptCounter {
  /** Counts one attempt, before its secret is checked: the count including it, and any lock. */
  count(now: number): Promise<{ failed: number; lockedUntil: number | null }>;
  /** Locks the account until `until` if its count is still at the limit and it is not locked yet; true if this call locked it. */
  lock(until: number, now: number): Promise<boolean>;
  /** Clears the count and any lock (a right secret within the limit). */
  clear(): Promise<void>;
}

/** What to do with an attempt, once counted. */
export type AttemptVerdict = { check: true } | { check: false; minutes: number; lockNow: boolean };

/**
 * Whether a counted attempt may have its secret checked: not while the account is locked, and not
 * past the limit (attempts that raced past it before the lock was written). `lockNow` asks for the
 * lock to be written when a run passed the limit without one (the request that should have
 * written it may have died with its hub), so that it ends.
 */
export function judgeAttempt(counted: { failed: number; lockedUntil: number | null }, now: number, rule: AttemptRule = signInRule): AttemptVerdict {
  if (counted.lockedUntil !== null && counted.lockedUntil > now)
    return { check: false, minutes: Math.ceil((counted.lockedUntil - now) / 60_000), lockNow: false };
  if (counted.failed > rule.maxWrong) return { check: false, minutes: rule.lockMs / 60_000, lockNow: true };
  return { check: true };
}

/** The count kept on a volunteer's own row. */
export function volunteerAttempts(db: Kysely<HubDatabase>, volunteerId: string): AttemptCounter {
  return {
    async count(now) {
      // One statement: the row is locked while it runs (PostgreSQL) or the database is (SQLite),
      // so attempts arriving together each get their own number. An expired lock starts a new run.
      const { rows } = await sql<{ failed: number; locked_until: number | null }>`
        UPDATE volunteers SET
          failed_pin_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 1 ELSE failed_pin_attempts + 1 END,
          locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN NULL ELSE locked_until END
        WHERE id = ${volunteerId}
        RETURNING failed_pin_attempts AS failed, locked_until`.execute(db);
      const row = rows[0];
      return { failed: Number(row?.failed ?? maxWrongAttempts + 1), lockedUntil: row?.locked_until ?? null };
    },
    async lock(until, now) {
      const result = await db
        .updateTable('volunteers')
        .set({ locked_until: until })
        .where('id', '=', volunteerId)
        .where('failed_pin_attempts', '>=', maxWrongAttempts)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async clear() {
      await db.updateTable('volunteers').set({ failed_pin_attempts: 0, locked_until: null }).where('id', '=', volunteerId).execute();
    },
  };
}

/** The `sign_in_attempts` key of a staff e-mail (any e-mail tried, an account or not). */
export const staffAttemptsKey = (email: string): string => `staff:${email.toLowerCase()}`;

let lastForgotten = 0;

/** A count in `sign_in_attempts` can also give back one attempt (one that turned out right, or was never checked). */
export interface KeyedAttemptCounter extends AttemptCounter {
  /** Takes one attempt off the count, never below zero; any lock stays. */
  giveBack(): Promise<void>;
}

/**
 * The count kept in `sign_in_attempts` under `key` (a name with no account, a staff e-mail, or a
 * kiosk's or a site's workshop join codes), locking by `rule`.
 */
export function keyedAttempts(db: Kysely<HubDatabase>, key: string, rule: AttemptRule = signInRule): KeyedAttemptCounter {
  return {
    async count(now) {
      await forgetOldCounts(db, now);
      // A run ends with its lock, or after `quietMs` with no attempt (never, without one: -1 is before every attempt).
      const quietBefore = rule.quietMs === undefined ? -1 : now - rule.quietMs;
      const { rows } = await sql<{ failed: number; locked_until: number | null }>`
        INSERT INTO sign_in_attempts (account_key, failed, locked_until, last_attempt_at) VALUES (${key}, 1, NULL, ${now})
        ON CONFLICT (account_key) DO UPDATE SET
          failed = CASE WHEN (sign_in_attempts.locked_until IS NOT NULL AND sign_in_attempts.locked_until <= ${now}) OR sign_in_attempts.last_attempt_at < ${quietBefore} THEN 1 ELSE sign_in_attempts.failed + 1 END,
          locked_until = CASE WHEN sign_in_attempts.locked_until IS NOT NULL AND sign_in_attempts.locked_until <= ${now} THEN NULL ELSE sign_in_attempts.locked_until END,
          last_attempt_at = ${now}
        RETURNING failed, locked_until`.execute(db);
      const row = rows[0];
      return { failed: Number(row?.failed ?? rule.maxWrong + 1), lockedUntil: row?.locked_until ?? null };
    },
    async lock(until, now) {
      const result = await db
        .updateTable('sign_in_attempts')
        .set({ locked_until: until })
        .where('account_key', '=', key)
        .where('failed', '>=', rule.maxWrong)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async clear() {
      await db.deleteFrom('sign_in_attempts').where('account_key', '=', key).execute();
    },
    async giveBack() {
      await db
        .updateTable('sign_in_attempts')
        .set((eb) => ({ failed: eb('failed', '-', 1) }))
        .where('account_key', '=', key)
        .where('failed', '>', 0)
        .execute();
    },
  };
}

/** Names tried once and never again would pile up; at most every ten minutes, old unlocked counts go. */
async function forgetOldCounts(db: Kysely<HubDatabase>, now: number): Promise<void> {
  if (now - lastForgotten < 10 * 60_000) return;
  lastForgotten = now;
  await db
    .deleteFrom('sign_in_attempts')
    .where('last_attempt_at', '<', now - forgetAfterMs)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
