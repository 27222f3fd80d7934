/**
 * How every hub process learns that a site changed, after the change is committed. One hub on
 * SQLite: an in-process event. Several hubs on one PostgreSQL: `pg_notify` inside the very
 * transaction that made the change (PostgreSQL delivers it only on commit, so nothing is ever
 * announced that was not stored) and a LISTEN connection in each hub. No home-made clustering.
 */
import { EventEmitter } from 'node:events';
import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { HubDatabase } from './schema.js';

/** Something changed at a site: its calls or its volunteers' availability. */
export interface SiteChange {
  siteId: string;
  callId?: string;
  /** Set when a call was just escalated, so staff can be alerted. */
  escalated?: boolean;
  /** Set when only this volunteer's availability changed: only their list needs sending again. */
  volunteerId?: string;
  /** A token (its hash) that no longer admits anyone: sockets that said hello with it are closed. */
  revokedTokenHash?: string;
  /**
   * Every session of one account ended (its rights changed; `siteId` is {@link allSites}): each
   * hub closes that account's sockets, all but the one opened with `keepTokenHash` if given.
   */
  revokedSubject?: { role: 'volunteer' | 'staff'; id: string; keepTokenHash?: string };
  /**
   * The volunteer who holds a call asked its kiosk for their PIN ("Tomar el control del
   * quiosco"): pushed to that kiosk only, with the volunteer's first name.
   */
  takeOver?: { kioskId: string; callId: string; volunteerName: string };
  /**
   * A workshop of the site changed (issue 18): its trainers and participants are told by
   * hub/workshops/, not the help queue's fan-out. `left` lists the kiosks this change took out
   * of it (they left, or it ended and they were wiped), with the seat they had.
   */
  workshop?: { id: string; left?: { kioskId: string; seat: number }[] };
  /** Staff published procedures (with `siteId` {@link allSites}): every hub reloads its catalogue and tells its kiosks. */
  proceduresChanged?: boolean;
}

/** The `siteId` of a change that concerns every site (a publication). */
export const allSites = '*';

/** The change feed of one hub process. */
export interface ChangeFeed {
  /** Records a change inside the transaction that makes it. */
  announceInTransaction(trx: Transaction<HubDatabase>, change: SiteChange): Promise<void>;
  /** Runs after that transaction committed. */
  afterCommit(change: SiteChange): void;
  /** Calls `listener` for every committed change, from any hub. */
  subscribe(listener: (change: SiteChange) => void): () => void;
  /** Calls `listener` when changes may have been missed (the feed reconnected): refresh everything. */
  onMissedChanges(listener: () => void): () => void;
  close(): Promise<void>;
}

const channel = 'paso_site_changes';

/** The feed of a single hub process (SQLite). */
export function localChangeFeed(): ChangeFeed {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    announceInTransaction: () => Promise.resolve(),
    afterCommit: (change) => events.emit('change', change),
    subscribe: (listener) => {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    onMissedChanges: () => () => undefined,
    close: () => Promise.resolve(),
  };
}

/** The feed shared by every hub on one PostgreSQL database. */
export async function postgresChangeFeed(url: string, log: (message: string) => void): Promise<ChangeFeed> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let client: pg.Client | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      try {
        events.emit('change', JSON.parse(message.payload) as SiteChange);
      } catch {
        log('ignored a malformed change notification');
      }
    });
    next.on('error', () => {
      if (closed) return;
      log('the change feed lost PostgreSQL; reconnecting');
      void next.end().catch(() => undefined);
      setTimeout(() => void reconnect(), 500);
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  const reconnect = async (): Promise<void> => {
    if (closed) return;
    try {
      await connect();
      // Notifications sent while we were away are gone: have every listener refresh from the database.
      events.emit('missed');
    } catch {
      setTimeout(() => void reconnect(), 1000);
    }
  };

  await connect();
  return {
    announceInTransaction: async (trx, change) => {
      await sql`select pg_notify(${channel}, ${JSON.stringify(change)})`.execute(trx);
    },
    afterCommit: () => undefined,
    subscribe: (listener) => {
      events.on('change', listener);
      return () => events.off('change', listener);
    },
    onMissedChanges: (listener) => {
      events.on('missed', listener);
      return () => events.off('missed', listener);
    },
    close: async () => {
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}
