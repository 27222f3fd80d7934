/**
 * A hub's first start imports the workshop folder's scripts beside the top-level samples (real
 * hub, SQLite): a good one published, a broken one kept as a draft with its problems; and a
 * folder without a workshop folder still imports its own scripts.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { procedureListResponseSchema } from '../../core/protocol/staff-console.js';
import { samplesFolder, workshopFolder } from '../support/procedures.js';
import { call, kioskToken, staffToken, startTestHub } from './support/test-hub.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'paso-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function importedFrom(folder: string): Promise<{ id: string; status: string }[]> {
  const hub = await startTestHub({ proceduresFolder: folder });
  try {
    const token = await staffToken(hub.url);
    const list = procedureListResponseSchema.parse((await call(hub.url, 'GET', apiRoutes.staffProcedures.path, { token })).body);
    const kiosk = await call<{ procedures: { id: string }[] }>(hub.url, 'GET', apiRoutes.procedures.path, { token: kioskToken });
    // Only published scripts reach kiosks.
    expect(kiosk.body.procedures.map((procedure) => procedure.id).sort()).toEqual(
      list.procedures
        .filter((procedure) => procedure.status === 'published')
        .map((procedure) => procedure.id)
        .sort(),
    );
    return list.procedures.map(({ id, status }) => ({ id, status })).sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    await hub.close();
  }
}

describe('importing the sample folder on first start', () => {
  it('takes the workshop folder too: a good twin published, a broken script as a draft', async () => {
    const folder = path.join(scratch, 'with-workshop');
    mkdirSync(path.join(folder, 'workshop'), { recursive: true });
    cpSync(path.join(samplesFolder, 'cita-previa.yaml'), path.join(folder, 'cita-previa.yaml'));
    cpSync(path.join(workshopFolder, 'practica-cita-previa.yaml'), path.join(folder, 'workshop', 'practica-cita-previa.yaml'));
    writeFileSync(path.join(folder, 'workshop', 'leccion-rota.yaml'), 'id: leccion-rota\nversion: 1\n');
    // A folder inside the workshop folder is not read (nor mistaken for a file).
    mkdirSync(path.join(folder, 'workshop', 'carpeta.yaml'));
    expect(await importedFrom(folder)).toEqual([
      { id: 'cita-previa', status: 'published' },
      { id: 'leccion-rota', status: 'draft' },
      { id: 'practica-cita-previa', status: 'published' },
    ]);
  });

  it('needs no workshop folder', async () => {
    const folder = path.join(scratch, 'without-workshop');
    mkdirSync(folder);
    cpSync(path.join(samplesFolder, 'cita-previa.yaml'), path.join(folder, 'cita-previa.yaml'));
    expect(await importedFrom(folder)).toEqual([{ id: 'cita-previa', status: 'published' }]);
  });
});
