/**
 * The console's HTTP calls to the hub (same origin). Every answer is checked against the hub's
 * contract in core/protocol, and every failure comes back as a value, never a thrown error, so
 * each page decides in plain words what to tell the person.
 */
import { z } from 'zod';

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

/** Sends one request; `schema` checks the answer (undefined: no body expected). */
export async function hubRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  schema: z.ZodType<T> | undefined,
  options: { token?: string | undefined; body?: unknown } = {},
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
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = refusalSchema.safeParse(body);
    if (!parsed.success) return { ok: false, failure: { kind: 'refused', status: response.status, message: response.statusText, body } };
    const { error, field, code, by, minutes } = parsed.data;
    return {
      ok: false,
      failure: {
        kind: 'refused',
        status: response.status,
        message: error,
        body,
        ...(field ? { field } : {}),
        ...(code ? { code } : {}),
        ...(by ? { by } : {}),
        ...(minutes !== undefined ? { minutes } : {}),
      },
    };
  }
  if (!schema) return { ok: true, value: undefined as T };
  const parsed = schema.safeParse(body);
  // An answer that does not fit the contract comes from something that is not our hub (a proxy, a captive portal).
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'network' } };
}
