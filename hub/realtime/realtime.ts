/**
 * The one WebSocket endpoint. Clients say `hello` with their token and get a snapshot; after
 * that the hub pushes whatever changes at their site, as soon as the change feed reports it
 * committed. A client that reconnects says hello again and is up to date: nothing is replayed.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { RawData, WebSocket } from 'ws';
import { clientMessageSchema, closeCodes, websocketPath, type HubMessage } from '../../core/protocol/ws.js';
import { principalForToken, tokensStillValid } from '../auth/authenticate.js';
import { hashToken } from '../auth/secrets.js';
import type { Principal } from '../auth/principal.js';
import type { ChangeFeed, SiteChange } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { viewsOfCall } from '../help-queue/call-views-for-site.js';
import type { HelpQueue } from '../help-queue/queue-service.js';
import type { HubMetrics } from '../metrics/metrics.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';

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

interface Client {
  socket: WebSocket;
  principal: Principal;
  /** The last kiosk view sent, so an unchanged view is not sent again. */
  lastKioskView?: string;
  /** The hello token, kept to check it again and to close the socket when it is revoked. */
  token: string;
}

/** The largest message a client may send; hello with a token is well under 200 bytes. */
const maxClientMessageBytes = 4096;

/** The running endpoint. */
export interface Realtime {
  /** Says goodbye to every socket (a close frame that asks clients to reconnect in a moment). */
  close(): void;
  /** Cuts every socket still open without waiting for its answer (the last step of stopping). */
  terminate(): void;
  /** Kiosks with a live socket on this hub (for the staff fleet page). */
  connectedKiosks(): ReadonlySet<string>;
}

