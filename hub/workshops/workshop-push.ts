/**
 * Workshops, live: each committed workshop change (from this hub or, on PostgreSQL, any other)
 * sends the workshop's grid to the site's volunteers and to the staff whose workshops page
 * watches the site and who may lead it (`workshop.grid`), and each participating
 * kiosk its own view (`kiosk.workshop`, only when it changed); a kiosk the change took out hears
 * `null` (it left) or a last view with state `ended`. Changes to one workshop that arrive while
 * it is being pushed are pushed once more after, together: 30 kiosks reporting at once cost a
 * few reads, not 30, and the last state always goes out.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { WebSocket } from 'ws';
import type { HubMessage } from '../../core/protocol/ws.js';
import { mayLead, type Trainer } from '../../core/workshop/trainer-rules.js';
import type { StaffPrincipal } from '../auth/principal.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { isKioskClient, isVolunteerClient, type Client, type ClientRegistry } from '../realtime/client-registry.js';
import { send, sendText } from '../realtime/wire.js';
import { readWorkshop, runningWorkshopsAt, workshopOfKiosk } from './workshop-reads.js';
import { endedKioskView, kioskView, ledWorkshop, trainerView, type LessonSource } from './workshop-views.js';

/** What the push reads and whom it tells. */
export interface WorkshopPushDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  catalog: ProcedureCatalog;
  registry: ClientRegistry;
  now: () => number;
  log: FastifyBaseLogger;
}

/** The running push. */
export interface WorkshopPush {
  /**
   * Sends a client its workshops: a kiosk its own (or null), a volunteer every running grid of
   * the site, a staff client watching a site the grids there it may lead.
   */
  snapshot(client: Client): Promise<void>;
  /**
   * A staff client's workshops page watches a site (null: none): from now on it is sent the grids
   * of the workshops it may lead there, starting with the running ones. False for a site the hub
   * does not know (nothing is watched then).
   */
  watch(client: Client, siteId: string | null): Promise<boolean>;
  stop(): void;
}

/** A staff client watching a site, as the trainer it would be there. */
function staffTrainerOf(client: Client<StaffPrincipal>, siteId: string): Trainer {
  return { kind: 'staff', id: client.principal.staffId, name: client.principal.name, siteId };
}

interface Pending {
  siteId: string;
  left: Map<string, number>;
  dirty: boolean;
  running: boolean;
}

/** Starts pushing workshop changes. */
export function startWorkshopPush(deps: WorkshopPushDependencies): WorkshopPush {
  const lessons: LessonSource = (id) => deps.catalog.get(id);
  // The last workshop view each kiosk socket was sent, so an unchanged one is not sent again.
  const lastSent = new WeakMap<WebSocket, string>();
  const sendKiosk = (socket: WebSocket, message: HubMessage, always = false): void => {
    const text = JSON.stringify(message);
    if (!always && lastSent.get(socket) === text) return;
    lastSent.set(socket, text);
    sendText(socket, text);
  };

  const push = async (workshopId: string, siteId: string, left: ReadonlyMap<string, number>): Promise<void> => {
    const clients = deps.registry.atSite(siteId);
    const staff = deps.registry.staffWatchingWorkshopsAt(siteId);
    if (clients.length === 0 && staff.length === 0) return;
    const workshop = await readWorkshop(deps.db, workshopId);
    if (!workshop) return;
    const grid: HubMessage = { type: 'workshop.grid', workshop: trainerView(workshop.row, workshop.participants, lessons), serverNow: deps.now() };
    const gridText = JSON.stringify(grid);
    for (const volunteer of clients.filter(isVolunteerClient)) sendText(volunteer.socket, gridText);
    // Staff watching the site hear only of the workshops they may lead (not another staff member's).
    for (const watcher of staff) if (mayLead(staffTrainerOf(watcher, siteId), ledWorkshop(workshop.row))) sendText(watcher.socket, gridText);
    const seated = new Map(workshop.participants.map((participant) => [participant.kiosk_id, participant]));
    for (const kiosk of clients.filter(isKioskClient)) {
      const kioskId = kiosk.principal.kioskId;
      const participant = seated.get(kioskId);
      if (participant) sendKiosk(kiosk.socket, { type: 'kiosk.workshop', workshop: kioskView(workshop.row, participant) });
      else if (left.has(kioskId)) {
        // Taken out by this change: unless it already sits in another workshop (whose push tells it).
        const elsewhere = await workshopOfKiosk(deps.db, kioskId);
        if (elsewhere) continue;
        const view = workshop.row.state === 'ended' ? endedKioskView(workshop.row, left.get(kioskId) ?? 1) : null;
        sendKiosk(kiosk.socket, { type: 'kiosk.workshop', workshop: view });
      }
    }
  };

  const pending = new Map<string, Pending>();
  const run = async (workshopId: string, entry: Pending): Promise<void> => {
    entry.running = true;
    while (entry.dirty) {
      entry.dirty = false;
      const left = entry.left;
      entry.left = new Map();
      try {
        await push(workshopId, entry.siteId, left);
      } catch (error) {
        deps.log.error({ err: error, workshopId }, 'pushing a workshop change failed');
      }
    }
    entry.running = false;
    pending.delete(workshopId);
  };
  const unsubscribe = deps.feed.subscribe((change) => {
    if (!change.workshop) return;
    const { id, left = [] } = change.workshop;
    let entry = pending.get(id);
    if (!entry) {
      entry = { siteId: change.siteId, left: new Map(), dirty: false, running: false };
      pending.set(id, entry);
    }
    for (const gone of left) entry.left.set(gone.kioskId, gone.seat);
    entry.dirty = true;
    if (!entry.running) void run(id, entry);
  });

  /** The running grids of a site that `trainer` may lead, to one socket. */
  const sendGrids = async (socket: WebSocket, trainer: Trainer | undefined, siteId: string): Promise<void> => {
    const serverNow = deps.now();
    for (const workshop of await runningWorkshopsAt(deps.db, siteId))
      if (!trainer || mayLead(trainer, ledWorkshop(workshop.row)))
        send(socket, { type: 'workshop.grid', workshop: trainerView(workshop.row, workshop.participants, lessons), serverNow });
  };

  return {
    watch: async (client, siteId) => {
      if (client.principal.role !== 'staff') return true;
      if (siteId === null) {
        delete client.workshopSiteId;
        return true;
      }
      const site = await deps.db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
      if (!site) return false;
      client.workshopSiteId = siteId;
      await sendGrids(client.socket, staffTrainerOf(client as Client<StaffPrincipal>, siteId), siteId);
      return true;
    },
    snapshot: async (client) => {
      const { principal, socket } = client;
      if (principal.role === 'staff' && client.workshopSiteId !== undefined)
        await sendGrids(socket, staffTrainerOf(client as Client<StaffPrincipal>, client.workshopSiteId), client.workshopSiteId);
      if (principal.role === 'kiosk') {
        const mine = await workshopOfKiosk(deps.db, principal.kioskId);
        sendKiosk(socket, { type: 'kiosk.workshop', workshop: mine ? kioskView(mine.row, mine.participant) : null }, true);
      }
      // A volunteer leads every workshop of their site (core/workshop/trainer-rules.ts).
      if (principal.role === 'volunteer') await sendGrids(socket, undefined, principal.siteId);
    },
    stop: unsubscribe,
  };
}
