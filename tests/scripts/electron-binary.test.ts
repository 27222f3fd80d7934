import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/start/electron-binary.js';

const probe = { exists: existsSync, read: (file: string) => readFileSync(file, 'utf8') };
const folders: string[] = [];

function project(withPathFile: boolean, withBinary: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'paso-electron-'));
  folders.push(root);
  const electron = path.join(root, 'node_modules/electron');
  mkdirSync(path.join(electron, 'dist'), { recursive: true });
  writeFileSync(path.join(electron, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (withPathFile) writeFileSync(path.join(electron, 'path.txt'), 'electron');
  if (withBinary) writeFileSync(path.join(electron, 'dist/electron'), '');
  return root;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('finding the Electron binary without downloading it', () => {
  it('finds the binary the package downloaded', () => {
    const root = project(true, true);
    expect(findElectronBinary(root, {}, probe)).toEqual({ found: true, file: path.join(root, 'node_modules/electron/dist/electron') });
  });

  it('says the binary was never downloaded, and how to point at one', () => {
    const result = findElectronBinary(project(false, false), {}, probe);
    expect(result).toEqual({ found: false, reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH first, and says when it points nowhere', () => {
    const root = project(true, false);
    const dist = mkdtempSync(path.join(tmpdir(), 'paso-electron-dist-'));
    folders.push(dist);
    writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist }, probe)).toEqual({ found: true, file: path.join(dist, 'electron') });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, probe)).toEqual({
      found: false,
      reason: 'ELECTRON_OVERRIDE_DIST_PATH is set but /nowhere/electron does not exist',
    });
  });

  it('says when the package itself is missing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'paso-electron-'));
    folders.push(root);
    expect(findElectronBinary(root, {}, probe)).toEqual({ found: false, reason: 'the electron package is not installed' });
  });
});
