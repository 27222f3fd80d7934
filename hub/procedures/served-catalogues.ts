/**
 * The catalogues this hub served to kiosks (`GET /api/procedures`): for each catalogue version,
 * the published version of every procedure in it. A kiosk confirms the catalogue version it holds
 * (one number: core/protocol/ws.ts, `kiosk.status`); with this, the fleet page can say in words
 * which procedures it holds an older version of, without the kiosk sending more than that number.
 * Kept in memory, the latest {@link servedCataloguesKept} versions: after a restart kiosks fetch
 * the current catalogue again, and a version this hub never served is shown as "an older catalogue".
 */

/** How many served catalogue versions are remembered. */
export const servedCataloguesKept = 64;

/** What a catalogue held: each procedure's published version, by id. */
export type CatalogueVersions = ReadonlyMap<string, number>;

/** The catalogue versions served, newest kept. */
export class ServedCatalogues {
  private readonly byVersion = new Map<number, CatalogueVersions>();

  /** Remembers what catalogue `version` held (the same version always holds the same). */
  record(version: number, procedures: readonly { id: string; version: number }[]): void {
    if (this.byVersion.has(version)) return;
    this.byVersion.set(version, new Map(procedures.map((procedure) => [procedure.id, procedure.version])));
    // Maps keep insertion order: the first key is the oldest remembered.
    while (this.byVersion.size > servedCataloguesKept) {
      const oldest = this.byVersion.keys().next();
      if (oldest.done === true) break;
      this.byVersion.delete(oldest.value);
    }
  }

  /** What catalogue `version` held, if this hub served it and still remembers it. */
  at(version: number): CatalogueVersions | undefined {
    return this.byVersion.get(version);
  }
}
