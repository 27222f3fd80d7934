/**
 * Role checks for routes: every route names the roles that may call it, and a request without a
 * valid token for one of them is refused before its body is even read (route.ts runs the guard
 * in `onRequest`), so nobody without a token can make the hub parse anything.
 */
import type { Kysely } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, principalForToken } from '../auth/authenticate.js';
import type { KioskPrincipal, Principal, StaffPrincipal, VolunteerPrincipal } from '../auth/principal.js';
import type { HubDatabase } from '../db/schema.js';
import { HubError } from './hub-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Builds `onRequest` hooks that admit only the given role. */
export function roleGuards(db: Kysely<HubDatabase>, now: () => number) {
  const guard = (role: Principal['role']) => async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    // Each refusal has a stable code (core/protocol/http.ts, accessRefusalCodes): a kiosk tells
    // them apart from a wrong PIN or a closed call, and says at once that it is not authorised.
    if (!token) throw new HubError(401, 'Sign in first: this needs an "Authorization: Bearer" token.', undefined, { code: 'not-signed-in' });
    const principal = await principalForToken(db, token, now());
    if (!principal) throw new HubError(401, 'This token is not valid (unknown, revoked or expired). Sign in again.', undefined, { code: 'token-not-valid' });
    if (principal.role !== role) throw new HubError(403, `Only a ${role} can do this.`, undefined, { code: 'wrong-role' });
    request.principal = principal;
  };
  return { kiosk: guard('kiosk'), volunteer: guard('volunteer'), staff: guard('staff') };
}

/** The kiosk making the request (after the kiosk guard). */
export function kioskOf(request: FastifyRequest): KioskPrincipal {
  const principal = request.principal;
  if (principal?.role !== 'kiosk') throw new HubError(403, 'Only a kiosk can do this.');
  return principal;
}

/** The volunteer making the request (after the volunteer guard). */
export function volunteerOf(request: FastifyRequest): VolunteerPrincipal {
  const principal = request.principal;
  if (principal?.role !== 'volunteer') throw new HubError(403, 'Only a volunteer can do this.');
  return principal;
}

/** The member of staff making the request (after the staff guard). */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  const principal = request.principal;
  if (principal?.role !== 'staff') throw new HubError(403, 'Only staff can do this.');
  return principal;
}
