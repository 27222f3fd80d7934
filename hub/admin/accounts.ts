/**
 * Creating and changing sites, kiosks, volunteers and staff accounts. Used by the staff API and
 * by the demo seed, so both make records the same way.
 */
import type { Kysely } from 'kysely';
import type { CreateKioskRequest, CreateSiteRequest, CreateVolunteerRequest } from '../../core/protocol/http.js';
import { hashSecret, hashToken, newToken } from '../auth/secrets.js';
import { endSessionsOf } from '../auth/sessions.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { HubError, notFound } from '../http/hub-error.js';

/** Turns a name into an id: "Biblioteca Eugenio Trías" → "biblioteca-eugenio-trias". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'item';
}

/** Creates a site. */
export async function createSite(db: Kysely<HubDatabase>, request: CreateSiteRequest, now: number) {
  const id = request.id ?? slugFromName(request.name);
  if (await db.selectFrom('sites').select('id').where('id', '=', id).executeTakeFirst())
    throw new HubError(409, `A site with the id "${id}" already exists.`, 'id', { reason: 'siteExists', params: { id } });
  const site = {
    id,
    name: request.name,
    location: request.location,
    escalation_seconds: request.escalationSeconds,
    in_person_help: request.inPersonHelp,
    created_at: now,
  };
  await db.insertInto('sites').values(site).execute();
  return { id, name: site.name, location: site.location, escalationSeconds: site.escalation_seconds, inPersonHelp: site.in_person_help };
}

/** Creates a kiosk and its device token, which is shown once and stored only as a hash. */
export async function createKiosk(db: Kysely<HubDatabase>, request: CreateKioskRequest, now: number, token: string = newToken()) {
  await requireSite(db, request.siteId);
  const id = request.id ?? `${slugFromName(request.name)}-${now.toString(36)}`;
  if (await db.selectFrom('kiosks').select('id').where('id', '=', id).executeTakeFirst())
    throw new HubError(409, `A kiosk with the id "${id}" already exists.`, 'id', { reason: 'kioskExists', params: { id } });
  await db
    .insertInto('kiosks')
    .values({
      id,
      site_id: request.siteId,
      name: request.name,
      location: request.location,
      token_hash: hashToken(token),
      revoked_at: null,
      last_seen_at: null,
      created_at: now,
    })
    .execute();
  return { kiosk: { id, siteId: request.siteId, name: request.name, location: request.location }, deviceToken: token };
}

/**
 * Revokes a kiosk's device token: it can no longer reach the hub until staff issue a new kiosk,
 * and its live socket is closed on whichever hub holds it.
 */
export async function revokeKiosk(db: Kysely<HubDatabase>, feed: ChangeFeed, kioskId: string, now: number): Promise<void> {
  const kiosk = await db.selectFrom('kiosks').select(['site_id', 'token_hash', 'revoked_at']).where('id', '=', kioskId).executeTakeFirst();
  if (!kiosk) throw notFound('This kiosk');
  if (kiosk.revoked_at !== null) return;
  const change = { siteId: kiosk.site_id, revokedTokenHash: kiosk.token_hash };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('kiosks').set({ revoked_at: now }).where('id', '=', kioskId).execute();
    await feed.announceInTransaction(trx, change);
  });
  feed.afterCommit(change);
}

/** Creates a volunteer for one or more sites; names are unique within a site, since they sign in by name. */
export async function createVolunteer(db: Kysely<HubDatabase>, request: CreateVolunteerRequest, now: number) {
  for (const siteId of request.siteIds) {
    await requireSite(db, siteId);
    await requireUniqueName(db, siteId, request.name);
  }
  const id = request.id ?? `${slugFromName(request.name)}-${now.toString(36)}`;
  if (await db.selectFrom('volunteers').select('id').where('id', '=', id).executeTakeFirst())
    throw new HubError(409, `A volunteer with the id "${id}" already exists.`, 'id', { reason: 'volunteerExists', params: { id } });
  const pinHash = await hashSecret(request.pin);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('volunteers')
      .values({
        id,
        name: request.name,
        pin_hash: pinHash,
        languages: JSON.stringify(request.languages),
        available: 0,
        failed_pin_attempts: 0,
        locked_until: null,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('volunteer_sites')
      .values(request.siteIds.map((siteId) => ({ volunteer_id: id, site_id: siteId })))
      .execute();
  });
  return { id, name: request.name, languages: request.languages, siteIds: request.siteIds };
}

