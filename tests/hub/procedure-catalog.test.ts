/**
 * The catalogue tells kiosks of a publication only after its preparation (the new wording's
 * audio), but never waits longer than its budget, and never announces an older version after a
 * newer one. A second catalogue on a real hub's SQLite database, reloaded by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureDetailResponseSchema } from '../../core/protocol/staff-console.js';
import { localChangeFeed } from '../../hub/db/change-feed.js';
import { openProcedureCatalog, type ProcedureChange } from '../../hub/procedures/catalog.js';
import { call, staffToken, startTestHub, type TestHub } from './support/test-hub.js';
import { fillPath } from '../../core/protocol/api-routes.js';

let hub: TestHub;
let staff: string;

beforeAll(async () => {
  hub = await startTestHub();
  staff = await staffToken(hub.url);
});
afterAll(async () => {
  await hub.close();
});

/** Publishes the sample with one more comment line, so its text (not its content) changes. */
async function publishEdit(id: string, comment: string): Promise<void> {
  const opened = procedureDetailResponseSchema.parse((await call(hub.url, 'GET', fillPath('staffProcedure', { id: id }), { token: staff })).body);
  const source = (opened.published?.source ?? '').replace('title:', `# ${comment}\ntitle:`).replace(/summary:\n {2}es: [^\n]*/, `summary:\n  es: ${comment}`);
  expect((await call(hub.url, 'PUT', fillPath('staffDraft', { id: id }), { token: staff, body: { source, baseRevision: opened.revision } })).status).toBe(200);
  expect(
    (await call(hub.url, 'POST', fillPath('staffPublish', { id: id }), { token: staff, body: { baseRevision: opened.revision + 1, changelog: comment } }))
      .status,
  ).toBe(200);
}

describe('the procedure catalogue', () => {
  it('waits for its preparers, at most for its budget, and hands them only what changed', async () => {
    const catalog = await openProcedureCatalog(hub.hub.database.db, localChangeFeed(), () => undefined, { announceBudgetMs: 300 });
    const announced: { version: number; at: number }[] = [];
    const prepared: string[][] = [];
    catalog.onChange((version) => announced.push({ version, at: performance.now() }));
    // A preparer that never finishes (a hung speech engine) must not keep kiosks uninformed.
    catalog.beforeAnnouncing(async (changed: readonly ProcedureChange[]) => {
      prepared.push(changed.map(({ procedure, previous }) => `${procedure.id} (was ${previous?.summary['es'] ?? 'new'})`));
      await new Promise(() => undefined);
    });
    const before = catalog.version();
    await publishEdit('pago-impuesto', 'Resumen nuevo');
    const started = performance.now();
    await catalog.refresh();
    // Staff and new kiosks read the new set at once; only the announcement waits.
    expect(catalog.version()).toBe(before + 1);
    expect(catalog.get('pago-impuesto')?.summary['es']).toBe('Resumen nuevo');
    expect(announced).toEqual([]);
    await expect.poll(() => announced.length, { timeout: 5000 }).toBe(1);
    expect(announced[0]?.version).toBe(before + 1);
    expect((announced[0]?.at ?? 0) - started).toBeGreaterThanOrEqual(250);
    expect(prepared).toEqual([['pago-impuesto (was Pague el IBI, la tasa de basuras o la plusvalía. Con la carta de pago o sin ella.)']]);
    catalog.close();
  });

  it('never announces an older version after a newer one', async () => {
    const catalog = await openProcedureCatalog(hub.hub.database.db, localChangeFeed(), () => undefined, { announceBudgetMs: 10_000 });
    const announced: number[] = [];
    catalog.onChange((version) => announced.push(version));
    const releases: (() => void)[] = [];
    catalog.beforeAnnouncing(() => new Promise<void>((resolve) => releases.push(resolve)));
    const before = catalog.version();
    await publishEdit('cita-previa', 'Primera');
    await catalog.refresh();
    await publishEdit('cita-previa', 'Segunda');
    await catalog.refresh();
    expect(releases).toHaveLength(2);
    // The second publication is ready first: it is announced, and the first, late, is not.
    releases[1]?.();
    await expect.poll(() => announced).toEqual([before + 2]);
    releases[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(announced).toEqual([before + 2]);
    catalog.close();
  });

  it('announces at once when nothing needs preparing', async () => {
    const catalog = await openProcedureCatalog(hub.hub.database.db, localChangeFeed(), () => undefined);
    const announced: number[] = [];
    catalog.onChange((version) => announced.push(version));
    await publishEdit('alta-padron', 'Sin preparación');
    await catalog.refresh();
    expect(announced).toEqual([catalog.version()]);
    catalog.close();
  });
});
