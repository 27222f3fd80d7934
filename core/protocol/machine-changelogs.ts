/**
 * The changelog lines the hub writes itself (an imported sample, a rollback), as opposed to the
 * line staff type when they publish. Stored in English like every changelog; the console finds
 * them again here and says them in its own language (`changelog.*` in staff.json).
 */

/** The changelog line of a sample imported at the hub's first start. */
export const importChangelog = 'Imported from the sample scripts';

/** The changelog line of a version that republished version `version`. */
export function rollbackChangelog(version: number): string {
  return `Rollback to v${version}`;
}

/** What a hub-written changelog line says, by key and params; undefined for a line staff wrote. */
export function machineChangelog(changelog: string, rolledBackFrom: number | null): { key: 'imported' } | { key: 'rollback'; version: number } | undefined {
  if (changelog === importChangelog) return { key: 'imported' };
  if (rolledBackFrom !== null && changelog === rollbackChangelog(rolledBackFrom)) return { key: 'rollback', version: rolledBackFrom };
  return undefined;
}
