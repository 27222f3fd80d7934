/**
 * The kiosk's HTTP calls to the hub (same origin), with its device token, through the one client
 * (renderer/ui/hub-client.ts). Every answer is checked with the kiosk's light checks
 * (core/protocol/kiosk-answers.ts: the kiosk ships no zod); every failure is a value
 * (`undefined`), so the screens decide what to tell the senior, and a refusal of the device token
 * takes the page to its not-authorised screen. Nothing here ever sends an answer the senior typed.
 */
import { kioskRoutes, volunteerRoutes } from '../../../core/protocol/api-routes.js';
import type { CreateCallRequest, KioskCallView, KioskMeResponse } from '../../../core/protocol/http.js';
import { readCallResponse, readKioskMe } from '../../../core/protocol/kiosk-answers.js';
import { hubClient, refusalCode, type AnswerCheck, type CallOptions, type HubAnswer } from '../../ui/hub-client.js';
import type { ResponseOf } from '../../../core/protocol/api-schemas.js';
import { rememberInPersonPlace, reportHubRefusal } from '../unauthorised/device-access.js';

/**
 * The kiosk's client: its own routes, and the volunteer's two it calls in volunteer mode (closing
 * the call, signing out), never the staff console's table.
 */
export const callKioskHub = hubClient({ ...kioskRoutes, ...volunteerRoutes });
type KioskRouteName = keyof typeof kioskRoutes;

// Two seconds: the help button must say "cannot call now" within 2 s when the hub is gone.
const requestTimeoutMs = 2000;

/**
 * Calls a kiosk route with the device token; the hub's refusal of the token itself is reported
 * to the page (unauthorised/device-access.ts). The whole answer, for callers that tell refusals apart.
 */
export async function kioskCallAnswer<N extends KioskRouteName, T>(
  name: N,
  token: string,
  check: ResponseOf<N> extends T ? AnswerCheck<T> : never,
  options: Omit<CallOptions<N>, 'token'> = {},
): Promise<HubAnswer<T>> {
  const answer = await callKioskHub<N, T>(name, check, { timeoutMs: requestTimeoutMs, ...options, token });
  if (!answer.ok && answer.kind === 'refused') reportHubRefusal({ status: answer.status, code: refusalCode(answer.body) });
  return answer;
}

/** {@link kioskCallAnswer}'s value, or undefined for any failure. */
export async function kioskCall<N extends KioskRouteName, T>(
  name: N,
  token: string,
  check: ResponseOf<N> extends T ? AnswerCheck<T> : never,
  options: Omit<CallOptions<N>, 'token'> = {},
): Promise<T | undefined> {
  const answer = await kioskCallAnswer<N, T>(name, token, check, options);
  return answer.ok ? answer.value : undefined;
}

/** Who this kiosk is, its site (with where to ask in person) and whether the hub runs a demo. */
export async function fetchKioskMe(token: string): Promise<KioskMeResponse | undefined> {
  const me = await kioskCall('kioskMe', token, readKioskMe, { timeoutMs: 10_000 });
  // Kept for the not-authorised screen: once the hub refuses the kiosk, it no longer says it.
  if (me) rememberInPersonPlace(me.site.inPersonHelp);
  return me;
}

/** Asks for a volunteer; the same idempotency key always means the same call. */
export async function createHelpCall(token: string, body: CreateCallRequest): Promise<{ call: KioskCallView | null } | undefined> {
  return kioskCall('kioskCalls', token, readCallResponse, { body });
}

/** Cancels the kiosk's call. */
export async function cancelHelpCall(token: string, callId: string): Promise<{ call: KioskCallView | null } | undefined> {
  return kioskCall('kioskCancelCall', token, readCallResponse, { params: { id: callId } });
}
