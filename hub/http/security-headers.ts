/**
 * The security headers on every answer of the hub: its UIs, its API, /audio/, 404s and errors
 * alike (@fastify/helmet, whose hook runs on every request before any route's own). Until issue
 * 15 the UIs had only their `<meta>` Content-Security-Policy, which cannot forbid framing and
 * covers nothing but the HTML.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The policy of the three UIs, the union of what their `<meta>` policies allow
 * (renderer/{kiosk,volunteer,staff}/index.html), which stay as a second layer (the browser
 * enforces both): scripts and styles from the hub only, never inline or eval'd; pictures from
 * the hub (procedure images) and `data:`; the kiosk's sound from /audio/ and as `blob:` (the
 * spoken prompts kept in Cache Storage reach howler as blob: addresses) and `data:` (howler's
 * silent unlocking clip); the hub's WebSocket, written `ws: wss:` as the pages do because older
 * Safari on a volunteer's phone does not count its own origin's `wss:` as 'self'. Everything
 * else is refused, framing by anyone above all (clickjacking a volunteer's accept button).
 */
export const uiContentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  mediaSrc: ["'self'", 'blob:', 'data:'],
  connectSrc: ["'self'", 'blob:', 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  // The forms are handled by script; a form that still submitted goes nowhere but the hub.
  formAction: ["'self'"],
  frameSrc: ["'none'"],
  frameAncestors: ["'none'"],
} as const;

/** Registers the headers; call before any route so that every answer carries them. */
export async function setupSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(uiContentSecurityPolicy).map(([name, list]) => [name, [...list]])),
    },
    // The old header for browsers that ignore frame-ancestors.
    frameguard: { action: 'deny' },
    // A hub address (with a kiosk's or call's id in it) is nobody else's business.
    referrerPolicy: { policy: 'no-referrer' },
    // A hub on https stays on https; not for the library's other subdomains, which are not ours.
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
    // The kiosk shell fetches the hub from its main process and the UIs are same-origin, so
    // nothing needs to embed the hub's resources from elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
