/**
 * The Electron kiosk shell end to end, through Playwright's `_electron`: the real main process,
 * preload and kiosk page against a real hub. It needs an Electron binary, which cannot be
 * downloaded on the project's machines: there every test is reported as skipped with the reason
 * (npm test prints it). Where a binary exists (node_modules/electron/dist, or
 * ELECTRON_OVERRIDE_DIST_PATH pointing at an unpacked Electron 45), it runs in full.
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bridgeMethods } from '../../core/shell/bridge-methods.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { buildShell } from '../../scripts/build-shell.js';
import { demoKioskConfig } from '../../scripts/start/demo-kiosk-config.js';
import { findElectronBinary } from '../../scripts/start/electron-binary.js';
import { expect, test } from './fixtures/hub.js';

const root = path.resolve(import.meta.dirname, '../..');
const binary = findElectronBinary(root, process.env, { exists: existsSync, read: (file) => readFileSync(file, 'utf8') });
const uiFolder = process.env['PASO_UI_FOLDER'] ?? path.join(root, 'dist/renderer');
const skipReason = binary.found ? '' : `no Electron binary on this machine: ${binary.reason}`;
if (!binary.found) console.log(`shell-electron.e2e.ts: every test skipped (${skipReason})`);

interface Shell {
  app: ElectronApplication;
  page: Page;
  close(): Promise<void>;
}

/** Builds the shell into a temporary app folder and launches it with the given configuration text. */
async function launchShell(configText: string): Promise<Shell> {
  const folder = mkdtempSync(path.join(tmpdir(), 'paso-shell-e2e-'));
  await buildShell(folder);
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'paso-a-paso', version: '0.1.0', main: 'main.cjs' }));
  const configFile = path.join(folder, 'kiosk-config.json');
  writeFileSync(configFile, configText);
  if (!binary.found) throw new Error(binary.reason);
  const app = await electron.launch({
    executablePath: binary.file,
    args: [folder],
    env: { ...process.env, PASO_KIOSK_CONFIG: configFile, PASO_UI_FOLDER: uiFolder, PASO_USER_DATA: path.join(folder, 'user-data'), PASO_KIOSK_LOCKED: '1' },
  });
  const page = await app.firstWindow();
  return {
    app,
    page,
    close: async () => {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function windowState(app: ElectronApplication) {
  return app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => ({
      kiosk: window.isKiosk(),
      url: window.webContents.getURL(),
      devTools: window.webContents.isDevToolsOpened(),
      crashed: window.webContents.isCrashed(),
    })),
  );
}

test.describe('the Electron kiosk shell', () => {
  test.skip(!binary.found, skipReason);
  let shell: Shell;

  test.beforeEach(async ({ hub }) => {
    shell = await launchShell(demoKioskConfig(hub.url, demoAccounts.kiosk.id, demoAccounts.kioskToken));
    await expect(shell.page.getByRole('button').first()).toBeVisible({ timeout: 20_000 });
  });

  test.afterEach(async () => {
    await shell.close();
  });

  test('opens one full-screen kiosk window on the app:// page', async () => {
    expect(await windowState(shell.app)).toEqual([{ kiosk: true, url: 'app://paso/kiosk/', devTools: false, crashed: false }]);
  });

  test('gives the page no Node, only the window.kiosk bridge of the contract', async () => {
    const seen = await shell.page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
      bridge: Object.keys((window as unknown as { kiosk: object }).kiosk).sort(),
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: [...bridgeMethods].sort() });
    const config = await shell.page.evaluate(() => (window as unknown as { kiosk: { getConfig(): Promise<{ kioskId: string }> } }).kiosk.getConfig());
    expect(config.kioskId).toBe(demoAccounts.kiosk.id);
  });

  test('refuses window.open and navigation away', async () => {
    const opened = await shell.page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
    await shell.page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await shell.page.waitForTimeout(1000);
    expect(await windowState(shell.app)).toEqual([expect.objectContaining({ url: 'app://paso/kiosk/' })]);
  });

  test('keeps developer tools closed and swallows reload and devtools keys', async () => {
    for (const key of ['F12', 'Control+Shift+I', 'F5', 'Control+R']) await shell.page.keyboard.press(key);
    await shell.page.waitForTimeout(500);
    expect(await windowState(shell.app)).toEqual([expect.objectContaining({ devTools: false })]);
    await shell.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.openDevTools());
    await shell.page.waitForTimeout(500);
    expect(await windowState(shell.app)).toEqual([expect.objectContaining({ devTools: false })]);
  });

  test('refuses files outside the build on the app:// protocol', async () => {
    const status = await shell.page.evaluate(async () => (await fetch('app://paso/kiosk/%2e%2e/%2e%2e/package.json')).status);
    expect(status).toBeGreaterThanOrEqual(400);
  });

  test('brings a killed page back by itself', async () => {
    await shell.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
    await expect
      .poll(async () => (await windowState(shell.app))[0], { timeout: 20_000 })
      .toEqual(expect.objectContaining({ crashed: false, url: 'app://paso/kiosk/' }));
    const page = shell.app.windows()[0] ?? (await shell.app.firstWindow());
    await expect(page.getByRole('button').first()).toBeVisible({ timeout: 20_000 });
  });
});

test.describe('the Electron kiosk shell with a bad configuration', () => {
  test.skip(!binary.found, skipReason);

  test('shows staff the problems in words and starts nothing else', async () => {
    const shell = await launchShell(JSON.stringify({ kioskId: 'k1', hubUrl: 'https://hub@evil.example', deviceToken: 'short', openingHours: {} }));
    try {
      await expect(shell.page.locator('body')).toContainText('hubUrl: must be a web address');
      await expect(shell.page.locator('body')).toContainText('deviceToken: is too short');
      expect(await shell.page.evaluate(() => typeof (window as unknown as { kiosk?: unknown }).kiosk)).toBe('undefined');
    } finally {
      await shell.close();
    }
  });
});
