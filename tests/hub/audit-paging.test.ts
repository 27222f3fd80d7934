/**
 * Paging through the audit trail: entries recorded in the same millisecond (a fast script, a
 * busy hub) are neither lost nor shown twice between one page and the next.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditResponseSchema, procedureDetailResponseSchema, type AuditEntry } from '../../core/protocol/staff-console.js';
import { call, staffToken, startTestHub, type TestHub } from './support/test-hub.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

describe('the audit trail, page by page', () => {
  let test: TestHub;
  let staff: string;
  // A clock that stands still: every change gets the same moment.
  const frozen = Date.UTC(2026, 10, 30, 9, 0, 0);

  beforeAll(async () => {
    test = await startTestHub({ now: () => frozen });
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  it('gives every entry exactly once when many share the same moment', async () => {
    const id = 'cita-previa';
    const api = (method: string, route: string, body?: unknown) => call(test.url, method, route, { token: staff, ...(body !== undefined ? { body } : {}) });
    for (let index = 0; index < 5; index += 1) {
      const detail = procedureDetailResponseSchema.parse((await api('GET', fillPath('staffProcedure', { id: id }))).body);
      const saved = await api('PUT', fillPath('staffDraft', { id: id }), {
        source: `${detail.published?.source ?? ''}\n# change ${index}\n`,
        baseRevision: detail.revision,
      });
      expect(saved.status).toBe(200);
    }
    const seen: AuditEntry[] = [];
    let before: number | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const query = new URLSearchParams({ limit: '2', targetId: id, ...(before === undefined ? {} : { before: String(before) }) });
      const page = auditResponseSchema.parse((await api('GET', `${apiRoutes.staffAudit.path}?${query.toString()}`)).body);
      seen.push(...page.entries);
      if (page.nextBefore === undefined) break;
      before = page.nextBefore;
    }
    const ids = seen.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.filter((entry) => entry.action === 'procedure.save-draft').length).toBe(5);
  });
});
