/**
 * Publishing across a city: two hubs sharing one PostgreSQL. A publication made through one hub
 * reaches the kiosks connected to the other (its catalogue reloads on the change feed's NOTIFY),
 * two staff saving through different hubs at once cannot both win, and the console's queries
 * (list, history, diff, audit, fleet, analytics) run on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyticsResponseSchema,
  auditResponseSchema,
  diffResponseSchema,
  fleetResponseSchema,
  procedureDetailResponseSchema,
  procedureListResponseSchema,
  staffErrorResponseSchema,
} from '../../core/protocol/staff-console.js';
import type { HubMessage } from '../../core/protocol/ws.js';
import { createTestDatabase, type TestDatabase } from './support/postgres.js';
import { call, connectClient, kioskToken, staffToken, startTestHub, type TestHub } from './support/test-hub.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { sampleSources, workshopSources } from '../support/procedures.js';

// The top-level samples and the workshop scripts, each imported as version 1.
const sampleCount = sampleSources().length + workshopSources().length;

describe('the staff console on two hubs sharing PostgreSQL', () => {
  let database: TestDatabase;
  let hubA: TestHub;
  let hubB: TestHub;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Started together: the samples must be imported once, not twice.
    [hubA, hubB] = await Promise.all([
      startTestHub({ storage: { kind: 'postgres', url: database.url } }),
      startTestHub({ storage: { kind: 'postgres', url: database.url } }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([hubA?.close(), hubB?.close()]);
    await database?.drop();
  });

  it('a publication through one hub reaches the kiosks of the other, which download the new text', async () => {
    const staffA = await staffToken(hubA.url);
    const list = procedureListResponseSchema.parse((await call(hubA.url, 'GET', apiRoutes.staffProcedures.path, { token: staffA })).body);
    expect(list.procedures.length).toBe(sampleCount);
    expect(list.catalogVersion).toBe(sampleCount);

    const kioskOnB = connectClient(hubB.wsUrl, kioskToken);
    await kioskOnB.waitFor((m) => m.type === 'procedures-changed' && m.version === sampleCount);
    const opened = procedureDetailResponseSchema.parse(
      (await call(hubA.url, 'GET', fillPath('staffProcedure', { id: 'alta-padron' }), { token: staffA })).body,
    );
    const edited = (opened.published?.source ?? '').replace(/^(title:\n {2}es: ).*$/m, '$1Empadronarse en Madrid (revisado)');
    expect(edited).not.toBe(opened.published?.source);
    expect(
      (await call(hubA.url, 'PUT', fillPath('staffDraft', { id: 'alta-padron' }), { token: staffA, body: { source: edited, baseRevision: opened.revision } }))
        .status,
    ).toBe(200);
    const started = Date.now();
    const published = await call(hubA.url, 'POST', fillPath('staffPublish', { id: 'alta-padron' }), {
      token: staffA,
      body: { baseRevision: opened.revision + 1, changelog: 'Título más claro' },
    });
    expect(published.body).toMatchObject({ version: 2, catalogVersion: sampleCount + 1 });

    const pushed = await kioskOnB.waitFor(
      (m): m is Extract<HubMessage, { type: 'procedures-changed' }> => m.type === 'procedures-changed' && m.version === sampleCount + 1,
      5000,
    );
    expect(pushed.version).toBe(sampleCount + 1);
    expect(Date.now() - started).toBeLessThan(5000);
    const served = await call<{ version: number; procedures: { id: string; version: number; title: Record<string, string> }[] }>(
      hubB.url,
      'GET',
      apiRoutes.procedures.path,
      { token: kioskToken },
    );
    expect(served.body.version).toBe(sampleCount + 1);
    expect(served.body.procedures.find((procedure) => procedure.id === 'alta-padron')).toMatchObject({
      version: 2,
      title: { es: 'Empadronarse en Madrid (revisado)' },
    });
    kioskOnB.connection.stop();

    const diff = diffResponseSchema.parse(
      (await call(hubB.url, 'GET', `${fillPath('staffDiff', { id: 'alta-padron' })}?from=1&to=2`, { token: await staffToken(hubB.url) })).body,
    );
    expect([diff.added, diff.removed]).toEqual([1, 1]);
  });

  it('two staff saving through different hubs at once: exactly one wins, the other is told who', async () => {
    const [staffA, staffB] = await Promise.all([staffToken(hubA.url), staffToken(hubB.url)]);
    const opened = procedureDetailResponseSchema.parse(
      (await call(hubA.url, 'GET', fillPath('staffProcedure', { id: 'practica-clave' }), { token: staffA })).body,
    );
    const source = opened.published?.source ?? '';
    for (let round = 0; round < 3; round++) {
      const current = procedureDetailResponseSchema.parse(
        (await call(hubB.url, 'GET', fillPath('staffProcedure', { id: 'practica-clave' }), { token: staffB })).body,
      );
      const answers = await Promise.all([
        call(hubA.url, 'PUT', fillPath('staffDraft', { id: 'practica-clave' }), {
          token: staffA,
          body: { source: `${source}# A ${round}\n`, baseRevision: current.revision },
        }),
        call(hubB.url, 'PUT', fillPath('staffDraft', { id: 'practica-clave' }), {
          token: staffB,
          body: { source: `${source}# B ${round}\n`, baseRevision: current.revision },
        }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const loser = answers.find((answer) => answer.status === 409);
      expect(staffErrorResponseSchema.parse(loser?.body)).toMatchObject({ code: 'version-conflict', by: 'Staff (demo)', revision: current.revision + 1 });
    }
  });

  it('reads the audit trail, the fleet and the analytics from PostgreSQL', async () => {
    const staff = await staffToken(hubB.url);
    const audit = auditResponseSchema.parse(
      (await call(hubB.url, 'GET', `${apiRoutes.staffAudit.path}?targetKind=procedure&targetId=alta-padron`, { token: staff })).body,
    );
    expect(audit.entries.map((entry) => entry.action)).toEqual(['procedure.publish', 'procedure.save-draft']);
    const kiosk = connectClient(hubA.wsUrl, kioskToken);
    await kiosk.waitFor((m) => m.type === 'procedures-changed');
    const fleet = fleetResponseSchema.parse((await call(hubB.url, 'GET', apiRoutes.staffFleet.path, { token: staff })).body);
    // Connected to hub A, seen by hub B through the shared last-seen time.
    expect(fleet.kiosks.find((entry) => entry.id === 'demo-kiosk-1')?.online).toBe(true);
    kiosk.connection.stop();
    const today = new Date().toISOString().slice(0, 10);
    const lastWeek = new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10);
    const figures = analyticsResponseSchema.parse(
      (await call(hubB.url, 'GET', `${apiRoutes.staffAnalytics.path}?from=${lastWeek}&to=${today}`, { token: staff })).body,
    );
    // The demo week, seeded once although two hubs started together.
    expect(figures.totals.sessions).toBe(60);
    expect(figures.procedures.reduce((sum, procedure) => sum + procedure.started, 0)).toBe(60);
  });
});
