/** The kiosk's read of the published procedures: `GET /api/procedures`, with the catalogue version. */
import type { FastifyInstance } from 'fastify';
import { route, type Guards } from '../http/route.js';
import type { ProcedureCatalog } from './catalog.js';
import type { ServedCatalogues } from './served-catalogues.js';

/** Registers the kiosk's procedures route. */
export function setupKioskCatalogRoute(app: FastifyInstance, deps: { guards: Guards; catalog: ProcedureCatalog; served: ServedCatalogues }): void {
  // The catalogue version travels with the set, so a kiosk knows what it has (and the audio built
  // for it). Both are read from one snapshot, with no await in between, and what that version
  // held is remembered for the fleet page (served-catalogues.ts).
  route(app, deps.guards, 'procedures', async () => {
    const version = deps.catalog.version();
    const procedures = [...deps.catalog.list()];
    deps.served.record(version, procedures);
    return { version, procedures };
  });
}
