/**
 * The HTTP contract map: one entry per method and path, schemas for every route under the same
 * name, path parameters only where the path has them, and one filler for every path.
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes, fillPath, routeNames } from '../../../core/protocol/api-routes.js';
import { apiSchemas, type RouteSchemas } from '../../../core/protocol/api-schemas.js';

describe('the HTTP contract map', () => {
  it('names each method and path once (the staff accounts were listed in two tables before)', () => {
    const keys = routeNames.map((name) => `${apiRoutes[name].method} ${apiRoutes[name].path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => key.endsWith(' /api/staff/accounts'))).toEqual(['GET /api/staff/accounts', 'POST /api/staff/accounts']);
  });

  it('has the schemas of every route, and no schemas without a route', () => {
    expect(Object.keys(apiSchemas).sort()).toEqual([...routeNames].sort());
  });

  it('parses path parameters exactly where a path has them', () => {
    for (const name of routeNames) {
      const schemas: RouteSchemas = apiSchemas[name];
      expect(schemas.params !== undefined, name).toBe(apiRoutes[name].path.includes('/:'));
    }
  });

  it('fills a path by route name or by entry, encoding each part', () => {
    expect(fillPath('kioskCancelCall', { id: 'a b/c' })).toBe('/api/kiosk/calls/a%20b%2Fc/cancel');
    expect(fillPath(apiRoutes.staffVersion, { id: 'cita-previa', version: 3 })).toBe('/api/staff/procedures/cita-previa/versions/3');
    expect(fillPath('staffProcedures')).toBe('/api/staff/procedures');
  });

  it('keeps the kiosk-only routes and the public ones apart from staff', () => {
    const byRole = (role: string) => routeNames.filter((name) => apiRoutes[name].role === role).map((name) => apiRoutes[name].path);
    expect(byRole('public')).toEqual(['/health', '/metrics', '/api/sites', '/api/volunteer/login', '/api/staff/login']);
    expect(byRole('staff').every((path) => path.startsWith('/api/staff/'))).toBe(true);
  });
});
