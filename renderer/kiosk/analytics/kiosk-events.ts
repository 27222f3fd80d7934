/**
 * Anonymous analytics: what kind of thing happened, in which procedure and step, under a random
 * id that lives as long as one senior's session. Never an answer, never anything typed: the
 * event type only has room for ids from the procedure script, and nothing else leaves the kiosk
 * (isSendableKioskEvent, held to the hub's strict kioskEventSchema by its tests).
 */
import type { KioskEvent } from '../../../core/protocol/http.js';
import { isSendableKioskEvent } from '../../../core/protocol/kiosk-answers.js';
import { callKioskHub } from '../hub-api/kiosk-api.js';

/** A fresh random session id: a UUID without its dashes, 32 characters of [0-9a-f]. */
export function newAnalyticsSessionId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * Sends one event, fire and forget: analytics never holds up or breaks the senior's screen. An
 * event that does not fit the hub's schema is not sent. The request starts after the next paint:
 * the events come from the effects of a step change, which React runs before the new step is
 * drawn, and starting a fetch there cost the tap about 25 ms at 4× CPU throttle (issue 13).
 */
export function sendKioskEvent(token: string, event: KioskEvent): void {
  if (!isSendableKioskEvent(event)) return;
  afterNextPaint(() => {
    // The answer is not read: nothing on the senior's screen depends on it.
    void callKioskHub('kioskEvents', (answer: unknown) => answer, { token, body: { events: [event] }, keepalive: true });
  });
}

/** Runs `work` in a task after the frame now being prepared is painted (a kiosk's page is always on screen, so that frame comes). */
function afterNextPaint(work: () => void): void {
  requestAnimationFrame(() => window.setTimeout(work, 0));
}
