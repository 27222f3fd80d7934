/** The kiosk's read of the published procedures: `GET /api/procedures`, with the catalogue version. */
import type { FastifyInstance } from 'fastify';
import { route, type Guards } from '../http/route.js';
import type { ProcedureCatalog } from './catalog.js';

/** Registers the kiosk's procedures route. */
export function setupKioskCatalogRoute(app: FastifyInstance, deps: { guards: Guards; catalog: ProcedureCatalog }): void {
  // The catalogue version travels with the set, so a kiosk knows what it has (and the audio built for it).
  route(app, deps.guards, 'procedures', async () => ({ version: deps.catalog.version(), procedures: [...deps.catalog.list()] }));
}
