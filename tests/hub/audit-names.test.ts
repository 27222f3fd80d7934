/**
 * The audit trail names each record as staff know it (a procedure's title, a kiosk's or a
 * volunteer's name), so the console's "Registro" column need not show internal ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { auditResponseSchema, procedureDetailResponseSchema } from '../../core/protocol/staff-console.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { call, staffToken, startTestHub, type TestHub } from './support/test-hub.js';

describe('the audit trail names its records', () => {
  let test: TestHub;
  let staff: string;
  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  it('gives a procedure its title, a kiosk and a volunteer their names, beside the id', async () => {
    const api = (method: string, route: string, body?: unknown) => call(test.url, method, route, { token: staff, ...(body !== undefined ? { body } : {}) });
    const id = 'cita-previa';
    const detail = procedureDetailResponseSchema.parse((await api('GET', fillPath('staffProcedure', { id }))).body);
    expect(
      (await api('PUT', fillPath('staffDraft', { id }), { source: `${detail.published?.source ?? ''}\n# a change\n`, baseRevision: detail.revision })).status,
    ).toBe(200);
    expect((await api('POST', fillPath('staffKioskToken', { id: demoAccounts.kiosk.id }))).status).toBe(201);
    const ana = demoAccounts.volunteers[0];
    expect((await api('POST', fillPath('staffVolunteerPin', { id: ana.id }), { pin: '9753' })).status).toBe(204);

    const trail = auditResponseSchema.parse((await api('GET', apiRoutes.staffAudit.path)).body);
    const about = (kind: string) => trail.entries.find((entry) => entry.targetKind === kind);
    expect(about('procedure')).toMatchObject({ targetId: id, targetName: { es: expect.stringMatching(/cita/i) } });
    expect(about('kiosk')).toMatchObject({ targetId: demoAccounts.kiosk.id, targetName: demoAccounts.kiosk.name });
    expect(about('volunteer')).toMatchObject({ targetId: ana.id, targetName: 'Ana' });
  });
});
