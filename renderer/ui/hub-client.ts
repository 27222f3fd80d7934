/**
 * The one HTTP client of every UI (kiosk, volunteer console, staff console) for the hub's API:
 * a route is named from the contract (core/protocol/api-routes.ts), its path, method, body and
 * answer are typed from it, and nothing else in renderer/ calls `fetch` on the hub (lint). Each
 * UI makes its `callHub` with {@link hubClient} over the groups of routes it uses.
 *
 * The answer is checked by the `check` the caller passes: the consoles pass their zod schema's
 * (`responseCheck` in core/protocol/api-schemas.ts), the kiosk its light check
 * (core/protocol/kiosk-answers.ts), since a senior's kiosk ships no zod (issue 13). This file
 * imports the schemas' types only, so it loads no zod either.
 */
import { fillRoutePath, type RouteName, type RouteSpec } from '../../core/protocol/api-routes.js';
import type { BodyOf, ResponseOf } from '../../core/protocol/api-schemas.js';

/**
 * The outcome of a call: the checked answer; no answer at all (`network`: no connection, a
 * timeout, or an answer that does not fit the contract, which comes from something that is not
 * our hub, such as a captive portal); or the hub's refusal with its status and body.
 */
export type HubAnswer<T> =
  | { ok: true; status: number; value: T }
  | { ok: false; kind: 'network' }
  | { ok: false; kind: 'refused'; status: number; statusText: string; body: unknown };

/** Checks an answer's body: the value when it fits, undefined when not. */
export type AnswerCheck<T> = (value: unknown) => T | undefined;

/** What a call sends besides the route. */
export interface CallOptions<N extends RouteName> {
  /** The bearer token of the route's role. */
  token?: string | undefined;
  /** `:id` and `:version`. */
  params?: Readonly<Record<string, string | number>>;
  /** The query string's values (undefined ones are left out). */
  query?: Readonly<Record<string, string | number | undefined>>;
  body?: BodyOf<N>;
  /** Gives up after this long (no limit by default). */
  timeoutMs?: number;
  /** Lets the request outlive the page (fire-and-forget analytics). */
  keepalive?: boolean;
}

/** The routes a client may call: a part of the contract's table (api-routes.ts), by name. */
export type RouteTable = Partial<Record<RouteName, RouteSpec>>;

/**
 * A client for `routes`. Each UI makes its own with the groups of routes it calls, so its bundle
 * holds only those entries of the table (the kiosk does not carry the staff console's routes).
 */
export function hubClient<R extends RouteTable>(routes: R) {
  /**
   * Calls route `name`, checking its answer with `check` (not called for a route that answers
   * 204). The check may read only part of the answer (the kiosk's light checks do), never more
   * than the route's response: `T` must be something the contract's answer is.
   */
  return async function callHub<N extends keyof R & RouteName, T = ResponseOf<N>>(
    name: N,
    check: ResponseOf<N> extends T ? AnswerCheck<T> : never,
    options: CallOptions<N> = {},
  ): Promise<HubAnswer<T>> {
    const spec = routes[name] as RouteSpec;
    const headers: Record<string, string> = {};
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) query.set(key, String(value));
    const search = query.toString();
    const path = fillRoutePath(spec, options.params);
    let response: Response;
    try {
      response = await fetch(search ? `${path}?${search}` : path, {
        method: spec.method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        cache: 'no-store',
        ...(options.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(options.timeoutMs) }),
        ...(options.keepalive ? { keepalive: true } : {}),
      });
    } catch {
      return { ok: false, kind: 'network' };
    }
    let body: unknown;
    try {
      // Text is decoded keeping a byte-order mark: `response.text()` drops it, and the analytics
      // CSV needs its mark kept so that spreadsheet programs read its accents as UTF-8.
      body =
        response.status === 204
          ? undefined
          : spec.answer === 'text' && response.ok
            ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
            : await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) return { ok: false, kind: 'refused', status: response.status, statusText: response.statusText, body };
    if (spec.answer === 'none') return { ok: true, status: response.status, value: undefined as T };
    const value = check(body);
    return value === undefined ? { ok: false, kind: 'network' } : { ok: true, status: response.status, value };
  };
}

/** The stable `code` of a refusal's body, when it has one. */
export function refusalCode(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : undefined;
}
