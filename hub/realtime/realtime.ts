/**
 * The one WebSocket endpoint. Clients say `hello` with their token and get a snapshot; after
 * that the hub pushes whatever changes at their site, as soon as the change feed reports it
 * committed. A client that reconnects says hello again and is up to date: nothing is replayed.
 *
 * Made of parts with one job each: connection.ts (hello and each socket's messages),
 * client-registry.ts (who is connected, the /metrics counts), fan-out.ts (changes to the clients
 * they concern), snapshots.ts (a client's whole state), fleet-presence.ts (kiosks seen, in the
 * database), token-checks.ts (revoked and expired tokens close their sockets) and heartbeat.ts
 * (sockets that vanished). This file puts them together.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { closeCodes, websocketPath } from '../../core/protocol/ws.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import type { HelpQueue } from '../help-queue/queue-service.js';
import type { HubMetrics } from '../metrics/metrics.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { ClientRegistry } from './client-registry.js';
import { serveConnection } from './connection.js';
import { countPerKey, maxWaitingSocketsPerAddress } from './message-budget.js';
import { startFanOut } from './fan-out.js';
import { FleetPresence } from './fleet-presence.js';
import { watchLiveness } from './heartbeat.js';
import { snapshotSender } from './snapshots.js';
import { TokenChecks } from './token-checks.js';
import { close, maxClientMessageBytes } from './wire.js';

/** Dependencies of the realtime endpoint. */
export interface RealtimeDependencies {
  db: Kysely<HubDatabase>;
  queue: HelpQueue;
  feed: ChangeFeed;
  catalog: ProcedureCatalog;
  metrics: HubMetrics;
  demo: boolean;
  now: () => number;
  /** How long a new socket has to say hello. */
  helloTimeoutMs?: number;
}

/** The running endpoint. */
export interface Realtime {
  /** Says goodbye to every socket (a close frame that asks clients to reconnect in a moment). */
  close(): void;
  /** Cuts every socket still open without waiting for its answer (the last step of stopping). */
  terminate(): void;
  /** Kiosks with a live socket on this hub (for the staff fleet page). */
  connectedKiosks(): ReadonlySet<string>;
}

/** How often sockets are pinged, tokens checked again and connected kiosks marked seen. */
const heartbeatMs = 30_000;

/** Registers `/ws` and pushes site changes to the connected clients. */
export async function setupRealtime(app: FastifyInstance, deps: RealtimeDependencies): Promise<Realtime> {
  await app.register(websocket, { options: { maxPayload: maxClientMessageBytes } });
  const registry = new ClientRegistry(deps.metrics);
  const presence = new FleetPresence(deps.db, deps.now);
  const tokens = new TokenChecks(registry, deps.db, deps.now);
  const sendSnapshot = snapshotSender(deps.queue, deps.now);

  const waitingForHello = countPerKey(maxWaitingSocketsPerAddress);
  app.get(websocketPath, { websocket: true }, (socket, request) =>
    serveConnection(socket, {
      address: request.ip,
      waitingForHello,
      db: deps.db,
      catalog: deps.catalog,
      demo: deps.demo,
      now: deps.now,
      log: app.log,
      registry,
      presence,
      sendSnapshot,
      helloTimeoutMs: deps.helloTimeoutMs ?? 10_000,
      monotonicNow: () => performance.now(),
    }),
  );
  const stopFanOut = startFanOut({ ...deps, log: app.log, registry, tokens, sendSnapshot });

  const heartbeat = watchLiveness(app.websocketServer);
  const beat = setInterval(() => {
    // Sessions also end by expiring.
    void tokens.recheckAll().catch((error: unknown) => app.log.error({ err: error }, 'checking tokens failed'));
    // Connected kiosks are seen now: the fleet page on any hub counts them online.
    void presence.connectedSeen(registry.connectedKioskIds()).catch((error: unknown) => app.log.error({ err: error }, 'marking kiosks seen failed'));
    heartbeat.beat();
  }, heartbeatMs);

  return {
    connectedKiosks: () => registry.connectedKioskIds(),
    close: () => {
      clearInterval(beat);
      stopFanOut();
      for (const socket of app.websocketServer.clients) close(socket, closeCodes.shuttingDown, 'The hub is restarting; reconnect in a moment.');
    },
    terminate: () => {
      for (const socket of app.websocketServer.clients) socket.terminate();
    },
  };
}
