/**
 * The Content-Security-Policy the shell sends with every page of the kiosk (the page's own
 * `<meta>` policy stays as a second layer; the browser enforces both). Scripts only from the
 * kiosk's own origin, never inline or eval'd; the only other place the page may talk to is its
 * hub's WebSocket (HTTP to the hub goes through the shell, which is `'self'`). `blob:` in
 * media-src and connect-src: the spoken prompts kept in Cache Storage reach howler as blob:
 * addresses the page makes (howler fetches them for Web Audio); `data:` in media-src: howler's
 * own silent clip that unlocks audio playback.
 */
import { parseUrl } from './app-origin.js';

/** The WebSocket origin of a hub origin: `https://h` → `wss://h`, `http://h:8080` → `ws://h:8080`. */
export function hubWebSocketOrigin(hubOrigin: string): string | undefined {
  const url = parseUrl(hubOrigin);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  return `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;
}

/** The policy for the kiosk's pages, given its hub. */
export function kioskContentSecurityPolicy(hubOrigin: string): string {
  const socket = hubWebSocketOrigin(hubOrigin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: data:",
    `connect-src 'self' blob:${socket ? ` ${socket}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
