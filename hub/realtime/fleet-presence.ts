/**
 * The fleet page's view of kiosks. Written to the database, so every hub of a city sees it: when
 * a kiosk was last seen and the app and catalogue version it reports (hello and `kiosk.status`).
 * A kiosk is seen when it says hello, reports, goes away, and every heartbeat while its socket is
 * open on any hub. Kept here too: when a kiosk's socket on this hub closed, so the fleet shows it
 * offline at once rather than after the online window; and listeners (the staff fleet push) are
 * told of every change.
 */
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/schema.js';

/** What a kiosk reports it runs; a field it leaves out keeps what was stored. */
export interface KioskReport {
  appVersion?: string | undefined;
  proceduresVersion?: number | undefined;
}

/** Writes kiosk presence for the fleet page. */
export class FleetPresence {
  private readonly gone = new Map<string, number>();
  /** What each kiosk last reported here, so a minute's unchanged confirmation is not news. */
  private readonly reported = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Kysely<HubDatabase>,
    private readonly now: () => number,
  ) {}

  /** Marks a kiosk seen now (it said hello or reported on a socket of this hub), with what it reports. */
  async kioskSeen(kioskId: string, report: KioskReport = {}): Promise<void> {
    const wasGone = this.gone.delete(kioskId);
    const said = JSON.stringify([report.appVersion, report.proceduresVersion]);
    const news = wasGone || this.reported.get(kioskId) !== said;
    this.reported.set(kioskId, said);
    await this.db
      .updateTable('kiosks')
      .set({
        last_seen_at: this.now(),
        ...(report.appVersion !== undefined ? { app_version: report.appVersion } : {}),
        ...(report.proceduresVersion !== undefined ? { procedures_version: report.proceduresVersion } : {}),
      })
      .where('id', '=', kioskId)
      .execute();
    if (news) this.changed();
  }

  /** A kiosk's socket on this hub closed (`stillConnected`: it has another one here). */
  async kioskGone(kioskId: string, stillConnected: boolean): Promise<void> {
    const at = this.now();
    this.reported.delete(kioskId);
    if (!stillConnected) this.gone.set(kioskId, at);
    // Told before the write: the page on this hub shows it offline at once.
    this.changed();
    await this.db.updateTable('kiosks').set({ last_seen_at: at }).where('id', '=', kioskId).execute();
  }

  /** When each kiosk's last socket on this hub closed. */
  goneAt(): ReadonlyMap<string, number> {
    return this.gone;
  }

  /** Calls `listener` after every change a kiosk of this hub made; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks every kiosk connected to this hub seen now (one query), so any hub counts them online. */
  async connectedSeen(kioskIds: ReadonlySet<string>): Promise<void> {
    if (kioskIds.size === 0) return;
    await this.db
      .updateTable('kiosks')
      .set({ last_seen_at: this.now() })
      .where('id', 'in', [...kioskIds])
      .execute();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
