/**
 * The hub's socket address and codes and its access refusal codes, apart from the zod contracts
 * of http.ts and ws.ts, so that the kiosk can name them without shipping zod (issue 13). The
 * HTTP routes are in api-routes.ts.
 */

/** The path of the WebSocket endpoint. */
export const websocketPath = '/ws';

/** WebSocket close codes the hub uses, each with a plain reason in the close frame. */
export const closeCodes = {
  badMessage: 4400,
  unauthorized: 4401,
  helloTimeout: 4408,
  shuttingDown: 1001,
  // The WebSocket standard's own codes: a socket over its message budget or its token's socket
  // count (policy violation; the client reconnects after its back-off), a frame over the size limit.
  tooManyMessages: 1008,
  tooManyConnections: 1008,
  messageTooBig: 1009,
} as const;

/**
 * The refusals of a route's role check: no token (`not-signed-in`), a token the hub does not
 * know or no longer honours (`token-not-valid`), a token of another role (`wrong-role`). For a
 * kiosk any of them means its device token is not (or no longer) authorised.
 */
export const accessRefusalCodes = ['not-signed-in', 'token-not-valid', 'wrong-role'] as const;
