/**
 * The kiosk fleet as staff see it: every kiosk, whether it is online, when it was last seen, which
 * app it runs and which published version of each procedure it holds (it confirms its catalogue
 * version over the WebSocket; what that version held is known from the catalogues this hub served).
 *
 * Online means connected to this hub now, or seen by another hub within the window and not seen
 * going away here since. Hubs mark their connected kiosks seen every 10 seconds (realtime.ts), so
 * on a city's several hubs a kiosk gone from another hub shows offline within the window plus a
 * beat; on the hub it left, at once.
 */
import type { Kysely } from 'kysely';
import type { Procedure } from '../../core/procedure/schema.js';
import type { FleetResponse } from '../../core/protocol/staff-console.js';
import type { HubDatabase } from '../db/schema.js';
import type { CatalogueVersions } from '../procedures/served-catalogues.js';

/** A kiosk seen by another hub within this many seconds counts as online. */
export const onlineWindowSeconds = 20;

/** What this hub knows of kiosk sockets beyond the database. */
export interface FleetLiveness {
  /** Kiosks with a live socket on this hub. */
  connectedHere: ReadonlySet<string>;
  /** When a kiosk's last socket here closed (forgotten when it says hello again here). */
  goneAt: ReadonlyMap<string, number>;
}

/** The current catalogue and what older catalogue versions held. */
export interface FleetCatalogue {
  version: number;
  procedures: readonly Pick<Procedure, 'id' | 'version' | 'title'>[];
  /** What catalogue `version` held, if known. */
  at(version: number): CatalogueVersions | undefined;
}

/** Every kiosk with its state. */
export async function readFleet(db: Kysely<HubDatabase>, live: FleetLiveness, catalogue: FleetCatalogue, now: number): Promise<FleetResponse> {
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
      const goneAt = live.goneAt.get(row.id);
      // Seen by another hub after it went away here: it is there now.
      const seenElsewhere =
        row.last_seen_at !== null && now - row.last_seen_at <= onlineWindowSeconds * 1000 && (goneAt === undefined || row.last_seen_at > goneAt);
      return {
        id: row.id,
        name: row.name,
        location: row.location,
        siteId: row.site_id,
        siteName: row.site_name,
        online: !revoked && (live.connectedHere.has(row.id) || seenElsewhere),
        lastSeenAt: row.last_seen_at,
        appVersion: row.app_version,
        proceduresVersion: row.procedures_version,
        upToDate: row.procedures_version === catalogue.version,
        revoked,
        createdAt: row.created_at,
        outdated: outdatedProcedures(row.procedures_version, catalogue),
      };
    }),
    catalogVersion: catalogue.version,
    procedureVersions: Object.fromEntries(catalogue.procedures.map((procedure) => [procedure.id, procedure.version])),
    onlineWindowSeconds,
    serverNow: now,
  };
}

/** The procedures a kiosk holding catalogue `held` has an older version of (or none of); null when not known. */
export function outdatedProcedures(held: number | null, catalogue: FleetCatalogue): FleetResponse['kiosks'][number]['outdated'] {
  if (held === null) return null;
  if (held === catalogue.version) return [];
  const versions = catalogue.at(held);
  if (!versions) return null;
  return catalogue.procedures.flatMap((procedure) => {
    const version = versions.get(procedure.id) ?? null;
    return version === procedure.version ? [] : [{ id: procedure.id, title: procedure.title, held: version, current: procedure.version }];
  });
}
