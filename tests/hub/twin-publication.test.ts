/**
 * The checker's practice-twin rules on the hub's publish path (hub/procedures/twin-rules.ts), on a
 * real hub over HTTP (SQLite): a twin that is stale against its published source, or whose
 * `twinOf` names no published procedure, is refused at its `twinOf` line with the checker's codes,
 * on publish and on rollback; publishing a source that leaves its twin stale is allowed, and the
 * answer names the twin; a twin made again from the new source publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../core/procedure/check.js';
import { makePracticeTwin } from '../../core/procedure/practice-twin.js';
import { practiceTwinYaml } from '../../core/procedure/twin-yaml.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { procedureDetailResponseSchema, publishResponseSchema, saveDraftResponseSchema } from '../../core/protocol/staff-console.js';
import { call, staffToken, startTestHub, type TestHub } from './support/test-hub.js';

describe('publishing practice twins', () => {
  let test: TestHub;
  let staff: string;
  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
  }, 30_000);
  afterAll(() => test?.close());

  const detail = async (id: string) =>
    procedureDetailResponseSchema.parse((await call(test.url, 'GET', fillPath('staffProcedure', { id }), { token: staff })).body);
  /** Saves `source` as the draft of `id` and publishes it; the publish answer. */
  const saveAndPublish = async (id: string, source: string) => {
    const saved = await call(test.url, 'PUT', fillPath('staffDraft', { id }), { token: staff, body: { source, baseRevision: (await detail(id)).revision } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { revision } = saveDraftResponseSchema.parse(saved.body);
    return call(test.url, 'POST', fillPath('staffPublish', { id }), { token: staff, body: { baseRevision: revision, changelog: 'Cambio de prueba' } });
  };
  const lineOf = (source: string, start: string): number => source.split('\n').findIndex((line) => line.startsWith(start)) + 1;
  /** The 422's problems: the checker's codes and facts, and where. */
  const refusedProblems = (answer: { status: number; body: unknown }) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    const body = answer.body as { code?: string; problems?: { code?: string; line: number; params?: Record<string, unknown> }[] };
    expect(body.code).toBe('has-problems');
    return body.problems ?? [];
  };

  it('a source published with new words: allowed, and the answer names its twin, which is then refused until made again', async () => {
    const twinBefore = await detail('practica-pago-impuesto');
    const sourceText = (await detail('pago-impuesto')).published?.source ?? '';
    expect(sourceText).toContain('es: Ya ha pagado. Imprima el justificante de pago y guárdelo.');
    const changed = sourceText.replace(
      'es: Ya ha pagado. Imprima el justificante de pago y guárdelo.',
      'es: Ya ha pagado. Imprima el justificante y guárdelo bien.',
    );

    const published = await saveAndPublish('pago-impuesto', changed);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(publishResponseSchema.parse(published.body)).toMatchObject({ version: 2, staleTwins: ['practica-pago-impuesto'] });
    // A warning, not a block: the twin's published version is where it was.
    expect((await detail('practica-pago-impuesto')).published?.version).toBe(twinBefore.published?.version);

    // The twin as it is (a comment added, so there is a draft): stale against version 2, refused at twinOf.
    const twinText = twinBefore.published?.source ?? '';
    const problems = refusedProblems(await saveAndPublish('practica-pago-impuesto', `${twinText}# revisado\n`));
    expect(problems).toEqual([expect.objectContaining({ code: 'twin-stale', line: lineOf(twinText, 'twinOf:'), params: { id: 'pago-impuesto', version: 2 } })]);
    expect((await detail('practica-pago-impuesto')).published?.version).toBe(twinBefore.published?.version);

    // Made again from the published source, as the console's generator would: it publishes.
    const source = checkProcedureText(changed).procedure;
    if (!source) throw new Error('the changed source does not check');
    const made = makePracticeTwin({ ...source, version: 2 });
    if (!made.ok) throw new Error(made.refusal.code);
    const fresh = await saveAndPublish('practica-pago-impuesto', practiceTwinYaml(made.twin, '../pago-impuesto.yaml'));
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(publishResponseSchema.parse(fresh.body).staleTwins).toBeUndefined();
  });

  it('rolling a twin back to a version made from an older source is refused the same way', async () => {
    const twin = await detail('practica-pago-impuesto');
    const answer = await call(test.url, 'POST', fillPath('staffRollback', { id: 'practica-pago-impuesto' }), {
      token: staff,
      body: { baseRevision: twin.revision, toVersion: 1 },
    });
    expect(refusedProblems(answer)).toEqual([expect.objectContaining({ code: 'twin-stale' })]);
    expect(answer.body).toMatchObject({ reason: 'versionHasProblems', params: { version: 1 } });
    expect((await detail('practica-pago-impuesto')).published?.version).toBe(twin.published?.version);
  });

  it('a twin of a procedure that is not published (or does not exist) is refused with twin-of-missing at its twinOf', async () => {
    const twinText = (await detail('practica-cita-previa')).published?.source ?? '';
    for (const [twinOf, id] of [
      ['no-existe', 'practica-no-existe'],
      ['borrador-sin-publicar', 'practica-borrador'],
    ] as const) {
      if (twinOf === 'borrador-sin-publicar') {
        const draft = await call(test.url, 'POST', apiRoutes.createProcedure.path, {
          token: staff,
          body: { id: twinOf, source: (await detail('cita-previa')).published?.source.replace(/^id: cita-previa$/m, `id: ${twinOf}`) ?? '' },
        });
        expect(draft.status).toBe(201);
      }
      const source = twinText.replace(/^id: practica-cita-previa$/m, `id: ${id}`).replace(/^twinOf: cita-previa$/m, `twinOf: ${twinOf}`);
      const created = await call(test.url, 'POST', apiRoutes.createProcedure.path, { token: staff, body: { id, source } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const published = await call(test.url, 'POST', fillPath('staffPublish', { id }), {
        token: staff,
        body: { baseRevision: saveDraftResponseSchema.parse(created.body).revision, changelog: 'Primera' },
      });
      expect(refusedProblems(published), twinOf).toEqual([
        expect.objectContaining({ code: 'twin-of-missing', line: lineOf(source, 'twinOf:'), params: { id: twinOf } }),
      ]);
      expect((await detail(id)).published).toBeNull();
    }
  });

  it('the samples as imported publish as they are: their twins match their sources', async () => {
    for (const id of ['practica-cita-previa', 'practica-alta-padron']) {
      const text = (await detail(id)).published?.source ?? '';
      const answer = await saveAndPublish(id, `${text}# sin cambios\n`);
      expect(answer.status, `${id}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
  });
});
