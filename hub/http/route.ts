/**
 * Registers a route of the API from its entry in the contract (core/protocol/api-routes.ts and
 * api-schemas.ts): its method and path, the role guard it names (guards.ts, checked before the
 * body is read), its path parameters, query and body parsed with its schemas (validation.ts: a
 * 400 naming the field), and its answer checked against its response schema before it leaves.
 * A handler therefore only ever sees valid input and can only send what the contract promises.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiRoutes, type RouteName } from '../../core/protocol/api-routes.js';
import { apiSchemas, type ParsedBodyOf, type ParsedParamsOf, type ParsedQueryOf, type ResponseOf, type RouteSchemas } from '../../core/protocol/api-schemas.js';
import type { roleGuards } from './guards.js';
import { parseWith } from './validation.js';

/** The role guards of a hub (guards.ts). */
export type Guards = ReturnType<typeof roleGuards>;

/** What a handler gets: the request parsed by the route's schemas, and the reply (to set a status such as 201, or a header). */
export interface RouteInput<N extends RouteName> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: ParsedParamsOf<N>;
  query: ParsedQueryOf<N>;
  body: ParsedBodyOf<N>;
}

/** What a handler returns: the route's answer, or nothing for a route that answers 204. */
export type HandlerAnswer<N extends RouteName> = Promise<ResponseOf<N>> | (ResponseOf<N> extends undefined ? Promise<void> : never);

/** Options of one route besides its contract. */
export interface RouteOptions {
  /** A larger body than the hub's default (procedure sources). */
  bodyLimit?: number;
}

/**
 * Registers `name` on `app`. The handler answers with the route's response (nothing for a route
 * that answers 204); an answer that does not fit the contract is the hub's own bug: a 500, with
 * the mismatch in the log, rather than a UI reading something it was not promised.
 */
export function route<N extends RouteName>(
  app: FastifyInstance,
  guards: Guards,
  name: N,
  handler: (input: RouteInput<N>) => HandlerAnswer<N>,
  options: RouteOptions = {},
): void {
  const spec = apiRoutes[name];
  const schemas: RouteSchemas = apiSchemas[name];
  app.route({
    method: spec.method,
    url: spec.path,
    // The role guard runs on the request line and headers, before the body is read: a body
    // without a valid token is never parsed (a 1.8 MB JSON nested 900,000 deep held the event
    // loop 1.3 s while Fastify parsed it for a request refused afterwards).
    ...(spec.role === 'public' ? {} : { onRequest: guards[spec.role] }),
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (request, reply) => {
      // Path parameters first, then the query, then the body: the order the handlers read them in before.
      const params = (schemas.params ? parseWith(schemas.params, request.params) : undefined) as ParsedParamsOf<N>;
      const query = (schemas.query ? parseWith(schemas.query, request.query) : undefined) as ParsedQueryOf<N>;
      const body = (schemas.body ? parseWith(schemas.body, request.body) : undefined) as ParsedBodyOf<N>;
      const answer = await handler({ request, reply, params, query, body });
      const checked = schemas.response.safeParse(answer);
      if (!checked.success) throw new Error(`the answer of ${spec.method} ${spec.path} does not fit its contract: ${checked.error.message}`);
      if (spec.answer === 'none') return reply.code(204).send();
      // The parsed copy is sent, not the handler's own value: a key the contract does not name (a
      // row's column a handler passed on by mistake, a hash, an internal id) never leaves the hub.
      return reply.send(checked.data);
    },
  });
}
