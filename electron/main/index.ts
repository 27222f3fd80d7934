/**
 * The kiosk shell's main process: lifecycle only. Each concern lives in its own module and is
 * switched on here by one `setupX()` call, in the order Electron requires.
 */
import { app, session } from 'electron';
import path from 'node:path';
import { insecureHubNotice } from '../../core/shell/kiosk-config.js';
import { createBridgeHandlers } from './bridge-handlers.js';
import { configFilePath, readKioskConfigSync } from './config.js';
import { configErrorUrl } from './config-error-page.js';
import { setupIpc } from './ipc.js';
import { setupKeepAwake } from './keep-awake.js';
import { setupLockdown } from './lockdown.js';
import { log } from './log.js';
import { createOfflineCache } from './offline-cache.js';
import { setupPermissions } from './permissions.js';
import { kioskStartUrl } from './policies/app-origin.js';
import { printSheet } from './printing.js';
import { registerAppScheme, setupAppProtocol } from './protocol.js';
import { setupRecovery } from './recovery.js';
import { createKioskWindow } from './window.js';

// Every renderer sandboxed, whatever a window's options say (must precede `ready`).
app.enableSandbox();
registerAppScheme();
// Running from the source tree leaves reload and developer tools to the developer, unless
// PASO_KIOSK_LOCKED=1 asks for the packaged kiosk's lockdown (the end-to-end tests do).
const isDevelopment = !app.isPackaged && process.env['PASO_KIOSK_LOCKED'] !== '1';
// From the source tree only (tests, a developer beside a running kiosk): another data folder,
// so the instance lock, the cache and the configuration are not the installed kiosk's.
if (!app.isPackaged && process.env['PASO_USER_DATA']) app.setPath('userData', process.env['PASO_USER_DATA']);

function relaunch(): void {
  app.relaunch();
  app.exit(0);
}

async function start(): Promise<void> {
  await app.whenReady();
  setupPermissions(session.defaultSession);
  const file = configFilePath(process.env, app.getPath('userData'));
  const loaded = readKioskConfigSync(file);
  if (!loaded.ok) {
    // No protocol, no bridge, no hub: the kiosk does not start half-configured.
    log(`configuration refused (${file}): ${loaded.problems.join(' | ')}`);
    createKioskWindow(configErrorUrl(file, loaded.problems), undefined, isDevelopment);
    return;
  }
  const { config } = loaded;
  // Plain http:// to a private address was opted into by staff; it is said at every start.
  const insecure = insecureHubNotice(config);
  if (insecure) log(insecure);
  const uiRoot = !app.isPackaged && process.env['PASO_UI_FOLDER'] ? path.resolve(process.env['PASO_UI_FOLDER']) : path.join(app.getAppPath(), 'dist/renderer');
  const cache = createOfflineCache(path.join(app.getPath('userData'), 'offline-cache'));
  setupAppProtocol(session.defaultSession, { uiRoot, hubOrigin: config.hubUrl, cache });
  // The bundle is CommonJS (scripts/build-shell.ts), so __dirname is dist/electron/.
  const window = createKioskWindow(kioskStartUrl, path.join(__dirname, 'preload.cjs'), isDevelopment);
  setupIpc(
    createBridgeHandlers({ config, cache, version: app.getVersion(), print: (printer) => printSheet(window.webContents, printer), restart: relaunch }),
    new Set([window.webContents.id]),
  );
  setupRecovery(window, kioskStartUrl);
  setupKeepAwake(config.openingHours);
  log(`kiosk ${config.kioskId} started, hub ${config.hubUrl}`);
}

if (!app.requestSingleInstanceLock()) {
  // Another kiosk shell runs already; it brings its window forward (window.ts).
  app.quit();
} else {
  setupLockdown(isDevelopment);
  app.on('window-all-closed', () => app.quit());
  start().catch((error: unknown) => {
    log(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    app.exit(1);
  });
}
