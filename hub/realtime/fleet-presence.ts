/**
 * The fleet page's view of kiosks, written to the database so every hub of a city sees it:
 * when a kiosk was last seen and the app and catalogue version it reports (hello and
 * `kiosk.status`). A kiosk is seen when it says hello, reports, goes away, and every heartbeat
 * while its socket is open on any hub.
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
  constructor(
    private readonly db: Kysely<HubDatabase>,
    private readonly now: () => number,
  ) {}

  /** Marks a kiosk seen now, with what it reports. */
  async kioskSeen(kioskId: string, report: KioskReport = {}): Promise<void> {
    await this.db
      .updateTable('kiosks')
      .set({
        last_seen_at: this.now(),
        ...(report.appVersion !== undefined ? { app_version: report.appVersion } : {}),
        ...(report.proceduresVersion !== undefined ? { procedures_version: report.proceduresVersion } : {}),
      })
      .where('id', '=', kioskId)
      .execute();
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
}
