/**
 * Signing in. Volunteers use their name and PIN for a site; five wrong PINs in a row lock the
 * account for fifteen minutes (a four-digit PIN falls to guessing otherwise). Staff use e-mail
 * and password, and lock the same way. Both get a session token valid for twelve hours.
 *
 * A name or e-mail with no account is answered exactly like a real one: the same words, the same
 * scrypt time (against a hash of nobody's secret) and the same lock after five tries, so neither
 * the answer, nor its time, nor a lock tells an attacker which names exist (account-lock.ts).
 */
import type { Kysely } from 'kysely';
import type { HubDatabase, VolunteersTable } from '../db/schema.js';
import { HubError } from '../http/hub-error.js';
import { judgeAttempt, keyedAttempts, lockMs, maxWrongAttempts, staffAttemptsKey, volunteerAttempts, type AttemptCounter } from './account-lock.js';
import { HashingBusy } from './hashing-gate.js';
import { hashing, verifyNothing, verifySecret } from './secrets.js';
import { createSession } from './sessions.js';

/** An account that just locked, for the audit trail and the hub's log (lock-report.ts). */
export interface LockedAccount {
  kind: 'volunteer' | 'staff';
  /** The account's id; null when the name or e-mail has no account. */
  accountId: string | null;
  /** The name or e-mail that was tried. */
  tried: string;
  siteId: string | null;
  /** When the lock began, and until when it holds. */
  at: number;
  until: number;
}

/** Told once each time an account (or a name with no account) locks. Must not wait on anything. */
export type LockReport = (lock: LockedAccount) => void;

const ignoreLock: LockReport = () => undefined;

/** A volunteer who signed in. */
export interface VolunteerLogin {
  token: string;
  volunteer: { id: string; name: string; languages: string[]; available: boolean };
  site: { id: string; name: string };
}

/** Signs a volunteer in, or explains why not (the same words for an unknown name and a wrong PIN). */
export async function loginVolunteer(
  db: Kysely<HubDatabase>,
  input: { siteId: string; name: string; pin: string },
  now: number,
  report: LockReport = ignoreLock,
): Promise<VolunteerLogin> {
  const site = await db.selectFrom('sites').select(['id', 'name']).where('id', '=', input.siteId).executeTakeFirst();
  if (!site) throw new HubError(404, 'This site does not exist.', 'siteId');
  const candidates = await volunteersOfSite(db, site.id).execute();
  const name = volunteerNameKey(input.name);
  const volunteer = candidates.find((candidate) => volunteerNameKey(candidate.name) === name);
  if (!volunteer) {
    const tried = { kind: 'volunteer' as const, accountId: null, tried: input.name.trim(), siteId: site.id };
    await attempt(
      keyedAttempts(db, `volunteer-name:${site.id}:${name}`),
      () => verifyNothing(input.pin),
      now,
      pinRefusals,
      (at, until) => report({ ...tried, at, until }),
    );
    throw wrongCredentials();
  }
  return checkPinAndSignIn(db, volunteer, site, input.pin, now, report);
}

/** How names are compared: letter case and spaces around do not matter. */
export function volunteerNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('es');
}

/**
 * Signs in the one volunteer a kiosk's call names, by their id (the kiosk's volunteer mode, after
 * they asked from their phone to take control of it): the same PIN check and lock as by name.
 */
export async function loginVolunteerById(
  db: Kysely<HubDatabase>,
  input: { siteId: string; volunteerId: string; pin: string },
  now: number,
  report: LockReport = ignoreLock,
): Promise<VolunteerLogin> {
  const site = await db.selectFrom('sites').select(['id', 'name']).where('id', '=', input.siteId).executeTakeFirst();
  const volunteer = site ? await volunteersOfSite(db, site.id).where('volunteers.id', '=', input.volunteerId).executeTakeFirst() : undefined;
  if (!site || !volunteer) throw wrongCredentials();
  return checkPinAndSignIn(db, volunteer, site, input.pin, now, report);
}

const wrongCredentials = (): HubError => new HubError(401, 'The name or the PIN is not right.', undefined, { code: 'wrong-credentials' });
const minutesText = (minutes: number): string => `${minutes} minute${minutes === 1 ? '' : 's'}`;

/** How a sign-in says no: a wrong secret, or a locked account with its minutes left. */
interface Refusals {
  wrong(): HubError;
  locked(minutes: number): HubError;
}

const pinRefusals: Refusals = {
  wrong: wrongCredentials,
  locked: (minutes) =>
    new HubError(423, `Too many wrong PINs. Try again in ${minutesText(minutes)}, or ask staff to reset your PIN.`, undefined, {
      code: 'account-locked',
      minutes,
    }),
};

