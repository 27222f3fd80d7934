/**
 * What the kiosk window may open: its own pages, and nothing else. The page never needs to go
 * anywhere (the hub is reached by fetch and WebSocket, which are not navigation), so anything
 * else is an attack or a bug: a link in a procedure's text, a `javascript:` URL, a redirect.
 */
import { isAppUrl } from './app-origin.js';

/** Whether the window may navigate (or be redirected) to `url`. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether `shell.openExternal` may open `url`: never. A kiosk in a public place must not hand a
 * stranger a browser, a mail client or a file manager, and `openExternal` with a crafted URL can
 * run programs (Electron security checklist, item 15). Kept as a function so the decision has one
 * home and one test.
 */
export function mayOpenExternal(_url: string): false {
  return false;
}

/** What `setWindowOpenHandler` answers: no new window, ever (`window.open`, `target=_blank`). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}
