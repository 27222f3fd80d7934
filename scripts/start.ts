/**
 * `npm start [-- --shell=electron|browser|none]`: builds the UIs when missing or older than their
 * sources, starts the hub (demo mode, SQLite in ./data unless DATABASE_URL says otherwise) and
 * opens the kiosk. The Electron shell arrives with its own issue; until then, and wherever the
 * Electron binary cannot be had, the kiosk opens in Chromium's app mode, and on a machine
 * without a display the launcher says where to point a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoAccounts } from '../hub/demo/seed.js';
import { describeHub, hubConfigFromEnvironment } from '../hub/main.js';
import { startHub } from '../hub/server.js';

const root = path.resolve(import.meta.dirname, '..');
const shells = ['electron', 'browser', 'none'] as const;
type Shell = (typeof shells)[number];

function chosenShell(args: readonly string[]): Shell {
  const flag = args.find((argument) => argument.startsWith('--shell='));
  const value = flag?.slice('--shell='.length) ?? 'electron';
  if (!(shells as readonly string[]).includes(value)) {
    console.error(`--shell must be one of ${shells.join(', ')}; it is "${value}".`);
    process.exit(2);
  }
  return value as Shell;
}

function newestChange(folder: string): number {
  if (!existsSync(folder)) return 0;
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildUiIfStale(): void {
  const builtPage = path.join(root, 'dist/renderer/kiosk/index.html');
  const sourcesChanged = Math.max(...['renderer', 'core', 'assets'].map((folder) => newestChange(path.join(root, folder))));
  if (existsSync(builtPage) && statSync(builtPage).mtimeMs >= sourcesChanged) return;
  console.log('building the UIs…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function openKiosk(shell: Shell, kioskUrl: string): void {
  if (shell === 'none') return;
  if (shell === 'electron') {
    console.log('The Electron shell is not available here (its binary cannot be downloaded); opening the kiosk in Chromium instead.');
  }
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => existsSync(candidate));
  if (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    console.log(`No display on this machine: open ${kioskUrl} in a browser on this network (use this machine's address instead of 127.0.0.1).`);
    return;
  }
  if (!chromium) {
    console.log(`Chromium is not installed: open ${kioskUrl} in any browser, or install it with "sudo apt-get install chromium".`);
    return;
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'paso-kiosk-profile-'));
  const browser = spawn(chromium, [`--app=${kioskUrl}`, '--kiosk', `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'], {
    stdio: 'ignore',
  });
  browser.on('exit', () => console.log('The kiosk window was closed; the hub keeps running (Ctrl+C stops it).'));
}

const args = process.argv.slice(2).filter((argument) => argument !== '--');
const shell = chosenShell(args);
buildUiIfStale();
try {
  const config = hubConfigFromEnvironment(process.env, args);
  const hub = await startHub(config);
  console.log(describeHub(hub.url, config));
  // The kiosk reads its device token from the URL fragment (never sent to a server); in demo
  // mode that is the demo kiosk's. A real kiosk gets its own from the Electron shell.
  openKiosk(shell, config.demo ? `${hub.url}/kiosk/#token=${demoAccounts.kioskToken}` : `${hub.url}/kiosk/`);
  const stop = (): void => {
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Paso a Paso could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
