/**
 * The hub's JSON body parser: Fastify's own (prototype poisoning refused), after a linear scan
 * that refuses a body nested deeper than any request of the contract needs. JSON.parse recurses
 * once per level: a signed-in client's 2 MB body nested hundreds of thousands deep held the event
 * loop about 0.2 s (1.3 s where the attack was measured), and every kiosk waited. The deepest
 * request the contract has is a few levels; a procedure's source travels as one string.
 */
import type { FastifyInstance } from 'fastify';
import { HubError } from './hub-error.js';

/** How deep a request body may nest (objects and arrays inside each other). */
export const maxJsonDepth = 32;

/**
 * Whether `text` nests objects and arrays deeper than `limit`, in one pass that skips strings
 * (a bracket inside a string does not count) and never builds anything.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // a backslash: the next character is escaped, whatever it is
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

/** Replaces `app`'s JSON parser with Fastify's default behind the depth check. */
export function parseJsonWithDepthLimit(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (nestsDeeperThan(body as string, maxJsonDepth)) {
      done(new HubError(400, `The body nests objects or arrays more than ${maxJsonDepth} levels deep; no request of the hub needs that.`), undefined);
      return;
    }
    parse(request, body as string, done);
  });
}
