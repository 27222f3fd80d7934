/**
 * The console's calls to the hub, through the one client (renderer/ui/hub-client.ts): every
 * answer is checked with its route's zod schema, and every failure comes back as a value, never a
 * thrown error, so each screen decides in plain words what to tell the volunteer.
 */
import { publicRoutes, volunteerRoutes } from '../../../core/protocol/api-routes.js';
import { responseCheck, type ResponseOf } from '../../../core/protocol/api-schemas.js';
import {
  errorResponseSchema,
  type ErrorResponse,
  type VolunteerCallView,
  type VolunteerCallsResponse,
  type VolunteerLoginRequest,
  type VolunteerLoginResponse,
} from '../../../core/protocol/http.js';
import type { CallOutcome } from '../../../core/help-call/states.js';
import { hubClient, type CallOptions } from '../../ui/hub-client.js';

const routes = { ...publicRoutes, ...volunteerRoutes };
const callHub = hubClient(routes);

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

// A phone that lost its network would otherwise wait minutes for an answer that never comes.
const requestTimeoutMs = 15_000;

/** Calls one of the console's routes, with its answer checked and its failure as a value (the workshop page's calls use it too). */
export async function request<N extends keyof typeof routes>(name: N, options: CallOptions<N> = {}): Promise<HubResult<ResponseOf<N>>> {
  const answer = await callHub(name, responseCheck(name), { timeoutMs: requestTimeoutMs, ...options });
  if (answer.ok) return { ok: true, value: answer.value };
  if (answer.kind === 'network') return { ok: false, failure: { kind: 'network' } };
  const parsed = errorResponseSchema.safeParse(answer.body);
  const failure: HubFailure = parsed.success
    ? {
        kind: 'refused',
        status: answer.status,
        message: parsed.data.error,
        ...(parsed.data.field ? { field: parsed.data.field } : {}),
        ...(parsed.data.code ? { detail: { code: parsed.data.code, by: parsed.data.by, minutes: parsed.data.minutes } } : {}),
      }
    : { kind: 'refused', status: answer.status, message: answer.statusText };
  return { ok: false, failure };
}

/** The sites to choose from on the sign-in screen. */
export async function fetchSites(): Promise<HubResult<SiteChoice[]>> {
  const result = await request('sites');
  return result.ok ? { ok: true, value: result.value.sites } : result;
}

/** Signs in with a name and PIN. */
export function signIn(body: VolunteerLoginRequest): Promise<HubResult<VolunteerLoginResponse>> {
  return request('volunteerLogin', { body });
}

/** Ends the session (the hub also switches the volunteer to not available). */
export function signOut(token: string): Promise<HubResult<undefined>> {
  return request('volunteerLogout', { token });
}

/** The availability switch. */
export async function setAvailability(token: string, available: boolean): Promise<HubResult<boolean>> {
  const result = await request('volunteerAvailability', { token, body: { available } });
  return result.ok ? { ok: true, value: result.value.available } : result;
}

/** The whole list of calls, for when a push may have been missed. */
export function fetchCalls(token: string): Promise<HubResult<VolunteerCallsResponse>> {
  return request('volunteerCalls', { token });
}

/** The three things a volunteer does to a call, how a call is closed, and taking control of its kiosk. */
export type CallCommand = { action: 'accept' } | { action: 'arrive' } | { action: 'resolve'; outcome: CallOutcome } | { action: 'take-over' };

/** Sends a command on a call; answers with the call as it now is. */
export async function sendCallCommand(token: string, callId: string, command: CallCommand): Promise<HubResult<VolunteerCallView | undefined>> {
  const params = { id: callId };
  const result =
    command.action === 'resolve'
      ? await request('volunteerResolve', { token, params, body: { outcome: command.outcome } })
      : command.action === 'take-over'
        ? await request('volunteerTakeOver', { token, params, body: {} })
        : // Accepting and arriving carry no body.
          await request(command.action === 'accept' ? 'volunteerAccept' : 'volunteerArrive', { token, params });
  return result.ok ? { ok: true, value: result.value.call } : result;
}
