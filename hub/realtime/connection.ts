/**
 * One socket's conversation: it has a few seconds to say `hello` with its token; a good hello
 * registers it (client-registry.ts) and is answered with `welcome` and the client's snapshot (a
 * kiosk also gets the catalogue version, and is marked seen with what it runs); after that it
 * may ask for `resync`, a kiosk may report
 * `kiosk.status` and a staff workshops page say which site it watches (`staff.workshops`) (answered with the catalogue version when it shows the kiosk behind). Messages
 * are handled one at a time, within the socket's budget (message-budget.ts); a hello said again
 * is ignored.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { RawData, WebSocket } from 'ws';
import { closeCodes } from '../../core/protocol/ws.js';
import { principalForToken } from '../auth/authenticate.js';
import type { HubDatabase } from '../db/schema.js';
import type { Client, ClientRegistry } from './client-registry.js';
import type { FleetPresence } from './fleet-presence.js';
import { maxWaitingSocketsPerAddress, socketLimitFor, socketMessageBudget, tokenBucket, type CountPerKey } from './message-budget.js';
import type { SendSnapshot } from './snapshots.js';
import { close, decode, send } from './wire.js';

/** What a socket's conversation needs. */
export interface ConnectionDependencies {
  db: Kysely<HubDatabase>;
  /** The catalogue version kiosks are told of (the last announced: its audio is ready). */
  catalogueVersion: () => number;
  demo: boolean;
  now: () => number;
  log: FastifyBaseLogger;
  registry: ClientRegistry;
  presence: FleetPresence;
  sendSnapshot: SendSnapshot;
  /** A staff client's workshops page watches a site (hub/workshops/workshop-push.ts); false for a site the hub does not know. */
  watchWorkshops: (client: Client, siteId: string | null) => Promise<boolean>;
  /** How long a new socket has to say hello. */
  helloTimeoutMs: number;
  /** A monotonic clock in milliseconds for the message budget (performance.now). */
  monotonicNow: () => number;
  /** The client's address, and the sockets of each address still waiting for their hello. */
  address: string;
  waitingForHello: CountPerKey;
}

/** Messages one socket may have waiting to be handled before it is cut off. */
const maxQueuedMessages = 64;

/** Takes a new socket through hello and serves it until it closes. */
export function serveConnection(socket: WebSocket, deps: ConnectionDependencies): void {
  const { registry } = deps;
  let client: Client | undefined;
  if (!deps.waitingForHello.enter(deps.address))
    return close(
      socket,
      closeCodes.tooManyConnections,
      `Too many connections from this address waiting to say hello: at most ${maxWaitingSocketsPerAddress}. Say hello on those first.`,
    );
  // The place is given back once, at the socket's first frame (its hello, a real client's first
  // word) or when it closes: a hub slow to answer hellos after a restart counts nobody against it.
  let waiting = true;
  const stopWaiting = (): void => {
    if (waiting) deps.waitingForHello.leave(deps.address);
    waiting = false;
  };
  const seconds = Math.max(1, Math.round(deps.helloTimeoutMs / 1000));
  const helloTimer = setTimeout(
    () => close(socket, closeCodes.helloTimeout, `Say hello with your token within ${seconds} second${seconds === 1 ? '' : 's'}.`),
    deps.helloTimeoutMs,
  );
  // One message at a time, in the order they came. A kiosk sends its status right after its
  // hello; handled side by side, the status found the hello still waiting on the database and
  // the socket was closed as if no hello had been said (a kiosk that then missed every
  // publication). A client that runs far ahead of the hub is cut off rather than queued.
  let handled: Promise<void> = Promise.resolve();
  let queued = 0;
  // Counted as frames arrive, before any is read: a flood costs the hub nothing but this count.
  const budget = tokenBucket(socketMessageBudget, deps.monotonicNow);
  let cutOff = false;
  socket.on('message', (data, isBinary) => {
    stopWaiting();
    if (cutOff) return;
    if (!budget.take()) {
      cutOff = true;
      return close(
        socket,
        closeCodes.tooManyMessages,
        `Too many messages: at most ${socketMessageBudget.burst} at once and ${socketMessageBudget.perSecond} a second after that.`,
      );
    }
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
        // A socket says hello once; saying it again only made the hub look the token up, write
        // the kiosk's presence and send the whole snapshot again (2,000 hellos: 144 → 271 MB).
        if (client) return;
        clearTimeout(helloTimer);
        const principal = await principalForToken(deps.db, message.value.token, deps.now());
        // The socket may have closed while its token was looked up: its close has been handled
        // already, so registering it now would keep it in the registry for good, counted against
        // its token's sockets and shown connected on the fleet page.
        if (socket.readyState !== socket.OPEN) return;
        if (!principal) return close(socket, closeCodes.unauthorized, 'This token is not valid (unknown, revoked or expired). Sign in again.');
        // The newest socket is refused, not the oldest cut: the sockets already working stay
        // served, a stolen token cannot push its owner off, and two clients sharing one token do
        // not take turns cutting each other off. Checked and added with no await in between.
        const limit = socketLimitFor(principal.role);
        if (registry.socketsOfToken(message.value.token) >= limit)
          return close(socket, closeCodes.tooManyConnections, `Too many connections with this token: at most ${limit} at once. Close another window first.`);
        client = { socket, principal, token: message.value.token };
        registry.add(client);
        send(socket, { type: 'welcome', role: principal.role, name: principal.name, demo: deps.demo });
        if (principal.role === 'kiosk') await deps.presence.kioskSeen(principal.kioskId, message.value);
        await deps.sendSnapshot(client);
        // Every kiosk learns the current catalogue version on (re)connect and fetches it if it has
        // another: a publication announced while it was away is not missed. Read after the awaits
        // above, and the kiosk is registered already, so an announcement cannot fall in between.
        if (principal.role === 'kiosk') send(socket, { type: 'procedures-changed', version: deps.catalogueVersion() });
        return;
      }
      if (!client) return close(socket, closeCodes.unauthorized, 'Say hello with your token first.');
      if (message.value.type === 'kiosk.status') {
        if (client.principal.role !== 'kiosk') return;
        await deps.presence.kioskSeen(client.principal.kioskId, message.value);
        // A kiosk confirms what it holds after each download and every minute: one that is behind
        // (it missed an announcement, or its download failed) is told again, so none stays behind.
        const current = deps.catalogueVersion();
        if (message.value.proceduresVersion < current) send(socket, { type: 'procedures-changed', version: current });
        return;
      }
      if (message.value.type === 'staff.workshops') {
        // Only staff have a workshops page to watch a site from; a volunteer's site is fixed by its session.
        if (client.principal.role !== 'staff') return;
        const siteId = message.value.siteId;
        if (!(await deps.watchWorkshops(client, siteId)))
          return close(
            socket,
            closeCodes.badMessage,
            `There is no site "${siteId ?? ''}" to watch workshops at. Choose one of the sites the staff console lists.`,
          );
        return;
      }
      return deps.sendSnapshot(client);
    })().catch((error: unknown) => {
      deps.log.error({ err: error }, 'realtime message failed');
      close(socket, 1011, 'The hub had a problem; reconnect.');
    });
  socket.on('close', () => {
    clearTimeout(helloTimer);
    stopWaiting();
    if (client) registry.remove(client);
    // The fleet page shows at once that a kiosk went away, and when.
    if (client?.principal.role === 'kiosk') {
      const kioskId = client.principal.kioskId;
      void deps.presence.kioskGone(kioskId, registry.connectedKioskIds().has(kioskId)).catch(() => undefined);
    }
  });
}
