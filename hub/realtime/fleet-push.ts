/**
 * The staff fleet page, live: the fleet goes to every staff socket after its hello and again
 * whenever it changes, so the page (and the publish panel's count of kiosks that hold the new
 * version) never needs a reload. A change is a kiosk of this hub saying hello, confirming what it
 * holds or going away, or a new catalogue; each heartbeat reads it again for what other hubs of a
 * city changed. Reads are one at a time and gathered over a moment; a staff socket is sent the
 * fleet only when it differs from the last one it got.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { FleetResponse } from '../../core/protocol/staff-console.js';
import type { HubMessage } from '../../core/protocol/ws.js';
import type { Client, ClientRegistry } from './client-registry.js';
import { sendText } from './wire.js';

/** Reads the fleet as this hub sees it now. */
export type ReadFleet = () => Promise<FleetResponse>;

/** The live fleet push. */
export interface FleetPush {
  /** Something in the fleet may have changed: the staff sockets get it within a moment. */
  changed(): void;
  stop(): void;
}

/**
 * How long changes are gathered before the fleet is read and sent: a hub restart brings every
 * kiosk back at once, and a city's few hundred kiosks confirm every minute (several a second).
 */
const gatherMs = 250;

/** Sends `fleet` to each client whose last fleet differs (all of them with `always`). */
export function sendFleet(clients: readonly Client[], fleet: FleetResponse, always = false): void {
  // The clock moves at every read; only a change of the kiosks or the catalogue is news.
  const key = JSON.stringify({ ...fleet, serverNow: 0 });
  const text = JSON.stringify({ type: 'staff.fleet', fleet } satisfies HubMessage);
  for (const client of clients) {
    if (!always && client.lastFleet === key) continue;
    client.lastFleet = key;
    sendText(client.socket, text);
  }
}

/** Starts pushing the fleet to staff sockets on `changed()`. */
export function startFleetPush(deps: { registry: ClientRegistry; readFleet: ReadFleet; log: FastifyBaseLogger }): FleetPush {
  let timer: NodeJS.Timeout | undefined;
  let reading = false;
  let again = false;
  let stopped = false;
  const push = async (): Promise<void> => {
    timer = undefined;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        const staff = deps.registry.staffClients();
        if (staff.length === 0) break;
        sendFleet(staff, await deps.readFleet());
      } while (again && !stopped);
    } catch (error: unknown) {
      deps.log.error({ err: error }, 'reading the fleet for staff failed');
    } finally {
      reading = false;
    }
  };
  return {
    changed: () => {
      if (stopped || timer !== undefined) return;
      timer = setTimeout(() => void push(), gatherMs);
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
