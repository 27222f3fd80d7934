/**
 * Anonymous analytics: what kind of thing happened, in which procedure and step, under a random
 * id that lives as long as one senior's session. Never an answer, never anything typed: the
 * event type only has room for ids from the procedure script (kioskEventSchema is strict).
 */
import { hubRoutes, kioskEventSchema, type KioskEvent } from '../../../core/protocol/http.js';

/** A fresh random session id: a UUID without its dashes, 32 characters of [0-9a-f]. */
export function newAnalyticsSessionId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * Sends one event, fire and forget: analytics never holds up or breaks the senior's screen. An
 * event that does not fit the hub's schema is not sent.
 */
export function sendKioskEvent(token: string, event: KioskEvent): void {
  const parsed = kioskEventSchema.safeParse(event);
  if (!parsed.success) return;
  void fetch(hubRoutes.kioskEvents, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: [parsed.data] }),
    keepalive: true,
    cache: 'no-store',
  }).catch(() => undefined);
}
