/**
 * `/favicon.ico`: browsers ask for it on their own, whatever the page's `<link rel="icon">`
 * says, and a 404 there fills the hub's log and the browser's console. The icon is a small SVG
 * (the project's green step mark), answered as image/svg+xml, which browsers accept at that
 * address; it holds no script, so the hub's Content-Security-Policy (security-headers.ts, on
 * every answer) does not get in its way.
 */
import type { FastifyInstance } from 'fastify';

/** The icon: two steps going up, white on the console's dark blue, readable at 16 × 16. */
export const faviconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">' +
  '<rect width="32" height="32" rx="6" fill="#003366"/>' +
  '<path d="M6 25h8v-7h6v-7h6v-4" fill="none" stroke="#ffffff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>' +
  '</svg>';

/** Answers GET (and HEAD) /favicon.ico with the icon, cached for a day. */
export function setupFavicon(app: FastifyInstance): void {
  app.get('/favicon.ico', async (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(faviconSvg));
}
