/**
 * `npm run procedures:twins` and the checker on twins, on real files: the twins it writes are the
 * ones in the repository, a changed source makes its twin stale at its `twinOf`, and a twin
 * checked alone is compared with its source in the folder above.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTwinSources, writeTwinFiles } from '../../scripts/procedures/twin-files.js';
import { samplesFolder, workshopFolder } from '../support/procedures.js';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'paso-twins-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const englishLocale = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

function run(script: string, ...args: string[]): { status: number | null; lines: string[] } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...englishLocale } });
  expect(result.stderr).toBe('');
  return { status: result.status, lines: result.stdout.trim().split('\n') };
}

/** A folder with copies of some samples and an empty workshop folder. */
function folderWith(ids: readonly string[]): string {
  const folder = mkdtempSync(path.join(scratch, 'procedures-'));
  mkdirSync(path.join(folder, 'workshop'));
  for (const id of ids) copyFileSync(path.join(samplesFolder, `${id}.yaml`), path.join(folder, `${id}.yaml`));
  return folder;
}

describe('npm run procedures:twins', () => {
  it('writes the twins of the default samples, byte for byte the ones in assets/procedures/workshop', () => {
    const folder = folderWith(defaultTwinSources);
    const report = writeTwinFiles([], folder);
    expect(report.exitCode).toBe(0);
    expect(report.written).toHaveLength(defaultTwinSources.length);
    for (const id of defaultTwinSources) {
      const written = readFileSync(path.join(folder, 'workshop', `practica-${id}.yaml`), 'utf8');
      expect(written, id).toBe(readFileSync(path.join(workshopFolder, `practica-${id}.yaml`), 'utf8'));
    }
  });

  it('writes again every twin already in the workshop folder, besides the defaults', () => {
    const folder = folderWith([...defaultTwinSources, 'teleasistencia']);
    expect(writeTwinFiles(['teleasistencia'], folder).written.map((file) => path.basename(file))).toEqual(['practica-teleasistencia.yaml']);
    const report = writeTwinFiles([], folder);
    expect(report.written.map((file) => path.basename(file)).sort()).toEqual(
      [...defaultTwinSources, 'teleasistencia'].map((id) => `practica-${id}.yaml`).sort(),
    );
  });

  it('refuses, with exit code 1 and a line each, an unknown id, a hostile id, a practice script and a source with problems; writes nothing for them', () => {
    const folder = folderWith(['practica-clave']);
    writeFileSync(path.join(folder, 'roto.yaml'), 'id: roto\nversion: 0\n');
    const report = writeTwinFiles(['no-existe', '../../etc/passwd', 'practica-clave', 'roto'], folder);
    expect(report.exitCode).toBe(1);
    expect(report.written).toEqual([]);
    expect(report.lines).toEqual([
      expect.stringMatching(/^no-existe: no such procedure/),
      expect.stringMatching(/^\.\.\/\.\.\/etc\/passwd: no such procedure/),
      `${path.join(folder, 'practica-clave.yaml')}: "practica-clave" is itself a practice script, so it has no practice twin`,
      `${path.join(folder, 'roto.yaml')}: has problems, so its twin was not written (run npm run procedures:check)`,
    ]);
    expect(existsSync(path.join(folder, 'workshop', 'practica-practica-clave.yaml'))).toBe(false);
  });

  it('as a command: exit code 1 for an unknown id, and nothing written', () => {
    const { status, lines } = run('scripts/procedures-twins.ts', 'no-existe');
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^no-existe: no such procedure \(looked for .*assets\/procedures\/no-existe\.yaml\)$/)]);
    expect(existsSync(path.join(workshopFolder, 'practica-no-existe.yaml'))).toBe(false);
  });
});

describe('npm run procedures:check on twins', () => {
  it('reports a twin whose source changed as stale, at its twinOf line and column', () => {
    const folder = folderWith(['cita-previa']);
    writeTwinFiles(['cita-previa'], folder);
    const source = path.join(folder, 'cita-previa.yaml');
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^version: 1$/m, 'version: 2'));
    const twinFile = path.join(folder, 'workshop', 'practica-cita-previa.yaml');
    const twinLine = readFileSync(twinFile, 'utf8').split('\n').indexOf('twinOf: cita-previa') + 1;
    const { status, lines } = run('scripts/procedures-check.ts', folder);
    expect(status).toBe(1);
    expect(lines).toContain(
      `${twinFile}:${twinLine}:9: this practice twin no longer matches "cita-previa" (version 2); generate it again with npm run procedures:twins`,
    );
    // Generated again, it passes.
    writeTwinFiles([], folder);
    expect(run('scripts/procedures-check.ts', folder).status).toBe(0);
  });

  it('checks a twin alone against its source in the folder above: no false "missing", and a stale one still found', () => {
    const twin = path.join('assets/procedures/workshop', 'practica-cita-previa.yaml');
    expect(run('scripts/procedures-check.ts', twin).status).toBe(0);
    const folder = folderWith(['cita-previa']);
    writeTwinFiles(['cita-previa'], folder);
    const twinFile = path.join(folder, 'workshop', 'practica-cita-previa.yaml');
    writeFileSync(twinFile, readFileSync(twinFile, 'utf8').replace('practiceData: 12345678Z', 'practiceData: X1234567L'));
    const { status, lines } = run('scripts/procedures-check.ts', twinFile);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/twinOf|no longer matches "cita-previa"/);
  });
});
