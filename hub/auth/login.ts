/**
 * Signing in. Volunteers use their name and PIN for a site; five wrong PINs in a row lock the
 * account for fifteen minutes (a four-digit PIN falls to guessing otherwise). Staff use e-mail
 * and password. Both get a session token valid for twelve hours.
 */
import type { Kysely } from 'kysely';
import type { HubDatabase, VolunteersTable } from '../db/schema.js';
import { HubError } from '../http/hub-error.js';
import { verifySecret } from './secrets.js';
import { createSession } from './sessions.js';

/** Wrong PINs allowed in a row before the account locks. */
export const maxWrongPins = 5;
/** How long a locked account stays locked. */
export const pinLockMs = 15 * 60_000;

/** A volunteer who signed in. */
export interface VolunteerLogin {
  token: string;
  volunteer: { id: string; name: string; languages: string[]; available: boolean };
  site: { id: string; name: string };
}

/** Signs a volunteer in, or explains why not (the same words for an unknown name and a wrong PIN). */
export async function loginVolunteer(db: Kysely<HubDatabase>, input: { siteId: string; name: string; pin: string }, now: number): Promise<VolunteerLogin> {
  const site = await db.selectFrom('sites').select(['id', 'name']).where('id', '=', input.siteId).executeTakeFirst();
  if (!site) throw new HubError(404, 'This site does not exist.', 'siteId');
  const candidates = await volunteersOfSite(db, site.id).execute();
  const volunteer = candidates.find((candidate) => candidate.name.toLocaleLowerCase('es') === input.name.trim().toLocaleLowerCase('es'));
  if (!volunteer) throw wrongCredentials();
  return checkPinAndSignIn(db, volunteer, site, input.pin, now);
}

/**
 * Signs in the one volunteer a kiosk's call names, by their id (the kiosk's volunteer mode, after
 * they asked from their phone to take control of it): the same PIN check and lock as by name.
 */
export async function loginVolunteerById(
  db: Kysely<HubDatabase>,
  input: { siteId: string; volunteerId: string; pin: string },
  now: number,
): Promise<VolunteerLogin> {
  const site = await db.selectFrom('sites').select(['id', 'name']).where('id', '=', input.siteId).executeTakeFirst();
  const volunteer = site ? await volunteersOfSite(db, site.id).where('volunteers.id', '=', input.volunteerId).executeTakeFirst() : undefined;
  if (!site || !volunteer) throw wrongCredentials();
  return checkPinAndSignIn(db, volunteer, site, input.pin, now);
}

const wrongCredentials = (): HubError => new HubError(401, 'The name or the PIN is not right.', undefined, { code: 'wrong-credentials' });
const accountDisabled = (): HubError => new HubError(403, 'This account is disabled. Ask staff to enable it.', undefined, { code: 'account-disabled' });

function volunteersOfSite(db: Kysely<HubDatabase>, siteId: string) {
  return db
    .selectFrom('volunteers')
    .innerJoin('volunteer_sites', 'volunteer_sites.volunteer_id', 'volunteers.id')
    .selectAll('volunteers')
    .where('volunteer_sites.site_id', '=', siteId);
}

/** Five wrong PINs in a row lock the account; a right one clears the count and opens a session. */
async function checkPinAndSignIn(
  db: Kysely<HubDatabase>,
  volunteer: VolunteersTable,
  site: { id: string; name: string },
  pin: string,
  now: number,
): Promise<VolunteerLogin> {
  if (volunteer.locked_until !== null && volunteer.locked_until > now) {
    const minutes = Math.ceil((volunteer.locked_until - now) / 60_000);
    throw new HubError(423, `Too many wrong PINs. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask staff to reset your PIN.`, undefined, {
      code: 'account-locked',
      minutes,
    });
  }
  if (!(await verifySecret(pin, volunteer.pin_hash))) {
    const attempts = volunteer.failed_pin_attempts + 1;
    const locks = attempts >= maxWrongPins;
    await db
      .updateTable('volunteers')
      .set({ failed_pin_attempts: locks ? 0 : attempts, locked_until: locks ? now + pinLockMs : volunteer.locked_until })
      .where('id', '=', volunteer.id)
      .execute();
    if (locks)
      throw new HubError(423, 'Too many wrong PINs. Try again in 15 minutes, or ask staff to reset your PIN.', undefined, {
        code: 'account-locked',
        minutes: pinLockMs / 60_000,
      });
    throw wrongCredentials();
  }
  await db.updateTable('volunteers').set({ failed_pin_attempts: 0, locked_until: null }).where('id', '=', volunteer.id).execute();
  // Said only after the right PIN, so that guessing learns nothing about the account.
  if (volunteer.disabled_at !== null) throw accountDisabled();
  const token = await createSession(db, { role: 'volunteer', subjectId: volunteer.id, siteId: site.id, secretHash: volunteer.pin_hash }, now);
  return {
    token,
    volunteer: { id: volunteer.id, name: volunteer.name, languages: JSON.parse(volunteer.languages) as string[], available: volunteer.available === 1 },
    site,
  };
}

/** Signs a member of staff in. */
export async function loginStaff(db: Kysely<HubDatabase>, input: { email: string; password: string }, now: number) {
  const staff = await db.selectFrom('staff').selectAll().where('email', '=', input.email.toLowerCase()).executeTakeFirst();
  if (!staff || !(await verifySecret(input.password, staff.password_hash)))
    throw new HubError(401, 'The e-mail or the password is not right.', undefined, { code: 'wrong-credentials' });
  if (staff.disabled_at !== null || staff.deleted_at !== null) throw accountDisabled();
  const token = await createSession(db, { role: 'staff', subjectId: staff.id, siteId: null, secretHash: staff.password_hash }, now);
  return { token, staff: { id: staff.id, email: staff.email, name: staff.name } };
}
