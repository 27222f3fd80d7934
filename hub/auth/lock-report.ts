/**
 * Telling staff that an account is under attack: each time one locks after five wrong PINs or
 * passwords, a warning in the hub's log and, for a real account, an entry in the audit trail
 * (`account.locked`, by "the hub"), which the staff console's audit page shows beside the
 * volunteer's "locked" mark. A name with no account only reaches the log: there is no record to
 * show it on, and a flood of made-up names must not flood the trail.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit-log.js';
import type { HubDatabase } from '../db/schema.js';
import type { LockedAccount, LockReport } from './login.js';
import type { StaffPrincipal } from './principal.js';

/** Who the audit trail names for what the hub did by itself. */
export const hubItself: StaffPrincipal = { role: 'staff', staffId: 'hub', name: 'The hub (sign-in limits)', email: '' };

/** A LockReport that logs through `log` and records real accounts' locks in the audit trail. */
export function lockReport(db: Kysely<HubDatabase>, log: FastifyBaseLogger): LockReport {
  return (lock) => {
    const minutes = Math.round((lock.until - lock.at) / 60_000);
    log.warn(
      { signInLock: { kind: lock.kind, accountId: lock.accountId, siteId: lock.siteId, until: lock.until } },
      `sign-in locked for ${minutes} minutes after ${lock.kind === 'staff' ? 'wrong passwords' : 'wrong PINs'} in a row: ${describe(lock)}`,
    );
    if (lock.accountId === null) return;
    // Not awaited: the answer must not wait on the trail, or a lock would take longer to answer for a real name.
    recordAudit(db, hubItself, lock.at, randomUUID(), {
      action: 'account.locked',
      targetKind: lock.kind,
      targetId: lock.accountId,
      summary: { code: lock.kind === 'staff' ? 'locked-passwords' : 'locked-pins', params: { name: lock.tried, minutes } },
    }).catch((error: unknown) => log.error({ err: error }, 'the audit entry of a sign-in lock could not be written'));
  };
}

function describe(lock: LockedAccount): string {
  const where = lock.siteId ? ` at site ${lock.siteId}` : '';
  return lock.accountId === null ? `"${lock.tried}"${where}, which has no account` : `${lock.kind} ${lock.accountId}${where}`;
}