const passwordRefusals: Refusals = {
  wrong: () => new HubError(401, 'The e-mail or the password is not right.', undefined, { code: 'wrong-credentials' }),
  locked: (minutes) => new HubError(423, `Too many wrong passwords. Try again in ${minutesText(minutes)}.`, undefined, { code: 'account-locked', minutes }),
};

/**
 * One attempt at a secret: counted first, checked only within the limit, the count cleared by a
 * right secret. Returns when the secret is right; throws the refusal otherwise. `onLock` is told
 * when this attempt is the one that locked the account.
 */
async function attempt(
  counter: AttemptCounter,
  verify: () => Promise<boolean>,
  now: number,
  refusals: Refusals,
  onLock: (at: number, until: number) => void,
): Promise<void> {
  // Refused before it is counted: a hub too busy to check a PIN costs nobody an attempt.
  if (!hashing.hasRoom()) throw busy();
  const counted = await counter.count(now);
  const verdict = judgeAttempt(counted, now);
  if (!verdict.check) {
    if (verdict.lockNow && (await counter.lock(now + lockMs, now))) onLock(now, now + lockMs);
    throw refusals.locked(verdict.minutes);
  }
  let right: boolean;
  try {
    right = await verify();
  } catch (error) {
    if (error instanceof HashingBusy) throw busy();
    throw error;
  }
  if (right) {
    await counter.clear();
    return;
  }
  if (counted.failed < maxWrongAttempts) throw refusals.wrong();
  if (await counter.lock(now + lockMs, now)) onLock(now, now + lockMs);
  throw refusals.locked(lockMs / 60_000);
}

const busy = (): HubError => new HubError(503, new HashingBusy().message, undefined, { code: 'sign-ins-busy' });
const accountDisabled = (): HubError => new HubError(403, 'This account is disabled. Ask staff to enable it.', undefined, { code: 'account-disabled' });

function volunteersOfSite(db: Kysely<HubDatabase>, siteId: string) {
  return db
    .selectFrom('volunteers')
    .innerJoin('volunteer_sites', 'volunteer_sites.volunteer_id', 'volunteers.id')
    .selectAll('volunteers')
    .where('volunteer_sites.site_id', '=', siteId);
}

/** Five wrong PINs in a row lock the account; a right one within them clears the count and opens a session. */
async function checkPinAndSignIn(
  db: Kysely<HubDatabase>,
  volunteer: VolunteersTable,
  site: { id: string; name: string },
  pin: string,
  now: number,
  report: LockReport,
): Promise<VolunteerLogin> {
  await attempt(
    volunteerAttempts(db, volunteer.id),
    () => verifySecret(pin, volunteer.pin_hash),
    now,
    pinRefusals,
    (at, until) => report({ kind: 'volunteer', accountId: volunteer.id, tried: volunteer.name, siteId: site.id, at, until }),
  );
  // Said only after the right PIN, so that guessing learns nothing about the account.
  if (volunteer.disabled_at !== null) throw accountDisabled();
  const token = await createSession(db, { role: 'volunteer', subjectId: volunteer.id, siteId: site.id, secretHash: volunteer.pin_hash }, now);
  return {
    token,
    volunteer: { id: volunteer.id, name: volunteer.name, languages: JSON.parse(volunteer.languages) as string[], available: volunteer.available === 1 },
    site,
  };
}

/**
 * Signs a member of staff in. Every e-mail is counted under `staff:<e-mail>` (staffAttemptsKey), an account or not,
 * so five wrong passwords lock it exactly as they lock a volunteer (thirty used to pass).
 */
export async function loginStaff(db: Kysely<HubDatabase>, input: { email: string; password: string }, now: number, report: LockReport = ignoreLock) {
  const email = input.email.toLowerCase();
  const staff = await db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirst();
  const check = (): Promise<boolean> => (staff ? verifySecret(input.password, staff.password_hash) : verifyNothing(input.password));
  await attempt(keyedAttempts(db, staffAttemptsKey(email)), check, now, passwordRefusals, (at, until) =>
    report({ kind: 'staff', accountId: staff?.id ?? null, tried: email, siteId: null, at, until }),
  );
  if (!staff) throw passwordRefusals.wrong();
  if (staff.disabled_at !== null || staff.deleted_at !== null) throw accountDisabled();
  const token = await createSession(db, { role: 'staff', subjectId: staff.id, siteId: null, secretHash: staff.password_hash }, now);
  return { token, staff: { id: staff.id, email: staff.email, name: staff.name } };
}
