/**
 * Staff signing out, and the routes that end accounts' rights: disabling, enabling and deleting
 * volunteers and staff accounts, and setting a staff password. Each is audited with who did it,
 * in the transaction of the change (account-lifecycle.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../core/protocol/staff-console.js';
import { recordAudit } from '../audit/audit-log.js';
import { bearerToken } from '../auth/authenticate.js';
import { logout } from '../auth/sessions.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { staffOf } from '../http/guards.js';
import { route, type Guards } from '../http/route.js';
import { deleteStaff, deleteVolunteer, setStaffDisabled, setStaffPassword, setVolunteerDisabled, type AuditInTransaction } from './account-lifecycle.js';

/** Dependencies of the account routes. */
export interface AccountRouteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  guards: Guards;
  now: () => number;
  newId: () => string;
}

/** Registers the routes. */
export function setupAccountRoutes(app: FastifyInstance, deps: AccountRouteDependencies): void {
  const { db, feed, guards, now } = deps;
  /** The audit entry of one change, written in its transaction; `summary` gets the account as it was. */
  const audit =
    (
      request: FastifyRequest,
      at: number,
      action: AuditAction,
      targetId: string,
      summary: (account: { name: string; email?: string }) => string,
    ): AuditInTransaction =>
    (trx, account) =>
      recordAudit(trx, staffOf(request), at, deps.newId(), {
        action,
        targetKind: action.startsWith('staff.') ? 'staff' : 'volunteer',
        targetId,
        summary: summary(account),
      });
  const tokenOf = (request: FastifyRequest): string => bearerToken(request.headers.authorization) ?? '';

  route(app, guards, 'staffLogout', async ({ request }) => {
    await logout(db, feed, tokenOf(request), null);
  });

  route(app, guards, 'staffVolunteerDisabled', async ({ request, params: { id }, body: { disabled } }) => {
    const at = now();
    await setVolunteerDisabled(
      db,
      feed,
      id,
      disabled,
      at,
      audit(request, at, disabled ? 'volunteer.disable' : 'volunteer.enable', id, ({ name }) =>
        disabled ? `Disabled the volunteer ${name} and ended their sessions.` : `Enabled the volunteer ${name} again.`,
      ),
    );
  });

  route(app, guards, 'staffDeleteVolunteer', async ({ request, params: { id } }) => {
    const at = now();
    await deleteVolunteer(
      db,
      feed,
      id,
      at,
      audit(request, at, 'volunteer.delete', id, ({ name }) => `Deleted the volunteer ${name}; the help calls they answered keep their name.`),
    );
  });

  route(app, guards, 'staffAccountDisabled', async ({ request, params: { id }, body: { disabled } }) => {
    const at = now();
    await setStaffDisabled(
      db,
      feed,
      staffOf(request),
      id,
      disabled,
      at,
      audit(request, at, disabled ? 'staff.disable' : 'staff.enable', id, ({ name, email }) =>
        disabled ? `Disabled the staff account ${name} <${email}> and ended its sessions.` : `Enabled the staff account ${name} <${email}> again.`,
      ),
    );
  });

  route(app, guards, 'staffDeleteAccount', async ({ request, params: { id } }) => {
    const at = now();
    await deleteStaff(
      db,
      feed,
      staffOf(request),
      id,
      at,
      audit(request, at, 'staff.delete', id, ({ name, email }) => `Deleted the staff account ${name} <${email}>; what they did stays in the history.`),
    );
  });

  route(app, guards, 'staffAccountPassword', async ({ request, params: { id }, body: { password } }) => {
    const at = now();
    await setStaffPassword(
      db,
      feed,
      staffOf(request),
      tokenOf(request),
      id,
      password,
      audit(request, at, 'staff.password', id, ({ name }) => `Set a new password for ${name} and ended their other sessions.`),
    );
  });
}
