/**
 * Staff signing out, and the routes that end accounts' rights: disabling, enabling and deleting
 * volunteers and staff accounts, and setting a staff password. Each is audited with who did it,
 * in the transaction of the change (account-lifecycle.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../core/protocol/staff-console.js';
import { recordAudit } from '../audit/audit-log.js';
import type { AuditSummary } from '../audit/audit-summaries.js';
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
      summary: (account: { name: string; email?: string }) => AuditSummary,
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
        disabled ? { code: 'volunteer-disabled', params: { name } } : { code: 'volunteer-enabled', params: { name } },
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
      audit(request, at, 'volunteer.delete', id, ({ name }) => ({ code: 'volunteer-deleted', params: { name } })),
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
        disabled ? { code: 'staff-disabled', params: { name, email: email ?? '' } } : { code: 'staff-enabled', params: { name, email: email ?? '' } },
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
      audit(request, at, 'staff.delete', id, ({ name, email }) => ({ code: 'staff-deleted', params: { name, email: email ?? '' } })),
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
      audit(request, at, 'staff.password', id, ({ name }) => ({ code: 'staff-password', params: { name } })),
    );
  });
}
