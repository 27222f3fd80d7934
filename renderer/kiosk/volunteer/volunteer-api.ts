/**
 * Volunteer mode at the kiosk's own screen: sign in for the kiosk's site with name and PIN, and
 * close the kiosk's call (accepting it first when nobody has). The token is returned to the
 * caller, which keeps it in memory only. The requests themselves are the volunteer console's.
 */
import { unacceptedStates } from '../../../core/help-call/states.js';
import { fetchCalls, sendCallCommand, signIn, signOut } from '../../volunteer/hub-api/hub-api.js';

/** A volunteer signed in at this kiosk. */
export interface KioskVolunteer {
  token: string;
  name: string;
}

/** Signs in; 'wrong' for a refused name or PIN, undefined when the hub cannot be reached. */
export async function volunteerLogin(siteId: string, name: string, pin: string): Promise<KioskVolunteer | 'wrong' | undefined> {
  const result = await signIn({ siteId, name: name.trim(), pin: pin.trim() });
  if (result.ok) return { token: result.value.token, name: result.value.volunteer.name };
  return result.failure.kind === 'refused' && result.failure.status < 500 ? 'wrong' : undefined;
}

/**
 * Closes the kiosk's call as solved by this volunteer: accepted by them already, or accepted now
 * when nobody has (escalated calls included). False when it could not be done.
 */
export async function closeCallAsVolunteer(token: string, callId: string): Promise<boolean> {
  const calls = await fetchCalls(token);
  const view = calls.ok ? calls.value.calls.find((call) => call.id === callId) : undefined;
  if (view && !view.mine) {
    if (!unacceptedStates.includes(view.state)) return false;
    if (!(await sendCallCommand(token, callId, { action: 'accept' })).ok) return false;
  }
  return (await sendCallCommand(token, callId, { action: 'resolve', outcome: 'solved' })).ok;
}

/** Signs the volunteer out on the hub too, fire and forget: the kiosk drops the token anyway. */
export function volunteerLogout(token: string): void {
  void signOut(token);
}
