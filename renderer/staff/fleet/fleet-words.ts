/**
 * The fleet in a clerk's words: which app a kiosk runs, and which published version of each
 * procedure it holds ("Al día", "Versión anterior de Cita previa (v11; la actual es v12)"), and how
 * many connected kiosks hold a given version of a procedure (the publish panel's count).
 */
import type { TFunction } from 'i18next';
import type { FleetResponse } from '../../../core/protocol/staff-console.js';
import { pickText } from '../../../core/text/pick-text.js';

type FleetKiosk = FleetResponse['kiosks'][number];

/** The kiosk app's version in words: the page in a browser (no shell) says so. */
export function appVersionWords(appVersion: string | null, t: TFunction): string {
  if (appVersion === null || appVersion === 'unknown') return t('fleet.unknown');
  if (appVersion === 'browser') return t('fleet.inBrowser');
  return appVersion;
}

/** One line per thing to say about the procedures a kiosk holds. */
export function heldWords(kiosk: FleetKiosk, fleet: FleetResponse, t: TFunction, language: string): string[] {
  if (kiosk.proceduresVersion === null) return [t('fleet.notReported')];
  if (kiosk.outdated === null) return [t('fleet.olderCatalogue', { held: kiosk.proceduresVersion, latest: fleet.catalogVersion })];
  if (kiosk.outdated.length === 0) return [t('fleet.upToDate')];
  return kiosk.outdated.map((procedure) => {
    const title = pickText(procedure.title, language).text || procedure.id;
    return procedure.held === null
      ? t('fleet.missingProcedure', { title, current: procedure.current })
      : t('fleet.olderProcedure', { title, held: procedure.held, current: procedure.current });
  });
}

/** The version of procedure `id` a kiosk holds, when known. */
export function heldVersion(kiosk: FleetKiosk, fleet: FleetResponse, id: string): number | undefined {
  if (kiosk.outdated === null) return undefined;
  const older = kiosk.outdated.find((procedure) => procedure.id === id);
  if (older) return older.held ?? undefined;
  return fleet.procedureVersions[id];
}

/** Of the kiosks connected now, how many hold version `version` of procedure `id` (or a later one). */
export function rollout(fleet: FleetResponse, id: string, version: number): { confirmed: number; connected: number } {
  const connected = fleet.kiosks.filter((kiosk) => kiosk.online && !kiosk.revoked);
  const confirmed = connected.filter((kiosk) => (heldVersion(kiosk, fleet, id) ?? 0) >= version).length;
  return { confirmed, connected: connected.length };
}
