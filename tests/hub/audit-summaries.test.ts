/**
 * The audit trail's summaries on a real hub: each entry carries a stable code and params that name
 * records as staff know them (a site's, kiosk's or volunteer's name), never an internal id, and
 * the console has words for every code in Spanish and English.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { auditResponseSchema, procedureDetailResponseSchema } from '../../core/protocol/staff-console.js';
import { auditSummaryCodes } from '../../hub/audit/audit-summaries.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { call, staffToken, startTestHub, type TestHub } from './support/test-hub.js';

const locales = path.resolve(import.meta.dirname, '../../assets/locales');
const staffStrings = (language: string): { audit: { summary: Record<string, string> } } =>
  JSON.parse(readFileSync(path.join(locales, language, 'staff.json'), 'utf8')) as { audit: { summary: Record<string, string> } };

describe('audit summaries', () => {
  let test: TestHub;
  let staff: string;
  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  it('have a code and name records by their names, never by an id', async () => {
    const api = async <T = Record<string, unknown>>(method: string, route: string, body?: unknown) => {
      const answer = await call<T>(test.url, method, route, { token: staff, ...(body !== undefined ? { body } : {}) });
      expect(answer.status, `${method} ${route}`).toBeLessThan(300);
      return answer.body;
    };
    const site = await api<{ id: string }>('POST', apiRoutes.createSite.path, { id: 'centro-norte-x', name: 'Centro Norte', inPersonHelp: 'En la entrada' });
    const kiosk = await api<{ kiosk: { id: string } }>('POST', apiRoutes.createKiosk.path, {
      id: 'kiosco-norte-x',
      siteId: site.id,
      name: 'Kiosco del vestíbulo',
    });
    await api('POST', fillPath('staffRevokeKiosk', { id: kiosk.kiosk.id }));
    const volunteer = await api<{ id: string }>('POST', apiRoutes.createVolunteer.path, {
      id: 'voluntaria-x',
      name: 'Lucía Gómez',
      pin: '4826',
      siteIds: [site.id],
      languages: ['es'],
    });
    await api('PATCH', fillPath('staffVolunteer', { id: volunteer.id }), { siteIds: [site.id, demoAccounts.site.id] });
    const id = 'cita-previa';
    const detail = procedureDetailResponseSchema.parse(await api('GET', fillPath('staffProcedure', { id })));
    await api('PUT', fillPath('staffDraft', { id }), { source: `${detail.published?.source ?? ''}\n# a change\n`, baseRevision: detail.revision });

    const trail = auditResponseSchema.parse(await api('GET', `${apiRoutes.staffAudit.path}?limit=6`));
    expect(trail.entries.map((entry) => [entry.summaryCode, entry.summaryParams])).toEqual([
      ['draft-saved-clean', undefined],
      ['volunteer-sites', { sites: `Centro Norte, ${demoAccounts.site.name}` }],
      ['volunteer-created', { name: 'Lucía Gómez', sites: 'Centro Norte', languages: 'es' }],
      ['kiosk-revoked', { name: 'Kiosco del vestíbulo' }],
      ['kiosk-created', { name: 'Kiosco del vestíbulo', site: 'Centro Norte' }],
      ['site-created', { name: 'Centro Norte' }],
    ]);
    const said = JSON.stringify(trail.entries.map((entry) => [entry.summary, entry.summaryParams]));
    for (const internal of [site.id, kiosk.kiosk.id, volunteer.id, demoAccounts.site.id, id]) expect(said).not.toContain(internal);
  });

  it('have words in the console, in Spanish and English, for every code', () => {
    for (const language of ['es', 'en']) {
      const words = staffStrings(language).audit.summary;
      for (const code of auditSummaryCodes) expect(words[code] ?? words[`${code}_other`], `${language}: ${code}`).toBeTruthy();
    }
  });
});