/**
 * Changes a volunteer's languages or sites. Taking a site away ends every session of theirs (a
 * session is for one site, and the rights it was opened with changed); adding one does not.
 */
export async function updateVolunteer(
  db: Kysely<HubDatabase>,
  feed: ChangeFeed,
  volunteerId: string,
  change: { languages?: string[] | undefined; siteIds?: string[] | undefined },
) {
  const volunteer = await db.selectFrom('volunteers').select(['id', 'name']).where('id', '=', volunteerId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!volunteer) throw notFound('This volunteer');
  for (const siteId of change.siteIds ?? []) await requireSite(db, siteId);
  const ended = await db.transaction().execute(async (trx) => {
    if (change.languages)
      await trx
        .updateTable('volunteers')
        .set({ languages: JSON.stringify(change.languages) })
        .where('id', '=', volunteerId)
        .execute();
    if (!change.siteIds) return undefined;
    const before = await trx.selectFrom('volunteer_sites').select('site_id').where('volunteer_id', '=', volunteerId).execute();
    await trx.deleteFrom('volunteer_sites').where('volunteer_id', '=', volunteerId).execute();
    await trx
      .insertInto('volunteer_sites')
      .values(change.siteIds.map((siteId) => ({ volunteer_id: volunteerId, site_id: siteId })))
      .execute();
    const kept = new Set(change.siteIds);
    return before.some((row) => !kept.has(row.site_id)) ? endSessionsOf(trx, feed, { role: 'volunteer', id: volunteerId }) : undefined;
  });
  if (ended) feed.afterCommit(ended);
}

/** Sets a new PIN, unlocks the account and ends every session opened with the old one. */
export async function resetVolunteerPin(db: Kysely<HubDatabase>, feed: ChangeFeed, volunteerId: string, pin: string): Promise<void> {
  const pinHash = await hashSecret(pin);
  const ended = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('volunteers')
      .set({ pin_hash: pinHash, failed_pin_attempts: 0, locked_until: null })
      .where('id', '=', volunteerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('This volunteer');
    return endSessionsOf(trx, feed, { role: 'volunteer', id: volunteerId });
  });
  feed.afterCommit(ended);
}

/** Creates a staff account. */
export async function createStaff(db: Kysely<HubDatabase>, request: { email: string; name: string; password: string }, now: number, id: string) {
  const email = request.email.toLowerCase();
  if (await db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst())
    throw new HubError(409, 'A staff account with this e-mail already exists.', 'email', { reason: 'emailExists' });
  await db
    .insertInto('staff')
    .values({ id, email, name: request.name, password_hash: await hashSecret(request.password), created_at: now })
    .execute();
  return { id, email, name: request.name };
}

async function requireSite(db: Kysely<HubDatabase>, siteId: string): Promise<void> {
  if (!(await db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst()))
    throw new HubError(404, `The site "${siteId}" does not exist.`, 'siteIds', { reason: 'siteMissing' });
}

async function requireUniqueName(db: Kysely<HubDatabase>, siteId: string, name: string): Promise<void> {
  const names = await db
    .selectFrom('volunteers')
    .innerJoin('volunteer_sites', 'volunteer_sites.volunteer_id', 'volunteers.id')
    .select('volunteers.name')
    .where('volunteer_sites.site_id', '=', siteId)
    .execute();
  if (names.some((row) => row.name.toLocaleLowerCase('es') === name.toLocaleLowerCase('es'))) {
    throw new HubError(409, `A volunteer called "${name}" already signs in at "${siteId}"; use a fuller name.`, 'name', {
      reason: 'nameTaken',
      params: { name },
    });
  }
}
