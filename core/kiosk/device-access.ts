/**
 * Whether the hub still admits this kiosk (issue 13). A kiosk whose device token is wrong or
 * was revoked must say so at once, on a screen for staff, distinct from "no connection": the
 * hub answers its requests with a role refusal (401/403 with a code of `accessRefusalCodes`, core/protocol/routes.ts)
 * and closes its live socket with 4401 (core/protocol/hub-connection.ts reports that as
 * `refused`). A wrong volunteer PIN at the kiosk is a 401 too, but
 * with its own code, and must not take the kiosk down. Pure: the kiosk passes in what it got.
 */
import { accessRefusalCodes } from '../protocol/routes.js';

/** What a failed hub request said: its HTTP status and the stable code of its body, if any. */
export interface HubRefusal {
  status: number;
  code?: string | undefined;
}

/**
 * True when a hub answer means the device token itself is refused: a 401 or 403 whose code is
 * a role refusal, or that has no code (an older hub, or a body that could not be read, still
 * refuses the token with these statuses). Any other code (a wrong PIN, a call taken) is about
 * what was asked, not about the kiosk.
 */
export function refusesDevice({ status, code }: HubRefusal): boolean {
  if (status !== 401 && status !== 403) return false;
  return code === undefined || (accessRefusalCodes as readonly string[]).includes(code);
}

/** The longest in-person sentence staff can give a site (core/protocol/http.ts, createSiteRequestSchema). */
const longestInPersonHelp = 300;

/**
 * The site's "where to ask in person" sentence for the not-authorised screen: the one the hub
 * gave in this page's life, else the one remembered from the last time it answered (a reload
 * after a revocation), else none (a kiosk that was never admitted: the screen says to ask the
 * staff of the centre). A remembered value that is not a sentence of the right size is ignored.
 */
export function inPersonPlace(live: string | undefined, remembered: unknown): string | undefined {
  const usable = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= longestInPersonHelp;
  if (usable(live)) return live.trim();
  if (usable(remembered)) return remembered.trim();
  return undefined;
}
