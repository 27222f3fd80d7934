import type { WorkshopRefusalCode } from '../../core/protocol/workshop.js';

/**
 * An error a person caused and can fix: it carries the HTTP status and a plain sentence. The
 * error handler turns it into `{ error }`; anything else becomes a 500 that says only that the
 * hub failed, while the details go to the log.
 */
export class HubError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
    /** A stable code and its facts, so a UI can say the same thing in its own language. */
    readonly detail?: (HubErrorDetail & Partial<RefusalWords>) | RefusalWords,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/**
 * Which refusal this is, for the staff console to say in its words (`refusal.<reason>` in
 * staff.json) with `params`, where one `code` covers several sentences (`nothing-to-publish`) or
 * a refusal has no code. The English `error` stays for logs and other clients.
 */
export interface RefusalWords {
  reason: string;
  params?: Record<string, string | number>;
}

/** The stable codes of the refusals UIs translate. */
export type HubErrorDetail =
  | { code: 'call-taken'; by: string }
  | { code: 'already-accepted' | 'already-arrived' | 'call-closed' | 'not-your-call' | 'not-found' | 'wrong-credentials' | 'not-accepted' }
  // A route's role check (http/guards.ts).
  | { code: 'not-signed-in' | 'token-not-valid' | 'wrong-role' }
  | { code: 'account-locked'; minutes: number }
  // Sign-in limits (auth/login-limits.ts): too many sign-ins from one address or for one name;
  // and the password hashing queue full (auth/hashing-gate.ts).
  | { code: 'too-many-sign-ins'; minutes: number }
  | { code: 'sign-ins-busy' }
  // Accounts (auth/login.ts, admin/account-lifecycle.ts): a disabled account signing in; staff
  // disabling or deleting their own account, or acting after theirs was disabled.
  | { code: 'account-disabled' | 'own-account' }
  // The staff console's refusals (core/protocol/staff-console.ts).
  | { code: 'version-conflict'; by: string; at: number; revision: number }
  | { code: 'has-problems'; problems: { line: number; column: number; message: string; code?: string }[] }
  | { code: 'nothing-to-publish' | 'already-exists' }
  // The procedure checker's time budget (procedures/script-checker.ts): nothing was checked or saved.
  | { code: 'check-too-long'; seconds: number }
  // Speech: too many sentences are being rendered; ask again in a moment.
  | { code: 'speech-busy' }
  // Workshops (issue 18; core/protocol/workshop.ts, workshopRefusalCodes).
  | { code: WorkshopRefusalCode }
  // Too many wrong join codes from a kiosk or its site (workshops/join-code-lock.ts): the minutes left.
  | { code: 'join-code-locked'; minutes: number };

/** 404 with a plain message. */
export const notFound = (what: string): HubError => new HubError(404, `${what} was not found`, undefined, { code: 'not-found' });
