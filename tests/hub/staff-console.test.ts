/**
 * The staff console's hub side, on a real hub (SQLite) over real HTTP and WebSocket: drafts,
 * publishing, history and diffs, rollback, two staff editing at once, the audit trail, refusals
 * with located problems, hostile inputs, kiosks told of a publication over their socket, the
 * fleet, and who may reach any of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToHub, type WebSocketLike } from '../../core/protocol/hub-connection.js';
import {
  auditResponseSchema,
  diffResponseSchema,
  fleetResponseSchema,
  procedureDetailResponseSchema,
  procedureListResponseSchema,
  publishResponseSchema,
  saveDraftResponseSchema,
  staffErrorResponseSchema,
  versionListResponseSchema,
  type ProcedureDetailResponse,
} from '../../core/protocol/staff-console.js';
import type { HubMessage } from '../../core/protocol/ws.js';
import { call, connectClient, eventually, kioskToken, staffToken, startTestHub, volunteerToken, type TestHub } from './support/test-hub.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { sampleSources, workshopSources } from '../support/procedures.js';

const samplesFolder = path.resolve(import.meta.dirname, '../../assets/procedures');
const citaSource = readFileSync(path.join(samplesFolder, 'cita-previa.yaml'), 'utf8');
// The top-level samples and the workshop scripts (practice twins and lessons), each imported as version 1.
const sampleCount = sampleSources().length + workshopSources().length;
const oldTitle = '  es: Cita previa con Línea Madrid';

describe('the staff console on one hub', () => {
  let test: TestHub;
  let staff: string;
  const api = <T = Record<string, unknown>>(method: string, route: string, body?: unknown, token = staff) =>
    call<T>(test.url, method, route, { token, ...(body !== undefined ? { body } : {}) });
  const detail = async (id: string): Promise<ProcedureDetailResponse> =>
    procedureDetailResponseSchema.parse((await api('GET', fillPath('staffProcedure', { id: id }))).body);

  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  it('imports the samples and the workshop scripts as published version 1, owned by the demo staff account', async () => {
    const list = procedureListResponseSchema.parse((await api('GET', apiRoutes.staffProcedures.path)).body);
    expect(workshopSources().length).toBeGreaterThan(0);
    expect(list.procedures.length).toBe(sampleCount);
    expect(list.catalogVersion).toBe(sampleCount);
    expect(list.procedures.map((procedure) => procedure.id)).toEqual(
      expect.arrayContaining(workshopSources().map(({ fileName }) => fileName.replace(/\.yaml$/, ''))),
    );
    for (const procedure of list.procedures)
      expect(procedure).toMatchObject({
        status: 'published',
        publishedVersion: 1,
        hasDraft: false,
        revision: 1,
        owner: { id: 'demo-staff', name: 'Staff (demo)' },
      });
    const cita = await detail('cita-previa');
    expect(cita.published?.source).toBe(citaSource.replace(/^\uFEFF/, ''));
    const kiosk = await call<{ version: number; procedures: { id: string; version: number }[] }>(test.url, 'GET', apiRoutes.procedures.path, {
      token: kioskToken,
    });
    expect(kiosk.body.version).toBe(sampleCount);
    expect(kiosk.body.procedures.find((procedure) => procedure.id === 'cita-previa')?.version).toBe(1);
  });

  it('publishes a draft; a connected kiosk hears of it at once and downloads the new text', async () => {
    const kiosk = connectClient(test.wsUrl, kioskToken);
    const first = await kiosk.waitFor((m): m is Extract<HubMessage, { type: 'procedures-changed' }> => m.type === 'procedures-changed');
    const before = await detail('cita-previa');
    const edited = (before.published?.source ?? '').replace(oldTitle, '  es: Cita previa (nuevo horario)');
    const saved = await api('PUT', fillPath('staffDraft', { id: 'cita-previa' }), { source: edited, baseRevision: before.revision });
    expect(saved.status).toBe(200);
    expect(saveDraftResponseSchema.parse(saved.body)).toMatchObject({ revision: before.revision + 1, problems: [] });
    const listed = procedureListResponseSchema
      .parse((await api('GET', apiRoutes.staffProcedures.path)).body)
      .procedures.find((procedure) => procedure.id === 'cita-previa');
    expect(listed).toMatchObject({ status: 'changed', hasDraft: true, draftProblemCount: 0, title: { es: 'Cita previa (nuevo horario)' } });
    // Nothing reaches kiosks before publishing.
    expect((await call<{ version: number }>(test.url, 'GET', apiRoutes.procedures.path, { token: kioskToken })).body.version).toBe(first.version);

    const published = await api('POST', fillPath('staffPublish', { id: 'cita-previa' }), {
      baseRevision: before.revision + 1,
      changelog: 'Nuevo horario de atención',
    });
    expect(published.status).toBe(200);
    const result = publishResponseSchema.parse(published.body);
    expect(result).toMatchObject({ id: 'cita-previa', version: 2, revision: before.revision + 2, catalogVersion: first.version + 1 });

    const pushed = await kiosk.waitFor((m) => m.type === 'procedures-changed' && m.version === result.catalogVersion, 10_000);
    expect(pushed).toEqual({ type: 'procedures-changed', version: first.version + 1 });
    const served = await call<{ version: number; procedures: { id: string; version: number; title: Record<string, string> }[] }>(
      test.url,
      'GET',
      apiRoutes.procedures.path,
      { token: kioskToken },
    );
    expect(served.body.version).toBe(result.catalogVersion);
    expect(served.body.procedures.find((procedure) => procedure.id === 'cita-previa')).toMatchObject({
      version: 2,
      title: { es: 'Cita previa (nuevo horario)' },
    });
    // A volunteer's view of a call reads the same catalogue.
    expect((await detail('cita-previa')).status).toBe('published');
    kiosk.connection.stop();
  });

  it('keeps the history and shows a readable diff between two versions', async () => {
    const versions = versionListResponseSchema.parse((await api('GET', fillPath('staffVersions', { id: 'cita-previa' }))).body);
    expect(versions.versions.map((version) => [version.version, version.changelog, version.publishedBy?.name ?? null])).toEqual([
      [2, 'Nuevo horario de atención', 'Staff (demo)'],
      [1, 'Imported from the sample scripts', null],
    ]);
    const one = await api<{ source: string }>('GET', fillPath('staffVersion', { id: 'cita-previa', version: 1 }));
    expect(one.body.source).toBe(citaSource);
    const diff = diffResponseSchema.parse((await api('GET', `${fillPath('staffDiff', { id: 'cita-previa' })}?from=1&to=2`)).body);
    expect(diff).toMatchObject({ from: 1, to: 2, added: 1, removed: 1, coarse: false });
    const changed = diff.lines.filter((line) => line.kind !== 'same');
    // The title's line in the sample, found by its text so the expectation follows edits to the sample's header.
    const titleLine = citaSource.split('\n').indexOf(oldTitle) + 1;
    expect(titleLine).toBeGreaterThan(0);
    expect(changed).toEqual([
      { kind: 'removed', text: oldTitle, oldLine: titleLine },
      { kind: 'added', text: '  es: Cita previa (nuevo horario)', newLine: titleLine },
    ]);
    expect((await api('GET', `${fillPath('staffDiff', { id: 'cita-previa' })}?from=1&to=draft`)).status).toBe(404);
    expect((await api('GET', fillPath('staffVersion', { id: 'cita-previa', version: 99 }))).status).toBe(404);
  });

  it('rolls back in one click by publishing the old text as a new version', async () => {
    const before = await detail('cita-previa');
    const rolled = await api('POST', fillPath('staffRollback', { id: 'cita-previa' }), { baseRevision: before.revision, toVersion: 1 });
    expect(rolled.status).toBe(200);
    expect(publishResponseSchema.parse(rolled.body).version).toBe(3);
    const after = await detail('cita-previa');
    expect(after.published).toMatchObject({ version: 3, changelog: 'Rollback to v1', rolledBackFrom: 1, source: citaSource });
    const served = await call<{ procedures: { id: string; version: number; title: Record<string, string> }[] }>(test.url, 'GET', apiRoutes.procedures.path, {
      token: kioskToken,
    });
    expect(served.body.procedures.find((procedure) => procedure.id === 'cita-previa')).toMatchObject({
      version: 3,
      title: { es: 'Cita previa con Línea Madrid' },
    });
    const again = await api('POST', fillPath('staffRollback', { id: 'cita-previa' }), { baseRevision: after.revision, toVersion: 3 });
    expect(again.status).toBe(409);
    expect(staffErrorResponseSchema.parse(again.body).code).toBe('nothing-to-publish');
  });

  it('refuses a save based on an older revision, naming who saved in between and when; nothing is overwritten', async () => {
    const created = await api('POST', apiRoutes.staffAccounts.path, { email: 'marta@example.org', name: 'Marta Ruiz', password: 'a long enough password' });
    expect(created.status).toBe(201);
    const marta = (
      await call<{ token: string }>(test.url, 'POST', apiRoutes.staffLogin.path, { body: { email: 'marta@example.org', password: 'a long enough password' } })
    ).body.token;
    const opened = await detail('pago-impuesto');
    const source = opened.published?.source ?? '';
    const mine = source.replace('lastVerified:', '# revisado por Marta\nlastVerified:');
    const theirs = source.replace('lastVerified:', '# revisado por demo\nlastVerified:');
    expect((await api('PUT', fillPath('staffDraft', { id: 'pago-impuesto' }), { source: mine, baseRevision: opened.revision }, marta)).status).toBe(200);
    const refused = await api('PUT', fillPath('staffDraft', { id: 'pago-impuesto' }), { source: theirs, baseRevision: opened.revision });
    expect(refused.status).toBe(409);
    const error = staffErrorResponseSchema.parse(refused.body);
    expect(error).toMatchObject({ code: 'version-conflict', by: 'Marta Ruiz', revision: opened.revision + 1, field: 'baseRevision' });
    expect(error.error).toMatch(/^Marta Ruiz changed this procedure at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(Math.abs((error.at ?? 0) - Date.now())).toBeLessThan(60_000);
    expect((await detail('pago-impuesto')).draft?.source).toBe(mine);
    // Publishing from a stale revision is refused the same way.
    expect((await api('POST', fillPath('staffPublish', { id: 'pago-impuesto' }), { baseRevision: opened.revision, changelog: 'x' })).status).toBe(409);

    // Two saves at the very same moment from the same revision: exactly one wins.
    const now = await detail('pago-impuesto');
    const both = await Promise.all([
      api('PUT', fillPath('staffDraft', { id: 'pago-impuesto' }), { source: mine + '# a\n', baseRevision: now.revision }, marta),
      api('PUT', fillPath('staffDraft', { id: 'pago-impuesto' }), { source: theirs + '# b\n', baseRevision: now.revision }),
    ]);
    expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = both[0]?.status === 200 ? mine + '# a\n' : theirs + '# b\n';
    expect((await detail('pago-impuesto')).draft?.source).toBe(winner);
  });

  it('saves a draft with problems, locates them, and refuses to publish it', async () => {
    const opened = await detail('teleasistencia');
    const source = opened.published?.source ?? '';
    const broken = source.replace(/^icon: .*$/m, 'icon: 42 is not an id');
    const saved = await api('PUT', fillPath('staffDraft', { id: 'teleasistencia' }), { source: broken, baseRevision: opened.revision });
    expect(saved.status).toBe(200);
    const body = saveDraftResponseSchema.parse(saved.body);
    const iconLine = broken.split('\n').findIndex((line) => line.startsWith('icon:')) + 1;
    expect(body.problems.length).toBeGreaterThan(0);
    expect(body.problems[0]).toMatchObject({ line: iconLine });
    expect((await detail('teleasistencia')).draft?.problems).toEqual(body.problems);
    const refused = await api('POST', fillPath('staffPublish', { id: 'teleasistencia' }), { baseRevision: body.revision, changelog: 'Nuevo icono' });
    expect(refused.status).toBe(422);
    const error = staffErrorResponseSchema.parse(refused.body);
    expect(error.code).toBe('has-problems');
    expect(error.problems).toEqual(body.problems);
    expect(error.error).toContain(`line ${iconLine}`);
    // The kiosks still have version 1.
    const served = await call<{ procedures: { id: string; version: number }[] }>(test.url, 'GET', apiRoutes.procedures.path, { token: kioskToken });
    expect(served.body.procedures.find((procedure) => procedure.id === 'teleasistencia')?.version).toBe(1);

    // A script whose id is another procedure's cannot be published under this one.
    const wrongId = source.replace(/^id: teleasistencia$/m, 'id: otra-cosa');
    const again = saveDraftResponseSchema.parse(
      (await api('PUT', fillPath('staffDraft', { id: 'teleasistencia' }), { source: wrongId, baseRevision: body.revision })).body,
    );
    expect(again.problems).toEqual([
      expect.objectContaining({ line: wrongId.split('\n').indexOf('id: otra-cosa') + 1, message: expect.stringContaining('"otra-cosa"') as unknown }),
    ]);
    // Saving the published text again leaves no draft; throwing a draft away keeps the published version.
    const same = saveDraftResponseSchema.parse(
      (await api('PUT', fillPath('staffDraft', { id: 'teleasistencia' }), { source, baseRevision: again.revision })).body,
    );
    expect((await detail('teleasistencia')).status).toBe('published');
    expect((await api('POST', fillPath('staffPublish', { id: 'teleasistencia' }), { baseRevision: same.revision, changelog: 'nada' })).status).toBe(409);
    const check = await api<{ ok: boolean; problems: unknown[]; notes: { kind: string; language: string }[] }>('POST', apiRoutes.staffCheck.path, {
      source: broken,
    });
    expect(check.body.ok).toBe(false);
    expect(check.body.problems).toEqual(body.problems);
    // Beside the problems, the checker's notes: the languages no native speaker has reviewed (never a reason to refuse).
    const unreviewed = source.replace(/^reviewedLanguages: .*\n/m, '').replace(/^(languages: .*)$/m, '$1\nreviewedLanguages: [es]');
    const noted = await api<{ ok: boolean; problems: unknown[]; notes: { kind: string; language: string }[] }>('POST', apiRoutes.staffCheck.path, {
      source: unreviewed,
    });
    expect(noted.body.ok).toBe(true);
    const others = (/^languages: \[(.*)\]$/m.exec(source)?.[1] ?? '').split(', ').filter((language) => language !== 'es');
    expect(others).toContain('en');
    expect(noted.body.notes.map(({ kind, language }) => ({ kind, language }))).toEqual(others.map((language) => ({ kind: 'unreviewed-language', language })));
  });

  it('creates a new procedure whose first publication reaches the kiosks', async () => {
    const source = citaSource.replace(/^id: cita-previa$/m, 'id: cita-previa-copia');
    const created = await api('POST', apiRoutes.staffProcedures.path, { id: 'cita-previa-copia', source });
    expect(created.status).toBe(201);
    expect((await api('POST', apiRoutes.staffProcedures.path, { id: 'cita-previa-copia', source })).body).toMatchObject({
      code: 'already-exists',
      field: 'id',
    });
    const opened = await detail('cita-previa-copia');
    expect(opened).toMatchObject({ status: 'draft', published: null, owner: { name: 'Staff (demo)' } });
    expect((await api('POST', fillPath('staffDiscardDraft', { id: 'cita-previa-copia' }), { baseRevision: opened.revision })).status).toBe(409);
    const published = await api('POST', fillPath('staffPublish', { id: 'cita-previa-copia' }), { baseRevision: opened.revision, changelog: 'Primera versión' });
    expect(published.body).toMatchObject({ version: 1 });
    const served = await call<{ procedures: { id: string }[] }>(test.url, 'GET', apiRoutes.procedures.path, { token: kioskToken });
    expect(served.body.procedures.map((procedure) => procedure.id)).toContain('cita-previa-copia');
  });

  it('refuses hostile and malformed input with a plain 4xx, storing nothing', async () => {
    const opened = await detail('alta-padron');
    const draft = fillPath('staffDraft', { id: 'alta-padron' });
    const huge = 'a: ' + 'x'.repeat(600 * 1024);
    expect(await api('PUT', draft, { source: huge, baseRevision: opened.revision })).toEqual({
      status: 400,
      body: { error: 'source: the script is larger than 512 KB; a procedure file may be at most 512 KB', field: 'source', reason: 'sourceTooLarge' },
    });
    expect((await api('PUT', draft, { source: 'x'.repeat(3 * 1024 * 1024), baseRevision: opened.revision })).status).toBe(413);
    expect((await api('PUT', draft, { source: 'id: a\u0000\u0001binary', baseRevision: opened.revision })).body).toMatchObject({
      field: 'source',
      error: expect.stringContaining('binary') as unknown,
    });
    expect(await api('PUT', draft, { source: 42, baseRevision: opened.revision })).toEqual({
      status: 400,
      body: { error: 'source should be a string', field: 'source' },
    });
    expect((await api('PUT', draft, { source: 'a: 1', baseRevision: '1' })).body).toMatchObject({ field: 'baseRevision' });
    expect((await api('PUT', draft, { source: 'a: 1', baseRevision: -1 })).status).toBe(400);
    expect((await api('PUT', draft, { source: 'a: 1', baseRevision: 1, extra: true })).body).toEqual({ error: 'unknown field "extra"' });
    expect((await call(test.url, 'PUT', draft, { token: staff, body: '{"source": "a', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect(await api('PUT', fillPath('staffDraft', { id: 'no-such-procedure' }), { source: 'a: 1', baseRevision: 1 })).toMatchObject({
      status: 404,
      body: { code: 'not-found' },
    });
    expect((await api('GET', '/api/staff/procedures/..%2F..%2Fetc')).status).toBe(400);
    const publish = fillPath('staffPublish', { id: 'alta-padron' });
    expect((await api('POST', publish, { baseRevision: opened.revision, changelog: '   ' })).body).toMatchObject({ field: 'changelog' });
    expect((await api('POST', publish, { baseRevision: opened.revision, changelog: 'x'.repeat(201) })).body).toMatchObject({ field: 'changelog' });
    expect((await api('POST', fillPath('staffRollback', { id: 'alta-padron' }), { baseRevision: opened.revision, toVersion: 0 })).status).toBe(400);
    expect((await api('POST', fillPath('staffRollback', { id: 'alta-padron' }), { baseRevision: opened.revision, toVersion: 40 })).status).toBe(404);
    expect((await api('GET', `${fillPath('staffDiff', { id: 'alta-padron' })}?from=abc&to=1`)).status).toBe(400);
    expect((await api('GET', `${fillPath('staffDiff', { id: 'alta-padron' })}?from=1`)).body).toMatchObject({ field: 'to' });
    expect((await api('GET', fillPath('staffVersion', { id: 'alta-padron', version: 0 }))).status).toBe(400);
    expect((await api('GET', `${apiRoutes.staffAudit.path}?limit=0`)).status).toBe(400);
    expect((await api('GET', `${apiRoutes.staffAudit.path}?targetKind=planet`)).status).toBe(400);
    expect((await api('PUT', fillPath('staffOwner', { id: 'alta-padron' }), { ownerStaffId: 'nobody', baseRevision: opened.revision })).body).toMatchObject({
      field: 'ownerStaffId',
      code: 'not-found',
    });
    expect((await api('POST', apiRoutes.staffProcedures.path, { id: 'Bad Id', source: 'a: 1' })).body).toMatchObject({ field: 'id' });
    // None of it changed the procedure.
    expect((await detail('alta-padron')).revision).toBe(opened.revision);
  });

  it('records every change in the audit trail: who, when, what', async () => {
    const since = Date.now();
    const volunteer = await api<{ id: string }>('POST', apiRoutes.staffVolunteers.path, {
      name: 'Pilar Audit',
      pin: '8642',
      siteIds: ['biblioteca-eugenio-trias-demo'],
      languages: ['es'],
    });
    await api('PATCH', fillPath('staffVolunteer', { id: volunteer.body.id }), { languages: ['es', 'en'] });
    await api('POST', fillPath('staffVolunteerPin', { id: volunteer.body.id }), { pin: '1111' });
    const kiosk = await api<{ kiosk: { id: string }; deviceToken: string }>('POST', apiRoutes.staffKiosks.path, {
      siteId: 'biblioteca-eugenio-trias-demo',
      name: 'Kiosco auditoría',
    });
    const reissued = await api<{ deviceToken: string }>('POST', fillPath('staffKioskToken', { id: kiosk.body.kiosk.id }));
    expect(reissued.status).toBe(201);
    expect((await call(test.url, 'GET', apiRoutes.kioskMe.path, { token: kiosk.body.deviceToken })).status).toBe(401);
    expect((await call(test.url, 'GET', apiRoutes.kioskMe.path, { token: reissued.body.deviceToken })).status).toBe(200);
    await api('POST', fillPath('staffRevokeKiosk', { id: kiosk.body.kiosk.id }));
    const opened = await detail('registro-clave');
    await api('PUT', fillPath('staffOwner', { id: 'registro-clave' }), { ownerStaffId: null, baseRevision: opened.revision });

    const trail = auditResponseSchema.parse((await api('GET', apiRoutes.staffAudit.path)).body);
    const recent = trail.entries.filter((entry) => entry.at >= since).map((entry) => [entry.action, entry.targetId, entry.staff.name]);
    expect(recent).toEqual([
      ['procedure.owner', 'registro-clave', 'Staff (demo)'],
      ['kiosk.revoke', kiosk.body.kiosk.id, 'Staff (demo)'],
      ['kiosk.token', kiosk.body.kiosk.id, 'Staff (demo)'],
      ['kiosk.create', kiosk.body.kiosk.id, 'Staff (demo)'],
      ['volunteer.pin', volunteer.body.id, 'Staff (demo)'],
      ['volunteer.update', volunteer.body.id, 'Staff (demo)'],
      ['volunteer.create', volunteer.body.id, 'Staff (demo)'],
    ]);
    expect(JSON.stringify(trail)).not.toContain('8642');
    // The procedure's own history, earlier in this file, with the two staff members.
    const pago = auditResponseSchema.parse((await api('GET', `${apiRoutes.staffAudit.path}?targetKind=procedure&targetId=pago-impuesto`)).body);
    expect(pago.entries.map((entry) => [entry.action, entry.staff.name])).toEqual([
      ['procedure.save-draft', expect.any(String) as unknown],
      ['procedure.save-draft', 'Marta Ruiz'],
    ]);
    const cita = auditResponseSchema.parse((await api('GET', `${apiRoutes.staffAudit.path}?targetId=cita-previa`)).body);
    expect(cita.entries.map((entry) => entry.action)).toEqual(['procedure.rollback', 'procedure.publish', 'procedure.save-draft']);
    expect(cita.entries[0]?.summary).toBe('Published version 3: Rollback to v1');
    // Paging.
    const page = auditResponseSchema.parse((await api('GET', `${apiRoutes.staffAudit.path}?limit=2`)).body);
    expect(page.entries.length).toBe(2);
    const next = auditResponseSchema.parse((await api('GET', `${apiRoutes.staffAudit.path}?limit=2&before=${page.nextBefore ?? 0}`)).body);
    expect(next.entries[0]?.at).toBeLessThan(page.entries[1]?.at ?? 0);
  });

  it('shows the fleet: online, last seen, app and catalogue version', async () => {
    const messages: HubMessage[] = [];
    const connection = connectToHub({
      url: test.wsUrl,
      token: kioskToken,
      createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
      onMessage: (message) => messages.push(message),
      setTimer: (callback, milliseconds) => setTimeout(callback, milliseconds),
      clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
      helloDetails: () => ({ appVersion: '0.1.0-test' }),
    });
    const announced = await eventually(() => messages.find((m) => m.type === 'procedures-changed'), 5000, 'procedures-changed');
    const fleet = async () => fleetResponseSchema.parse((await api('GET', apiRoutes.staffFleet.path)).body);
    let demo = (await fleet()).kiosks.find((kiosk) => kiosk.id === 'demo-kiosk-1');
    expect(demo).toMatchObject({ online: true, appVersion: '0.1.0-test', revoked: false });
    expect(demo?.upToDate).toBe(false);
    expect(connection.send({ type: 'kiosk.status', proceduresVersion: announced.type === 'procedures-changed' ? announced.version : -1 })).toBe(true);
    demo = await eventually(async () => (await fleet()).kiosks.find((kiosk) => kiosk.id === 'demo-kiosk-1' && kiosk.upToDate), 5000, 'up to date');
    expect(demo.proceduresVersion).toBe((await fleet()).catalogVersion);
    expect(Math.abs((demo.lastSeenAt ?? 0) - Date.now())).toBeLessThan(10_000);
    expect((await fleet()).kiosks.find((kiosk) => kiosk.name === 'Kiosco auditoría')).toMatchObject({ online: false, revoked: true });
    connection.stop();
  });
});

describe('only staff reach the staff console', () => {
  let test: TestHub;
  let volunteer: string;
  beforeAll(async () => {
    test = await startTestHub();
    volunteer = await volunteerToken(test.url, 'Ana');
  });
  afterAll(() => test.close());

  const routesToTry: [string, string, unknown?][] = [
    ['GET', apiRoutes.staffMe.path],
    ['GET', apiRoutes.staffAccounts.path],
    ['GET', apiRoutes.staffProcedures.path],
    ['POST', apiRoutes.staffProcedures.path, { id: 'nueva', source: 'a: 1' }],
    ['POST', apiRoutes.staffCheck.path, { source: 'a: 1' }],
    ['GET', fillPath('staffProcedure', { id: 'cita-previa' })],
    ['PUT', fillPath('staffDraft', { id: 'cita-previa' }), { source: 'a: 1', baseRevision: 1 }],
    ['POST', fillPath('staffDiscardDraft', { id: 'cita-previa' }), { baseRevision: 1 }],
    ['POST', fillPath('staffPublish', { id: 'cita-previa' }), { baseRevision: 1, changelog: 'x' }],
    ['POST', fillPath('staffRollback', { id: 'cita-previa' }), { baseRevision: 1, toVersion: 1 }],
    ['PUT', fillPath('staffOwner', { id: 'cita-previa' }), { ownerStaffId: null, baseRevision: 1 }],
    ['GET', fillPath('staffVersions', { id: 'cita-previa' })],
    ['GET', fillPath('staffVersion', { id: 'cita-previa', version: 1 })],
    ['GET', `${fillPath('staffDiff', { id: 'cita-previa' })}?from=1&to=1`],
    ['GET', apiRoutes.staffAudit.path],
    ['GET', apiRoutes.staffFleet.path],
    ['POST', fillPath('staffKioskToken', { id: 'demo-kiosk-1' })],
    ['GET', `${apiRoutes.staffAnalytics.path}?from=2026-01-01&to=2026-01-31`],
    ['GET', `${apiRoutes.staffAnalyticsCsv.path}?from=2026-01-01&to=2026-01-31`],
  ];

  it('refuses kiosks and volunteers with 403 and strangers with 401, changing nothing', async () => {
    for (const [method, route, body] of routesToTry) {
      for (const token of [kioskToken, volunteer]) {
        const answer = await call(test.url, method, route, { token, ...(body !== undefined ? { body } : {}) });
        expect(answer, `${method} ${route}`).toEqual({ status: 403, body: { error: 'Only a staff can do this.', code: 'wrong-role' } });
      }
      expect((await call(test.url, method, route, body !== undefined ? { body } : {})).status, `${method} ${route}`).toBe(401);
    }
    // The kiosk token still works: nobody reissued it.
    expect((await call(test.url, 'GET', apiRoutes.kioskMe.path, { token: kioskToken })).status).toBe(200);
    const staff = await staffToken(test.url);
    expect(
      (await call<{ procedures: { revision: number }[] }>(test.url, 'GET', apiRoutes.staffProcedures.path, { token: staff })).body.procedures.every(
        (procedure) => procedure.revision === 1,
      ),
    ).toBe(true);
    expect((await call(test.url, 'GET', apiRoutes.staffMe.path, { token: staff })).body).toEqual({
      id: 'demo-staff',
      email: 'staff@example.org',
      name: 'Staff (demo)',
      demo: true,
    });
  });
});
