/**
 * The one WebSocket endpoint. Clients say `hello` with their token and get a snapshot; after
 * that the hub pushes whatever changes at their site, as soon as the change feed reports it
 * committed. A client that reconnects says hello again and is up to date: nothing is replayed.
 *
 * Made of parts with one job each: connection.ts (hello and each socket's messages),
 * client-registry.ts (who is connected, the /metrics counts), fan-out.ts (changes to the clients
 * they concern), snapshots.ts (a client's whole state), fleet-presence.ts (kiosks seen, in the
 * database), fleet-push.ts (the fleet, live, to staff), token-checks.ts (revoked and expired
 * tokens close their sockets) and heartbeat.ts (sockets that vanished). This file puts them together.
 */
import websocket from '@fastify/websocket';
import type { FleetResponse } from '../../core/protocol/staff-console.js';
import { readFleet } from '../admin/fleet.js';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { closeCodes, websocketPath } from '../../core/protocol/ws.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import type { HelpQueue } from '../help-queue/queue-service.js';
import type { HubMetrics } from '../metrics/metrics.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { ServedCatalogues } from '../procedures/served-catalogues.js';
import { ClientRegistry } from './client-registry.js';
import { serveConnection } from './connection.js';
import { countPerKey, maxWaitingSocketsPerAddress } from './message-budget.js';
import { startFanOut } from './fan-out.js';
import { FleetPresence } from './fleet-presence.js';
import { startFleetPush } from './fleet-push.js';
import { watchLiveness } from './heartbeat.js';
import { snapshotSender } from './snapshots.js';
import { TokenChecks } from './token-checks.js';
import { close, maxClientMessageBytes } from './wire.js';
import { startWorkshopPush } from '../workshops/workshop-push.js';

/** Dependencies of the realtime endpoint. */
export interface RealtimeDependencies {
  db: Kysely<HubDatabase>;
  queue: HelpQueue;
  feed: ChangeFeed;
  catalog: ProcedureCatalog;
  /** What the catalogue versions served to kiosks held (for the fleet's words). */
  served: ServedCatalogues;
  metrics: HubMetrics;
  demo: boolean;
  now: () => number;
  /** How long a new socket has to say hello. */
  helloTimeoutMs?: number;
  /** How often sockets are pinged ({@link defaultHeartbeatMs} unless a test shortens it). */
  heartbeatMs?: number;
}

/** The running endpoint. */
export interface Realtime {
  /** Says goodbye to every socket (a close frame that asks clients to reconnect in a moment). */
  close(): void;
  /** Cuts every socket still open without waiting for its answer (the last step of stopping). */
  terminate(): void;
  /** Kiosks with a live socket on this hub. */
  connectedKiosks(): ReadonlySet<string>;
  /** The fleet as this hub sees it now (the staff fleet page). */
  fleet(): Promise<FleetResponse>;
}

/**
 * How often sockets are pinged, connected kiosks marked seen and the fleet read again for staff.
 * A socket that has not answered the previous ping is cut, so a kiosk whose network vanished
 * shows offline 10 to 20 s later (a closed one at once), within the 30 s staff were promised.
 */
export const defaultHeartbeatMs = 10_000;
/** Tokens are checked again every third beat (one query for every client). */
const beatsPerTokenCheck = 3;

/** Registers `/ws` and pushes site changes to the connected clients. */
export async function setupRealtime(app: FastifyInstance, deps: RealtimeDependencies): Promise<Realtime> {
  await app.register(websocket, { options: { maxPayload: maxClientMessageBytes } });
  const registry = new ClientRegistry(deps.metrics);
  const presence = new FleetPresence(deps.db, deps.now);
  const tokens = new TokenChecks(registry, deps.db, deps.now);
  const fleet = (): Promise<FleetResponse> =>
    readFleet(
      deps.db,
      { connectedHere: registry.connectedKioskIds(), goneAt: presence.goneAt() },
      { version: deps.catalog.version(), procedures: deps.catalog.list(), at: (version) => deps.served.at(version) },
      deps.now(),
    );
  // Workshops (issue 18) push their own changes; their part of a snapshot comes after the call's.
  const workshops = startWorkshopPush({ db: deps.db, feed: deps.feed, catalog: deps.catalog, registry, now: deps.now, log: app.log });
  const sendSnapshot = snapshotSender(deps.queue, deps.now, fleet, workshops.snapshot);
  const fleetPush = startFleetPush({ registry, readFleet: fleet, log: app.log });
  const unsubscribePresence = presence.onChange(() => fleetPush.changed());
  // Kiosks are told of the last announced catalogue (its audio is ready): at a publication, on
  // hello, on resync, and when a kiosk confirms an older one. Announcements never go back.
  let announced = deps.catalog.version();
  const unsubscribeCatalog = deps.catalog.onChange((version) => {
    announced = Math.max(announced, version);
    fleetPush.changed();
  });

  const waitingForHello = countPerKey(maxWaitingSocketsPerAddress);
  app.get(websocketPath, { websocket: true }, (socket, request) =>
    serveConnection(socket, {
      address: request.ip,
      waitingForHello,
      db: deps.db,
      catalogueVersion: () => announced,
      demo: deps.demo,
      now: deps.now,
      log: app.log,
      registry,
      presence,
      sendSnapshot,
      watchWorkshops: workshops.watch,
      helloTimeoutMs: deps.helloTimeoutMs ?? 10_000,
      monotonicNow: () => performance.now(),
    }),
  );
  const stopFanOut = startFanOut({ ...deps, log: app.log, registry, tokens, sendSnapshot });

  const heartbeat = watchLiveness(app.websocketServer);
  let beats = 0;
  const beat = setInterval(() => {
    beats += 1;
    // Sessions also end by expiring.
    if (beats % beatsPerTokenCheck === 0) void tokens.recheckAll().catch((error: unknown) => app.log.error({ err: error }, 'checking tokens failed'));
    // Connected kiosks are seen now: the fleet page on any hub counts them online.
    void presence.connectedSeen(registry.connectedKioskIds()).catch((error: unknown) => app.log.error({ err: error }, 'marking kiosks seen failed'));
    heartbeat.beat();
    // Kiosks of other hubs come and go in the database, and the online window passes.
    fleetPush.changed();
  }, deps.heartbeatMs ?? defaultHeartbeatMs);

  return {
    connectedKiosks: () => registry.connectedKioskIds(),
    fleet,
    close: () => {
      clearInterval(beat);
      stopFanOut();
      workshops.stop();
      fleetPush.stop();
      unsubscribePresence();
      unsubscribeCatalog();
      for (const socket of app.websocketServer.clients) close(socket, closeCodes.shuttingDown, 'The hub is restarting; reconnect in a moment.');
    },
    terminate: () => {
      for (const socket of app.websocketServer.clients) socket.terminate();
    },
  };
}
