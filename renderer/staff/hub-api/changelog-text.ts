/** A published version's changelog line in the console's language. */
import type { TFunction } from 'i18next';
import { machineChangelog } from '../../../core/protocol/machine-changelogs.js';

/**
 * The line as staff should read it: the hub's own lines (an imported sample, a rollback) in the
 * console's words, and what staff typed as they typed it.
 */
export function changelogText(version: { changelog: string; rolledBackFrom: number | null }, t: TFunction): string {
  const machine = machineChangelog(version.changelog, version.rolledBackFrom);
  if (!machine) return version.changelog;
  return machine.key === 'imported' ? t('changelog.imported') : t('changelog.rollback', { version: machine.version });
}
