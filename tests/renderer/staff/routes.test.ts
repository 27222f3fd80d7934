import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../renderer/staff/app/routes.js';

describe('staff console routes', () => {
  it('routes round-trip through the URL fragment', () => {
    for (const route of [
      { page: 'procedures' },
      { page: 'editor', procedureId: 'cita-previa' },
      { page: 'fleet' },
      { page: 'people' },
      { page: 'analytics' },
      { page: 'workshops' },
      { page: 'workshops', siteId: 'biblioteca-eugenio-trias-demo' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(parseRoute('#/nowhere')).toEqual({ page: 'procedures' });
    expect(parseRoute('')).toEqual({ page: 'procedures' });
  });
});