/** Registers `/ws` and pushes site changes to the connected clients. */
export async function setupRealtime(app: FastifyInstance, deps: RealtimeDependencies): Promise<Realtime> {
  await app.register(websocket, { options: { maxPayload: maxClientMessageBytes } });
  const clientsBySite = new Map<string, Set<Client>>();
  const staffClients = new Set<Client>();
  const siteOf = (principal: Principal): string | undefined => (principal.role === 'staff' ? undefined : principal.siteId);

  const countConnected = (): void => {
    const counts = { kiosk: 0, volunteer: 0, staff: staffClients.size };
    // A kiosk holds two sockets (help call, procedure updates): count kiosks, not sockets.
    const kiosks = new Set<string>();
    for (const clients of clientsBySite.values()) {
      for (const client of clients) {
        if (client.principal.role === 'kiosk') kiosks.add(client.principal.kioskId);
        else if (client.principal.role === 'volunteer') counts.volunteer += 1;
      }
    }
    counts.kiosk = kiosks.size;
    for (const role of ['kiosk', 'volunteer', 'staff'] as const) deps.metrics.setConnected(role, counts[role]);
  };

  const register = (client: Client): void => {
    const siteId = siteOf(client.principal);
    if (siteId === undefined) staffClients.add(client);
    else clientsBySite.set(siteId, (clientsBySite.get(siteId) ?? new Set()).add(client));
    countConnected();
  };
  const unregister = (client: Client): void => {
    const siteId = siteOf(client.principal);
    if (siteId === undefined) staffClients.delete(client);
    else clientsBySite.get(siteId)?.delete(client);
    countConnected();
  };

  app.get(websocketPath, { websocket: true }, (socket) => {
    let client: Client | undefined;
    const helloTimeoutMs = deps.helloTimeoutMs ?? 10_000;
    const seconds = Math.max(1, Math.round(helloTimeoutMs / 1000));
    const helloTimer = setTimeout(
      () => close(socket, closeCodes.helloTimeout, `Say hello with your token within ${seconds} second${seconds === 1 ? '' : 's'}.`),
      helloTimeoutMs,
    );
    // One message at a time, in the order they came. A kiosk sends its status right after its
    // hello; handled side by side, the status found the hello still waiting on the database and
    // the socket was closed as if no hello had been said (a kiosk that then missed every
    // publication). A client that runs far ahead of the hub is cut off rather than queued.
    let handled: Promise<void> = Promise.resolve();
    let queued = 0;
    socket.on('message', (data, isBinary) => {
      if (queued >= maxQueuedMessages)
        return close(socket, closeCodes.badMessage, `Too many messages at once: wait for the hub's answers (at most ${maxQueuedMessages} unanswered).`);
      queued += 1;
      handled = handled.then(() => handleMessage(data, isBinary)).finally(() => (queued -= 1));
    });
    const handleMessage = (data: RawData, isBinary: boolean): Promise<void> =>
      (async () => {
        const message = decode(data, isBinary);
        if (!message.ok) return close(socket, closeCodes.badMessage, message.reason);
        if (message.value.type === 'hello') {
          clearTimeout(helloTimer);
          const principal = await principalForToken(deps.db, message.value.token, deps.now());
          if (!principal) return close(socket, closeCodes.unauthorized, 'This token is not valid (unknown, revoked or expired). Sign in again.');
          if (client) unregister(client);
          client = { socket, principal, token: message.value.token };
          register(client);
          send(socket, { type: 'welcome', role: principal.role, name: principal.name, demo: deps.demo });
          if (principal.role === 'kiosk') await kioskSeen(principal.kioskId, message.value);
          await sendSnapshot(client);
          // Every kiosk learns the current catalogue version on (re)connect and fetches it if it has another.
          if (principal.role === 'kiosk') send(socket, { type: 'procedures-changed', version: deps.catalog.version() });
          return;
        }
        if (!client) return close(socket, closeCodes.unauthorized, 'Say hello with your token first.');
        if (message.value.type === 'kiosk.status') {
          if (client.principal.role === 'kiosk') await kioskSeen(client.principal.kioskId, message.value);
          return;
        }
        return sendSnapshot(client);
      })().catch((error: unknown) => {
        app.log.error({ err: error }, 'realtime message failed');
        close(socket, 1011, 'The hub had a problem; reconnect.');
      });
    socket.on('close', () => {
      clearTimeout(helloTimer);
      if (client) unregister(client);
      // The fleet page shows when a kiosk went away.
      if (client?.principal.role === 'kiosk') void kioskSeen(client.principal.kioskId, {}).catch(() => undefined);
    });
  });

  /** Marks a kiosk seen, with the app and catalogue version it reports (kept when it reports none). */
  const kioskSeen = async (kioskId: string, report: { appVersion?: string | undefined; proceduresVersion?: number | undefined }): Promise<void> => {
    await deps.db
      .updateTable('kiosks')
      .set({
        last_seen_at: deps.now(),
        ...(report.appVersion !== undefined ? { app_version: report.appVersion } : {}),
        ...(report.proceduresVersion !== undefined ? { procedures_version: report.proceduresVersion } : {}),
      })
      .where('id', '=', kioskId)
      .execute();
  };
  const kioskClients = (): Client[] => [...clientsBySite.values()].flatMap((set) => [...set].filter((client) => client.principal.role === 'kiosk'));

  const sendSnapshot = async (client: Client): Promise<void> => {
    const { principal, socket } = client;
    if (principal.role === 'kiosk') {
      const text = JSON.stringify({ type: 'kiosk.call', call: await deps.queue.kioskView(principal.kioskId, principal.siteId) } satisfies HubMessage);
      client.lastKioskView = text;
      sendText(socket, text);
    }
    if (principal.role === 'volunteer') {
      const [calls, available] = await Promise.all([deps.queue.volunteerViews(principal), deps.queue.isAvailable(principal.volunteerId)]);
      send(socket, { type: 'volunteer.calls', calls, serverNow: deps.now(), available });
    }
  };

  const signedOut = 'You signed out, or this device was removed. Sign in again.';

  /** Pushes one site's change to its clients; changes of one site are pushed in order. */
  const pushChange = async (change: SiteChange): Promise<void> => {
    if (change.takeOver) {
      // To the kiosk of the call alone (both its sockets; the procedures one ignores it).
      const { kioskId, callId, volunteerName } = change.takeOver;
      for (const client of clientsBySite.get(change.siteId) ?? []) {
        if (client.principal.role === 'kiosk' && client.principal.kioskId === kioskId) send(client.socket, { type: 'kiosk.take-over', callId, volunteerName });
      }
      return;
    }
    if (change.revokedTokenHash) {
      for (const client of [...(clientsBySite.get(change.siteId) ?? [])]) {
        if (hashToken(client.token) === change.revokedTokenHash) {
          unregister(client);
          close(client.socket, closeCodes.unauthorized, signedOut);
        }
      }
      return;
    }
    const clients = [...(clientsBySite.get(change.siteId) ?? [])];
    if (change.escalated && change.callId) {
      for (const staff of staffClients)
        send(staff.socket, { type: 'staff.alert', callId: change.callId, siteId: change.siteId, message: 'Nobody has accepted a help call in time.' });
    }
    if (clients.length === 0) return;
    const kiosks = clients.filter((client) => client.principal.role === 'kiosk');
    const volunteers = clients.filter((client) => client.principal.role === 'volunteer');
    // Volunteers first: a new call should reach their phones before anything else is computed.
    if (change.callId) {
      const viewFor = volunteers.length > 0 ? await viewsOfCall(deps.db, deps.catalog, change.callId) : undefined;
      for (const volunteer of volunteers) {
        if (viewFor && volunteer.principal.role === 'volunteer')
          send(volunteer.socket, { type: 'volunteer.call', call: viewFor(volunteer.principal.volunteerId), serverNow: deps.now() });
      }
    } else if (change.volunteerId) {
      // An availability switch changes that volunteer's own list (new offers) and nobody else's.
      for (const volunteer of volunteers)
        if (volunteer.principal.role === 'volunteer' && volunteer.principal.volunteerId === change.volunteerId) await sendSnapshot(volunteer);
    } else {
      for (const volunteer of volunteers) await sendSnapshot(volunteer);
    }
    if (kiosks.length > 0) {
      // Positions and estimated waits move with every change at the site; send only what changed.
      const views = await deps.queue.kioskViewsForSite(change.siteId);
      for (const kiosk of kiosks) {
        if (kiosk.principal.role !== 'kiosk') continue;
        const message: HubMessage = { type: 'kiosk.call', call: views.get(kiosk.principal.kioskId) ?? null };
        const text = JSON.stringify(message);
        if (text === kiosk.lastKioskView) continue;
        kiosk.lastKioskView = text;
        sendText(kiosk.socket, text);
      }
    }
  };

  const pending = new Map<string, Promise<void>>();
  const enqueue = (change: SiteChange): void => {
    // Publications reach kiosks through the catalogue's reload (onChange below), not per site.
    if (change.proceduresChanged) return;
    const previous = pending.get(change.siteId) ?? Promise.resolve();
    const next = previous
      .then(() => pushChange(change))
      .catch((error: unknown) => app.log.error({ err: error, siteId: change.siteId }, 'pushing a change failed'));
    pending.set(change.siteId, next);
    void next.finally(() => {
      if (pending.get(change.siteId) === next) pending.delete(change.siteId);
    });
  };
  const unsubscribe = deps.feed.subscribe(enqueue);
  // A publication (here or on another hub) reached this hub's catalogue: tell every kiosk.
  const unsubscribeCatalog = deps.catalog.onChange((version) => {
    for (const kiosk of kioskClients()) send(kiosk.socket, { type: 'procedures-changed', version });
  });
  const unsubscribeMissed = deps.feed.onMissedChanges(() => {
    for (const clients of clientsBySite.values()) for (const client of clients) void sendSnapshot(client).catch(() => undefined);
  });

  // Sessions also end by expiring: check every client's token again now and then.
  const recheckTokens = async (): Promise<void> => {
    const clients = [...staffClients, ...[...clientsBySite.values()].flatMap((set) => [...set])];
    const valid = await tokensStillValid(
      deps.db,
      clients.map((client) => client.token),
      deps.now(),
    );
    for (const client of clients) {
      if (valid.has(client.token)) continue;
      unregister(client);
      close(client.socket, closeCodes.unauthorized, signedOut);
    }
  };

  // Find sockets whose other end vanished without a close (a phone losing its network).
  const heartbeat = setInterval(() => {
    void recheckTokens().catch((error: unknown) => app.log.error({ err: error }, 'checking tokens failed'));
    // Connected kiosks are seen now: the fleet page on any hub counts them online.
    const kioskIds = [...new Set(kioskClients().flatMap((client) => (client.principal.role === 'kiosk' ? [client.principal.kioskId] : [])))];
    if (kioskIds.length > 0) {
      void deps.db
        .updateTable('kiosks')
        .set({ last_seen_at: deps.now() })
        .where('id', 'in', kioskIds)
        .execute()
        .catch((error: unknown) => app.log.error({ err: error }, 'marking kiosks seen failed'));
    }
    for (const socket of app.websocketServer.clients) {
      const alive = socket as WebSocket & { isAlive?: boolean };
      if (alive.isAlive === false) {
        socket.terminate();
        continue;
      }
      alive.isAlive = false;
      socket.ping();
    }
  }, 30_000);
  app.websocketServer.on('connection', (socket: WebSocket & { isAlive?: boolean }) => {
    socket.isAlive = true;
    socket.on('pong', () => (socket.isAlive = true));
  });

  return {
    connectedKiosks: () => new Set(kioskClients().flatMap((client) => (client.principal.role === 'kiosk' ? [client.principal.kioskId] : []))),
    close: () => {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeCatalog();
      unsubscribeMissed();
      for (const socket of app.websocketServer.clients) close(socket, closeCodes.shuttingDown, 'The hub is restarting; reconnect in a moment.');
    },
    terminate: () => {
      for (const socket of app.websocketServer.clients) socket.terminate();
    },
  };
}

function decode(data: unknown, isBinary: boolean): { ok: true; value: ReturnType<typeof clientMessageSchema.parse> } | { ok: false; reason: string } {
  if (isBinary) return { ok: false, reason: 'Messages are JSON text.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(data));
  } catch {
    return { ok: false, reason: 'Messages are JSON text.' };
  }
  const result = clientMessageSchema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `Not a valid message: ${issue?.path.join('.') || 'type'} ${issue?.message ?? ''}`.trim() };
}

function send(socket: WebSocket, message: HubMessage): void {
  sendText(socket, JSON.stringify(message));
}

function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState === socket.OPEN) socket.send(text);
}

/** Messages one socket may have waiting to be handled before it is cut off. */
const maxQueuedMessages = 64;

function close(socket: WebSocket, code: number, reason: string): void {
  // A close reason may carry at most 123 bytes.
  const bytes = Buffer.from(reason);
  socket.close(code, bytes.length <= 123 ? reason : bytes.subarray(0, 120).toString() + '…');
}
