/**
 * The kiosk fleet as staff see it: every kiosk, whether it is online, when it was last seen, and
 * which app and catalogue version it runs (reported over the WebSocket). Online means connected
 * to this hub now, or seen by any hub within the window: connected kiosks are marked seen every
 * 30 seconds, so on a city's several hubs the window is what tells.
 */
import type { Kysely } from 'kysely';
import type { FleetResponse } from '../../core/protocol/staff-console.js';
import type { HubDatabase } from '../db/schema.js';

/** A kiosk seen within this many seconds counts as online. */
export const onlineWindowSeconds = 120;

/** Every kiosk with its state. */
export async function readFleet(db: Kysely<HubDatabase>, connectedHere: ReadonlySet<string>, catalogVersion: number, now: number): Promise<FleetResponse> {
  const rows = await db
    .selectFrom('kiosks')
    .innerJoin('sites', 'sites.id', 'kiosks.site_id')
    .select([
      'kiosks.id',
      'kiosks.name',
      'kiosks.location',
      'kiosks.site_id',
      'sites.name as site_name',
      'kiosks.last_seen_at',
      'kiosks.app_version',
      'kiosks.procedures_version',
      'kiosks.revoked_at',
      'kiosks.created_at',
    ])
    .orderBy('sites.name')
    .orderBy('kiosks.name')
    .execute();
  return {
    kiosks: rows.map((row) => {
      const revoked = row.revoked_at !== null;
      return {
        id: row.id,
        name: row.name,
        location: row.location,
        siteId: row.site_id,
        siteName: row.site_name,
        online: !revoked && (connectedHere.has(row.id) || (row.last_seen_at !== null && now - row.last_seen_at <= onlineWindowSeconds * 1000)),
        lastSeenAt: row.last_seen_at,
        appVersion: row.app_version,
        proceduresVersion: row.procedures_version,
        upToDate: row.procedures_version === catalogVersion,
        revoked,
        createdAt: row.created_at,
      };
    }),
    catalogVersion,
    onlineWindowSeconds,
    serverNow: now,
  };
}
