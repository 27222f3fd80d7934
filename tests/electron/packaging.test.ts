/**
 * The packaging checks that run without the Electron binary: electron-builder's own validation of
 * electron-builder.yml (offline, through its internals: there is no public CLI for it), and a real
 * `electron-builder --linux dir` run with a stand-in Electron (a script carrying Electron's fuse
 * wire), after which the fuses and the contents of app.asar are read back.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShell } from '../../scripts/build-shell.js';

const root = path.resolve(import.meta.dirname, '../..');
// electron-builder's internals and its helpers come with electron-builder; load them from there.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));

interface BuilderConfig {
  files?: { filter: string[] }[];
  npmRebuild?: boolean;
  asar?: boolean;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  electronFuses?: Record<string, boolean>;
}
const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const asar = builderRequire('@electron/asar') as { listPackage(file: string, options: object): string[]; extractFile(file: string, name: string): Buffer };
const fuses = builderRequire('@electron/fuses') as { getCurrentFuseWire(file: string): Promise<Record<string, number | string>> };

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is really validated: a misspelt key is refused', async () => {
    const config = await getConfig(root, null, { electronFuse: { runAsNode: false } });
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/electronFuse/);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, with the fuses locked and no native rebuild', async () => {
    const config = await getConfig(root, null, null);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.files?.[0]?.filter).toContain('!node_modules/**');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

// Electron's fuse wire: a sentinel, version 1, eight fuses in Electron's default states
// (run as node on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off,
// only-asar off, v8 snapshot off, file privileges on). The packager flips them in place.
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseIndex = { runAsNode: 0, cookieEncryption: 1, nodeOptions: 2, inspect: 3, asarIntegrity: 4, onlyAsar: 5, fileProtocol: 7 };
const [on, off] = [49, 48];

describe('the packaged app (electron-builder --linux dir with a stand-in Electron)', () => {
  let project: string;
  let entries: string[];
  let unpacked: string;

  beforeAll(async () => {
    project = mkdtempSync(path.join(tmpdir(), 'paso-package-'));
    cpSync(path.join(root, 'package.json'), path.join(project, 'package.json'));
    cpSync(path.join(root, 'electron-builder.yml'), path.join(project, 'electron-builder.yml'));
    // electron-builder reads Electron's version and the dependency tree from node_modules.
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    await buildShell(path.join(project, 'dist/electron'));
    const ui = path.join(project, 'dist/renderer');
    const prebuilt = process.env['PASO_UI_FOLDER'];
    if (prebuilt && existsSync(path.join(prebuilt, 'kiosk/index.html'))) cpSync(prebuilt, ui, { recursive: true });
    else {
      const vite = spawnSync('npx', ['vite', 'build', '--outDir', ui, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
      if (vite.status !== 0) throw new Error(`the UI build failed:\n${vite.stderr}`);
    }
    const fakeElectron = path.join(project, 'fake-electron');
    mkdirSync(fakeElectron);
    writeFileSync(
      path.join(fakeElectron, 'electron'),
      Buffer.concat([
        Buffer.from(`#!/bin/sh\necho "stand-in Electron: it cannot run" >&2\nexit 1\n# ${sentinel}`),
        Buffer.from([1, 8]),
        Buffer.from('10110001\n'),
      ]),
      { mode: 0o755 },
    );
    const builder = spawnSync(
      'npx',
      ['electron-builder', '--linux', 'dir', `-c.electronDist=${fakeElectron}`, `-c.directories.output=${path.join(project, 'release')}`],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, CI: '1' },
      },
    );
    if (builder.status !== 0) throw new Error(`electron-builder failed:\n${builder.stdout}\n${builder.stderr}`);
    unpacked = path.join(project, 'release/linux-unpacked');
    entries = asar.listPackage(path.join(unpacked, 'resources/app.asar'), {});
  }, 240_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('holds the main process, the preload and the kiosk page with its bundles', () => {
    expect(entries).toEqual(
      expect.arrayContaining(['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/kiosk/index.html']),
    );
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
    const manifest = JSON.parse(asar.extractFile(path.join(unpacked, 'resources/app.asar'), 'package.json').toString()) as { main: string };
    expect(manifest.main).toBe('dist/electron/main.cjs');
  });

  it('holds no node_modules, no native module and none of the hub', () => {
    expect(entries.filter((entry) => /node_modules|better-sqlite3|\.node$|^\/hub\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /^\/dist\/renderer\/(volunteer|staff)\//.test(entry))).toEqual([]);
    const main = asar.extractFile(path.join(unpacked, 'resources/app.asar'), 'dist/electron/main.cjs').toString();
    for (const hubOnly of ['better-sqlite3', 'fastify', 'kysely', 'hub/server']) expect(main, hubOnly).not.toContain(hubOnly);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector, only the checked asar, no file privileges', async () => {
    const executable = path.join(unpacked, 'paso-a-paso-kiosk');
    expect(readFileSync(executable).includes(sentinel)).toBe(true);
    const wire = await fuses.getCurrentFuseWire(executable);
    expect([wire[fuseIndex.runAsNode], wire[fuseIndex.nodeOptions], wire[fuseIndex.inspect], wire[fuseIndex.fileProtocol]]).toEqual([off, off, off, off]);
    expect([wire[fuseIndex.onlyAsar], wire[fuseIndex.asarIntegrity], wire[fuseIndex.cookieEncryption]]).toEqual([on, on, on]);
  });
});
