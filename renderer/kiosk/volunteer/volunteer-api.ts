/**
 * Volunteer mode at the kiosk's own screen: sign in for the kiosk's site with name and PIN, and
 * close the kiosk's call (accepting it first when nobody has). The token is returned to the
 * caller, which keeps it in memory only.
 */
import { hubRoutes, routeFor, volunteerCallsResponseSchema, volunteerLoginResponseSchema, type VolunteerCallView } from '../../../core/protocol/http.js';

const timeoutMs = 5000;

/** A volunteer signed in at this kiosk. */
export interface KioskVolunteer {
  token: string;
  name: string;
}

async function post(path: string, body: unknown, token?: string): Promise<Response | undefined> {
  try {
    return await fetch(path, {
      method: path === hubRoutes.volunteerAvailability ? 'PUT' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
  } catch {
    return undefined;
  }
}

/** Signs in; 'wrong' for a refused name or PIN, undefined when the hub cannot be reached. */
export async function volunteerLogin(siteId: string, name: string, pin: string): Promise<KioskVolunteer | 'wrong' | undefined> {
  const response = await post(hubRoutes.volunteerLogin, { siteId, name: name.trim(), pin: pin.trim() });
  if (!response) return undefined;
  if (!response.ok) return response.status >= 500 ? undefined : 'wrong';
  const parsed = volunteerLoginResponseSchema.safeParse(await response.json());
  return parsed.success ? { token: parsed.data.token, name: parsed.data.volunteer.name } : undefined;
}

async function callView(token: string, callId: string): Promise<VolunteerCallView | undefined> {
  try {
    const response = await fetch(hubRoutes.volunteerCalls, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    if (!response.ok) return undefined;
    const parsed = volunteerCallsResponseSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.calls.find((call) => call.id === callId) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Closes the kiosk's call as solved by this volunteer: accepted by them already, or accepted now
 * when nobody has (becoming available first if the hub wants it). False when it could not be done.
 */
export async function closeCallAsVolunteer(token: string, callId: string): Promise<boolean> {
  const view = await callView(token, callId);
  if (view && !view.mine) {
    if (view.state !== 'waiting' && view.state !== 'offered') return false;
    let accepted = await post(routeFor(hubRoutes.volunteerAccept, callId), {}, token);
    if (!accepted?.ok) {
      await post(hubRoutes.volunteerAvailability, { available: true }, token);
      accepted = await post(routeFor(hubRoutes.volunteerAccept, callId), {}, token);
    }
    if (!accepted?.ok) return false;
  }
  const resolved = await post(routeFor(hubRoutes.volunteerResolve, callId), { outcome: 'solved' }, token);
  return resolved?.ok === true;
}

/** Signs the volunteer out on the hub too, fire and forget: the kiosk drops the token anyway. */
export function volunteerLogout(token: string): void {
  void post(hubRoutes.volunteerLogout, {}, token);
}
