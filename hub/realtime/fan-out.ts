/**
 * Fan-out: each change the feed reports committed goes to the clients it concerns, changes of
 * one site in order; a publication goes to every kiosk; after a gap in the feed every client
 * gets its whole state again. Nothing is replayed to a client that reconnects: its hello brings
 * it up to date (connection.ts).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { HubMessage } from '../../core/protocol/ws.js';
import type { ChangeFeed, SiteChange } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { viewsOfCall } from '../help-queue/call-views-for-site.js';
import type { HelpQueue } from '../help-queue/queue-service.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { isKioskClient, isVolunteerClient, type ClientRegistry } from './client-registry.js';
import type { SendSnapshot } from './snapshots.js';
import type { TokenChecks } from './token-checks.js';
import { send, sendText } from './wire.js';

/** What the fan-out reads and whom it tells. */
export interface FanOutDependencies {
  db: Kysely<HubDatabase>;
  queue: HelpQueue;
  feed: ChangeFeed;
  catalog: ProcedureCatalog;
  now: () => number;
  log: FastifyBaseLogger;
  registry: ClientRegistry;
  tokens: TokenChecks;
  sendSnapshot: SendSnapshot;
}

/** Starts pushing changes to the connected clients; returns the stop. */
export function startFanOut(deps: FanOutDependencies): () => void {
  const { registry } = deps;

  /** Pushes one site's change to its clients. */
  const pushChange = async (change: SiteChange): Promise<void> => {
    if (change.takeOver) {
      // To the kiosk of the call alone.
      const { kioskId, callId, volunteerName } = change.takeOver;
      for (const client of registry.atSite(change.siteId))
        if (isKioskClient(client) && client.principal.kioskId === kioskId) send(client.socket, { type: 'kiosk.take-over', callId, volunteerName });
      return;
    }
    if (change.revokedTokenHash) return deps.tokens.closeRevoked(change.siteId, change.revokedTokenHash);
    if (change.revokedSubject) return deps.tokens.closeSubject(change.revokedSubject);
    const clients = registry.atSite(change.siteId);
    if (change.escalated && change.callId) {
      for (const staff of registry.staffClients())
        send(staff.socket, { type: 'staff.alert', callId: change.callId, siteId: change.siteId, message: 'Nobody has accepted a help call in time.' });
    }
    if (clients.length === 0) return;
    const kiosks = clients.filter(isKioskClient);
    const volunteers = clients.filter(isVolunteerClient);
    // Volunteers first: a new call should reach their phones before anything else is computed.
    if (change.callId) {
      const viewFor = volunteers.length > 0 ? await viewsOfCall(deps.db, deps.catalog, change.callId) : undefined;
      if (viewFor)
        for (const volunteer of volunteers)
          send(volunteer.socket, { type: 'volunteer.call', call: viewFor(volunteer.principal.volunteerId), serverNow: deps.now() });
    } else if (change.volunteerId) {
      // An availability switch changes that volunteer's own list (new offers) and nobody else's.
      for (const volunteer of volunteers) if (volunteer.principal.volunteerId === change.volunteerId) await deps.sendSnapshot(volunteer);
    } else {
      for (const volunteer of volunteers) await deps.sendSnapshot(volunteer);
    }
    if (kiosks.length > 0) {
      // Positions and estimated waits move with every change at the site; send only what changed.
      const views = await deps.queue.kioskViewsForSite(change.siteId);
      for (const kiosk of kiosks) {
        const text = JSON.stringify({ type: 'kiosk.call', call: views.get(kiosk.principal.kioskId) ?? null } satisfies HubMessage);
        if (text === kiosk.lastKioskView) continue;
        kiosk.lastKioskView = text;
        sendText(kiosk.socket, text);
      }
    }
  };

  const pending = new Map<string, Promise<void>>();
  const enqueue = (change: SiteChange): void => {
    // Publications reach kiosks through the catalogue's reload (onChange below), not per site;
    // workshops are pushed by hub/workshops/workshop-push.ts.
    if (change.proceduresChanged || change.workshop) return;
    const previous = pending.get(change.siteId) ?? Promise.resolve();
    const next = previous
      .then(() => pushChange(change))
      .catch((error: unknown) => deps.log.error({ err: error, siteId: change.siteId }, 'pushing a change failed'));
    pending.set(change.siteId, next);
    void next.finally(() => {
      if (pending.get(change.siteId) === next) pending.delete(change.siteId);
    });
  };
  const unsubscribe = deps.feed.subscribe(enqueue);
  // A publication (here or on another hub) reached this hub's catalogue: tell every kiosk.
  const unsubscribeCatalog = deps.catalog.onChange((version) => {
    for (const kiosk of registry.kiosks()) send(kiosk.socket, { type: 'procedures-changed', version });
  });
  const unsubscribeMissed = deps.feed.onMissedChanges(() => {
    // A revocation may have been among the missed changes: check every token now, not at the next beat.
    void deps.tokens.recheckAll().catch((error: unknown) => deps.log.error({ err: error }, 'checking tokens failed'));
    for (const client of registry.atAnySite()) void deps.sendSnapshot(client).catch(() => undefined);
  });
  return () => {
    unsubscribe();
    unsubscribeCatalog();
    unsubscribeMissed();
  };
}
