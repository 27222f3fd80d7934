/**
 * The staff console's calls to the hub, through the one client (renderer/ui/hub-client.ts): each
 * answer is checked with its route's zod schema, and every failure comes back as a value, never a
 * thrown error, so each page decides in plain words what to tell the person.
 */
import { z } from 'zod';
import { apiRoutes, type RouteName } from '../../../core/protocol/api-routes.js';
import { responseCheck, type ResponseOf } from '../../../core/protocol/api-schemas.js';
import { hubClient, type CallOptions } from '../../ui/hub-client.js';

// The console calls staff routes and signs in through a public one.
const callHub = hubClient(apiRoutes);

/** Why a request failed: no answer at all, or the hub's answer with its status and plain sentence. */
export type HubFailure =
  | { kind: 'network' }
  | { kind: 'refused'; status: number; message: string; field?: string; code?: string; by?: string; minutes?: number; body?: unknown };

/** The outcome of a request. */
export type HubResult<T> = { ok: true; value: T } | { ok: false; failure: HubFailure };

const requestTimeoutMs = 20_000;

// Read loosely on purpose: the staff refusals carry codes (a concurrent save, a version) that the
// volunteer-facing error contract does not list, and a refusal must never be lost for that.
const refusalSchema = z.looseObject({
  error: z.string(),
  field: z.string().optional(),
  code: z.string().optional(),
  by: z.string().optional(),
  minutes: z.number().optional(),
});

/** Calls route `name` with the staff token (or none, to sign in); the answer is checked against the route's schema. */
export async function staffCall<N extends RouteName>(name: N, options: CallOptions<N> = {}): Promise<HubResult<ResponseOf<N>>> {
  const answer = await callHub(name, responseCheck(name), { timeoutMs: requestTimeoutMs, ...options });
  if (answer.ok) return { ok: true, value: answer.value };
  if (answer.kind === 'network') return { ok: false, failure: { kind: 'network' } };
  const { status, body } = answer;
  const parsed = refusalSchema.safeParse(body);
  if (!parsed.success) return { ok: false, failure: { kind: 'refused', status, message: answer.statusText, body } };
  const { error, field, code, by, minutes } = parsed.data;
  return {
    ok: false,
    failure: {
      kind: 'refused',
      status,
      message: error,
      body,
      ...(field ? { field } : {}),
      ...(code ? { code } : {}),
      ...(by ? { by } : {}),
      ...(minutes !== undefined ? { minutes } : {}),
    },
  };
}
