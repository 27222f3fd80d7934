/**
 * Volunteer mode at the kiosk's own screen. Its only way in: the volunteer who holds the kiosk's
 * call asks from their phone ("Tomar el control del quiosco"), the hub tells this kiosk, and the
 * kiosk sends the PIN typed here with its device token (`POST /api/kiosk/calls/:id/volunteer`);
 * the hub checks it against that volunteer alone and answers with their session. The token is
 * returned to the caller, which keeps it in memory only, to close the call and to sign out.
 *
 * Plain requests, their few answers checked by hand: a senior's kiosk loads no zod (issue 13).
 */
import { refusalCode } from '../../ui/hub-client.js';
import { callKioskHub as callHub } from '../hub-api/kiosk-api.js';
import { reportHubRefusal } from '../unauthorised/device-access.js';

/** A volunteer signed in at this kiosk, for the call they hold. */
export interface KioskVolunteer {
  token: string;
  /** Their first name, as the kiosk shows it. */
  name: string;
  /** The call they hold, which they took control of the kiosk for. */
  callId: string;
}

/** Why the PIN did not open volunteer mode. */
export type PinRefusal =
  /** Not this volunteer's PIN. */
  | { kind: 'wrong' }
  /** Too many wrong PINs: locked for some minutes (or until staff set a new PIN). */
  | { kind: 'locked'; minutes: number }
  /** The call was closed, or is no longer theirs: nothing to take control for. */
  | { kind: 'call-gone' }
  /** No answer, or one that makes no sense: try again. */
  | { kind: 'unreachable' };

const requestTimeoutMs = 10_000;
const tokenPattern = /^[A-Za-z0-9_-]{32,128}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The sign-in answer, checked by hand: the volunteer's token and first name. */
function readSignIn(body: unknown): { token: string; volunteer: { name: string } } | undefined {
  if (!isRecord(body)) return undefined;
  const volunteer = isRecord(body['volunteer']) ? body['volunteer'] : {};
  const token = body['token'];
  const name = volunteer['name'];
  return typeof token === 'string' && tokenPattern.test(token) && typeof name === 'string' ? { token, volunteer: { name } } : undefined;
}

/** Any answer at all: closing and signing out only need to know that the hub said yes. */
const anyAnswer = (body: unknown): unknown => body ?? null;

/**
 * Sends the PIN for the volunteer who holds `callId`, with the kiosk's device token. The hub's
 * refusals come back as values; a refusal of the device token itself also goes to the page's
 * not-authorised screen (unauthorised/device-access.ts).
 */
export async function signInHolder(deviceToken: string, callId: string, pin: string): Promise<KioskVolunteer | PinRefusal> {
  const answer = await callHub('kioskVolunteerSignIn', readSignIn, { token: deviceToken, params: { id: callId }, body: { pin }, timeoutMs: requestTimeoutMs });
  if (answer.ok) return answer.status === 200 ? { token: answer.value.token, name: answer.value.volunteer.name, callId } : { kind: 'unreachable' };
  if (answer.kind === 'network') return { kind: 'unreachable' };
  const body = isRecord(answer.body) ? answer.body : {};
  const code = refusalCode(body);
  reportHubRefusal({ status: answer.status, code });
  if (code === 'wrong-credentials') return { kind: 'wrong' };
  // The hub's sign-in limits (too many PINs from this kiosk's network, or for this call) read as a lock.
  if (code === 'account-locked' || code === 'too-many-sign-ins') return { kind: 'locked', minutes: typeof body['minutes'] === 'number' ? body['minutes'] : 15 };
  if (code === 'call-closed' || code === 'not-accepted' || code === 'not-found') return { kind: 'call-gone' };
  // A 400 here would be a PIN the field let through; say it is not right rather than "no connection".
  return answer.status === 400 ? { kind: 'wrong' } : { kind: 'unreachable' };
}

/** Closes the call as solved by the volunteer who holds it. False when it could not be done. */
export async function closeCallAsVolunteer(volunteer: KioskVolunteer): Promise<boolean> {
  const answer = await callHub('volunteerResolve', anyAnswer, {
    token: volunteer.token,
    params: { id: volunteer.callId },
    body: { outcome: 'solved' },
    timeoutMs: requestTimeoutMs,
  });
  return answer.ok && answer.status === 200;
}

/** Signs the volunteer out on the hub too, fire and forget: the kiosk drops the token anyway. */
export function volunteerLogout(token: string): void {
  void callHub('volunteerLogout', anyAnswer, { token, timeoutMs: requestTimeoutMs });
}
