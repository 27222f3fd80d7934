/**
 * What the hub sends the staff console carries stable codes, so the console words it in its own
 * language: a draft's problems (checked in the hub's worker) with their code, params and place; a
 * refused publication with its reason and its problems' codes; a refused script with the reason
 * of the rule it broke. The English sentence stays for logs and other clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPath } from '../../core/protocol/api-routes.js';
import { procedureDetailResponseSchema } from '../../core/protocol/staff-console.js';
import { call, staffToken, startTestHub, type TestHub } from './support/test-hub.js';

describe("the hub's words for the console", () => {
  let test: TestHub;
  let staff: string;
  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  it('sends problems with their codes and refusals with their reasons', async () => {
    const api = (method: string, route: string, body?: unknown) => call(test.url, method, route, { token: staff, ...(body !== undefined ? { body } : {}) });
    const id = 'cita-previa';
    const route = (name: 'staffProcedure' | 'staffDraft' | 'staffPublish') => fillPath(name, { id });
    const before = procedureDetailResponseSchema.parse((await api('GET', route('staffProcedure'))).body);
    const source = before.published?.source ?? '';
    const nextLine = /next: ([a-z0-9-]+)/.exec(source);
    expect(nextLine).not.toBeNull();
    const broken = source.replace(nextLine?.[0] ?? '', 'next: no-existe');

    const saved = await api('PUT', route('staffDraft'), { source: broken, baseRevision: before.revision });
    expect(saved.status).toBe(200);
    const detail = procedureDetailResponseSchema.parse((await api('GET', route('staffProcedure'))).body);
    const link = detail.draft?.problems.find((problem) => problem.code === 'link-missing');
    expect(link).toMatchObject({
      code: 'link-missing',
      params: { to: 'no-existe' },
      message: expect.stringContaining('"no-existe", which does not exist') as unknown,
    });

    const refused = await api('POST', route('staffPublish'), { baseRevision: detail.revision, changelog: 'Prueba' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'has-problems', reason: 'draftHasProblems', params: { count: detail.draft?.problems.length } });
    expect((refused.body as { problems: { code?: string }[] }).problems.map((problem) => problem.code)).toContain('link-missing');

    const binary = await api('PUT', route('staffDraft'), { source: `${source}\u0000`, baseRevision: detail.revision });
    expect(binary).toEqual({
      status: 400,
      body: { error: 'source: the script contains a NUL character; is it a binary file?', field: 'source', reason: 'sourceNul' },
    });
  });
});
