/**
 * A client's whole current state, sent after its hello, on `resync`, and when the change feed
 * may have missed something: a kiosk's call, a volunteer's list of calls and availability, the
 * kiosk fleet for staff; and what the caller adds (the workshops a kiosk or a volunteer's site is in).
 */
import type { HubMessage } from '../../core/protocol/ws.js';
import type { HelpQueue } from '../help-queue/queue-service.js';
import type { Client } from './client-registry.js';
import { sendFleet, type ReadFleet } from './fleet-push.js';
import { send, sendText } from './wire.js';

/** Sends a client's snapshot. */
export type SendSnapshot = (client: Client) => Promise<void>;

/** Makes the snapshot sender over the help queue's read models and the fleet, then `more` (the client's workshops). */
export function snapshotSender(queue: HelpQueue, now: () => number, readFleet: ReadFleet, more?: SendSnapshot): SendSnapshot {
  return async (client) => {
    const { principal, socket } = client;
    if (principal.role === 'kiosk') {
      const text = JSON.stringify({ type: 'kiosk.call', call: await queue.kioskView(principal.kioskId, principal.siteId) } satisfies HubMessage);
      client.lastKioskView = text;
      sendText(socket, text);
    }
    if (principal.role === 'volunteer') {
      const [calls, available] = await Promise.all([queue.volunteerViews(principal), queue.isAvailable(principal.volunteerId)]);
      send(socket, { type: 'volunteer.calls', calls, serverNow: now(), available });
    }
    if (principal.role === 'staff') sendFleet([client], await readFleet(), true);
    if (more) await more(client);
  };
}
