/**
 * The kiosk's HTTP calls to the hub (same origin), with its device token. Every answer is checked
 * against the hub's contract; every failure is a value (`undefined`), so the screens decide what
 * to tell the senior. Nothing here ever sends an answer the senior typed.
 */
import { z } from 'zod';
import { hubRoutes, kioskCallViewSchema, kioskMeResponseSchema, routeFor, type CreateCallRequest, type KioskCallView, type KioskMeResponse } from '../../../core/protocol/http.js';
import { procedureSchema, type Procedure } from '../../../core/procedure/schema.js';

// Two seconds: the help button must say "cannot call now" within 2 s when the hub is gone.
const requestTimeoutMs = 2000;

const proceduresResponseSchema = z.object({ procedures: z.array(z.unknown()) });
const callResponseSchema = z.object({ call: kioskCallViewSchema.nullable() });

async function request<T>(token: string, method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown, timeoutMs = requestTimeoutMs): Promise<T | undefined> {
  try {
    const response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    if (!response.ok) return undefined;
    const parsed = schema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Who this kiosk is, its site (with where to ask in person) and whether the hub runs a demo. */
export function fetchKioskMe(token: string): Promise<KioskMeResponse | undefined> {
  return request(token, 'GET', hubRoutes.kioskMe, kioskMeResponseSchema, undefined, 10_000);
}

/** The published procedures; each is checked again here, and one that does not fit is left out. */
export async function fetchProcedures(token: string): Promise<Procedure[] | undefined> {
  const response = await request(token, 'GET', hubRoutes.procedures, proceduresResponseSchema, undefined, 10_000);
  if (!response) return undefined;
  return response.procedures.flatMap((raw) => {
    const parsed = procedureSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Asks for a volunteer; the same idempotency key always means the same call. */
export async function createHelpCall(token: string, body: CreateCallRequest): Promise<{ call: KioskCallView | null } | undefined> {
  return request(token, 'POST', hubRoutes.kioskCalls, callResponseSchema, body);
}

/** Cancels the kiosk's call. */
export async function cancelHelpCall(token: string, callId: string): Promise<{ call: KioskCallView | null } | undefined> {
  return request(token, 'POST', routeFor(hubRoutes.kioskCancelCall, callId), callResponseSchema, {});
}
