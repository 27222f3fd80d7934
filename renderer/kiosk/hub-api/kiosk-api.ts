/**
 * The kiosk's HTTP calls to the hub (same origin), with its device token. Every answer is checked
 * against the hub's contract with the kiosk's light checks (core/protocol/kiosk-answers.ts: the
 * kiosk ships no zod); every failure is a value (`undefined`), so the screens decide what to tell
 * the senior. Nothing here ever sends an answer the senior typed.
 */
import { readPublishedProcedure } from '../../../core/procedure/light-procedure.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import type { CreateCallRequest, KioskCallView, KioskMeResponse } from '../../../core/protocol/http.js';
import { readCallResponse, readKioskMe, readProceduresResponse } from '../../../core/protocol/kiosk-answers.js';
import { hubRoutes, routeFor } from '../../../core/protocol/routes.js';
import { rememberInPersonPlace, reportRefusedResponse } from '../unauthorised/device-access.js';

// Two seconds: the help button must say "cannot call now" within 2 s when the hub is gone.
const requestTimeoutMs = 2000;

async function request<T>(
  token: string,
  method: 'GET' | 'POST',
  path: string,
  read: (value: unknown) => T | undefined,
  body?: unknown,
  timeoutMs = requestTimeoutMs,
): Promise<T | undefined> {
  try {
    const response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    if (!response.ok) {
      // A refused device token takes the kiosk to its not-authorised screen at once.
      await reportRefusedResponse(response);
      return undefined;
    }
    return read(await response.json());
  } catch {
    return undefined;
  }
}

/** Who this kiosk is, its site (with where to ask in person) and whether the hub runs a demo. */
export async function fetchKioskMe(token: string): Promise<KioskMeResponse | undefined> {
  const me = await request(token, 'GET', hubRoutes.kioskMe, readKioskMe, undefined, 10_000);
  // Kept for the not-authorised screen: once the hub refuses the kiosk, it no longer says it.
  if (me) rememberInPersonPlace(me.site.inPersonHelp);
  return me;
}

/** The published procedures; each is checked again here, and one that does not fit is left out. */
export async function fetchProcedures(token: string): Promise<Procedure[] | undefined> {
  const response = await request(token, 'GET', hubRoutes.procedures, readProceduresResponse, undefined, 10_000);
  if (!response) return undefined;
  return response.procedures.flatMap((raw) => readPublishedProcedure(raw) ?? []);
}

/** Asks for a volunteer; the same idempotency key always means the same call. */
export async function createHelpCall(token: string, body: CreateCallRequest): Promise<{ call: KioskCallView | null } | undefined> {
  return request(token, 'POST', hubRoutes.kioskCalls, readCallResponse, body);
}

/** Cancels the kiosk's call. */
export async function cancelHelpCall(token: string, callId: string): Promise<{ call: KioskCallView | null } | undefined> {
  return request(token, 'POST', routeFor(hubRoutes.kioskCancelCall, callId), readCallResponse, {});
}
