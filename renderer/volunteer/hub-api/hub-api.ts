/**
 * The console's HTTP calls to the hub (same origin). Every answer is checked against the hub's
 * contract in core/protocol, and every failure comes back as a value, never a thrown error, so
 * each screen decides in plain words what to tell the volunteer.
 */
import { z } from 'zod';
import {
  errorResponseSchema,
  hubRoutes,
  routeFor,
  type ErrorResponse,
  volunteerCallViewSchema,
  volunteerCallsResponseSchema,
  volunteerLoginResponseSchema,
  type VolunteerCallView,
  type VolunteerCallsResponse,
  type VolunteerLoginRequest,
  type VolunteerLoginResponse,
} from '../../../core/protocol/http.js';
import type { CallOutcome } from '../../../core/help-call/states.js';

/** Why a request failed: no answer at all, or the hub's answer with its status and plain sentence. */
export type HubFailure =
  | { kind: 'network' }
  | { kind: 'refused'; status: number; message: string; field?: string; detail?: Pick<ErrorResponse, 'code' | 'by' | 'minutes'> };

/** The outcome of a request. */
export type HubResult<T> = { ok: true; value: T } | { ok: false; failure: HubFailure };

/** A site a volunteer can sign in to. */
export interface SiteChoice {
  id: string;
  name: string;
}

const sitesResponseSchema = z.object({ sites: z.array(z.object({ id: z.string(), name: z.string() })) });
const callResponseSchema = z.object({ call: volunteerCallViewSchema.optional() });
const availabilityResponseSchema = z.object({ available: z.boolean() });

// A phone that lost its network would otherwise wait minutes for an answer that never comes.
const requestTimeoutMs = 15_000;

async function request<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  schema: z.ZodType<T> | undefined,
  options: { token?: string; body?: unknown } = {},
): Promise<HubResult<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: AbortSignal.timeout(requestTimeoutMs),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorResponseSchema.safeParse(body);
    const failure: HubFailure = parsed.success
      ? {
          kind: 'refused',
          status: response.status,
          message: parsed.data.error,
          ...(parsed.data.field ? { field: parsed.data.field } : {}),
          ...(parsed.data.code ? { detail: { code: parsed.data.code, by: parsed.data.by, minutes: parsed.data.minutes } } : {}),
        }
      : { kind: 'refused', status: response.status, message: response.statusText };
    return { ok: false, failure };
  }
  if (!schema) return { ok: true, value: undefined as T };
  const parsed = schema.safeParse(body);
  // An answer that does not fit the contract comes from something that is not our hub (a captive portal, a proxy).
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'network' } };
}

/** The sites to choose from on the sign-in screen. */
export async function fetchSites(): Promise<HubResult<SiteChoice[]>> {
  const result = await request('GET', hubRoutes.sites, sitesResponseSchema);
  return result.ok ? { ok: true, value: result.value.sites } : result;
}

/** Signs in with a name and PIN. */
export function signIn(body: VolunteerLoginRequest): Promise<HubResult<VolunteerLoginResponse>> {
  return request('POST', hubRoutes.volunteerLogin, volunteerLoginResponseSchema, { body });
}

/** Ends the session (the hub also switches the volunteer to not available). */
export function signOut(token: string): Promise<HubResult<undefined>> {
  return request('POST', hubRoutes.volunteerLogout, undefined, { token, body: {} });
}

/** The availability switch. */
export async function setAvailability(token: string, available: boolean): Promise<HubResult<boolean>> {
  const result = await request('PUT', hubRoutes.volunteerAvailability, availabilityResponseSchema, { token, body: { available } });
  return result.ok ? { ok: true, value: result.value.available } : result;
}

/** The whole list of calls, for when a push may have been missed. */
export function fetchCalls(token: string): Promise<HubResult<VolunteerCallsResponse>> {
  return request('GET', hubRoutes.volunteerCalls, volunteerCallsResponseSchema, { token });
}

/** The three things a volunteer does to a call, how a call is closed, and taking control of its kiosk. */
export type CallCommand = { action: 'accept' } | { action: 'arrive' } | { action: 'resolve'; outcome: CallOutcome } | { action: 'take-over' };

const commandRoutes = {
  accept: hubRoutes.volunteerAccept,
  arrive: hubRoutes.volunteerArrive,
  resolve: hubRoutes.volunteerResolve,
  'take-over': hubRoutes.volunteerTakeOver,
} as const;

/** Sends a command on a call; answers with the call as it now is. */
export async function sendCallCommand(token: string, callId: string, command: CallCommand): Promise<HubResult<VolunteerCallView | undefined>> {
  const body = command.action === 'resolve' ? { outcome: command.outcome } : {};
  const result = await request('POST', routeFor(commandRoutes[command.action], callId), callResponseSchema, { token, body });
  return result.ok ? { ok: true, value: result.value.call } : result;
}
