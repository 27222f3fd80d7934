/**
 * `npm start [-- --shell=electron|browser|none] [--headless] [--no-speech-build]`: builds what is missing or older
 * than its sources, starts the hub (demo mode, SQLite in ./data unless DATABASE_URL says
 * otherwise) and opens the kiosk:
 * - `electron` (the default): the locked-down kiosk shell, where an Electron binary exists;
 *   otherwise one line says why and the kiosk opens in Chromium instead;
 * - `browser`: Chromium's kiosk/app mode (`--headless` runs it without a screen, for checks);
 * - `none`: the hub alone.
 * On a machine without a display it says where to point a browser. Once the kiosk is open, the
 * spoken prompts are brought up to date in the background (speech-build.ts; its lines start with
 * `speech: `): until they are, the hub renders each prompt a kiosk asks for. Ctrl+C (or SIGTERM)
 * stops the build, closes the kiosk window and the hub, and leaves no process behind.
 * `PASO_UI_FOLDER` serves an already built UI from that folder instead of building dist/renderer.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoAccounts } from '../hub/demo/seed.js';
import { countStaffAccounts, describeHub, hubConfigFromEnvironment, noStaffNotice } from '../hub/main.js';
import { startHub } from '../hub/server.js';
import { demoKioskConfig } from './start/demo-kiosk-config.js';
import { findElectronBinary } from './start/electron-binary.js';
import { startSpeechBuild, type SpeechBuild } from './start/speech-build.js';

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

function isStale(built: string, sources: readonly string[]): boolean {
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map((folder) => newestChange(path.join(root, folder))));
}

/** Runs `node <script> …` from the root when `built` is older than `sources`; `script` is a path under the root. */
function buildIfStale(built: string, sources: readonly string[], what: string, command: readonly string[]): void {
  if (!isStale(built, sources)) return;
  const started = performance.now();
  console.log(`building ${what}…`);
  // Node directly rather than npx: npx alone takes half a second to start.
  const build = spawnSync(process.execPath, command, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`built ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const hasDisplay = (): boolean => Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

/** The Electron shell, or why not (then the caller opens Chromium). */
function openElectron(hubUrl: string, demo: boolean): ChildProcess | string {
  const binary = findElectronBinary(root, process.env, { exists: existsSync, read: (file) => readFileSync(file, 'utf8') });
  if (!binary.found) return `The Electron shell is not available here (${binary.reason}); opening the kiosk in Chromium instead.`;
  if (!hasDisplay()) return 'The Electron shell needs a display and this machine has none.';
  let configFile = process.env['PASO_KIOSK_CONFIG'];
  if (!configFile) {
    if (!demo) return "The Electron shell needs the kiosk's configuration file (PASO_KIOSK_CONFIG) outside demo mode; opening the kiosk in Chromium instead.";
    mkdirSync(path.join(root, 'data'), { recursive: true });
    configFile = path.join(root, 'data/kiosk-config.demo.json');
    writeFileSync(configFile, demoKioskConfig(hubUrl, demoAccounts.kiosk.id, demoAccounts.kioskToken));
  }
  buildIfStale(path.join(root, 'dist/electron/main.cjs'), ['electron', 'core'], 'the kiosk shell', ['scripts/launch/run-ts.mjs', 'scripts/build-shell.ts']);
  const uiFolder = process.env['PASO_UI_FOLDER'];
  return spawn(binary.file, [root], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, PASO_KIOSK_CONFIG: configFile, ...(uiFolder ? { PASO_UI_FOLDER: path.resolve(uiFolder) } : {}) },
  });
}

/** Chromium in kiosk/app mode with a throw-away profile, or why not. */
function openBrowser(kioskUrl: string, headless: boolean): { child: ChildProcess; profile: string } | string {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => existsSync(candidate));
  if (!hasDisplay() && !headless)
    return `No display on this machine: open ${kioskUrl} in a browser on this network (use this machine's address instead of 127.0.0.1; a demo hub listens on this machine only unless started with HOST=0.0.0.0).`;
  if (!chromium) return `Chromium is not installed: open ${kioskUrl} in any browser, or install it with "sudo apt-get install chromium".`;
  const profile = mkdtempSync(path.join(tmpdir(), 'paso-kiosk-profile-'));
  const flags = [
    headless ? '--headless=new' : '--kiosk',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    // Chromium refuses to run as root with its sandbox; only then is it switched off.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(headless ? ['--disable-gpu'] : []),
    headless ? kioskUrl : `--app=${kioskUrl}`,
  ];
  // In its own process group, so stopping kills Chromium's helper processes with it.
  return { child: spawn(chromium, flags, { stdio: 'ignore', detached: true }), profile };
}

const args = process.argv.slice(2).filter((argument) => argument !== '--');
const shell = chosenShell(args);
const headless = args.includes('--headless');
const prebuiltUi = process.env['PASO_UI_FOLDER'];
if (!prebuiltUi)
  buildIfStale(path.join(root, 'dist/renderer/kiosk/index.html'), ['renderer', 'core', 'assets'], 'the UIs', [
    'node_modules/vite/bin/vite.js',
    'build',
    '--logLevel',
    'warn',
  ]);

try {
  const fromEnvironment = hubConfigFromEnvironment(
    process.env,
    args.filter((argument) => argument !== '--headless' && argument !== '--no-speech-build' && !argument.startsWith('--shell=')),
  );
  const config = prebuiltUi ? { ...fromEnvironment, uiFolder: path.resolve(prebuiltUi) } : fromEnvironment;
  const hub = await startHub(config);
  // In a browser the kiosk reads its device token from the URL fragment (never sent to a
  // server); in demo mode that is the demo kiosk's. The Electron shell reads its configuration file.
  const kioskUrl = config.demo ? `${hub.url}/kiosk/#token=${demoAccounts.kioskToken}` : `${hub.url}/kiosk/`;

  let window: ChildProcess | undefined;
  let profile: string | undefined;
  let speech: SpeechBuild | undefined;
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await speech?.stop();
    // The window first (it would only show "hub unreachable"), then the hub, then the profile.
    if (window && window.exitCode === null && window.signalCode === null) {
      const exited = new Promise<void>((resolve) => window?.once('exit', () => resolve()));
      const signalGroup = (signal: NodeJS.Signals): void => {
        try {
          // The window runs in its own process group (detached): signal the whole group.
          if (window?.pid !== undefined) process.kill(-window.pid, signal);
        } catch {
          window?.kill(signal);
        }
      };
      signalGroup('SIGTERM');
      const forced = setTimeout(() => signalGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(forced);
    }
    await hub.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    console.log('Paso a Paso stopped.');
    process.exit(0);
  };
  // Before anything else is started or printed: whoever reads the lines below may stop us at once.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(describeHub(hub.url, config));
  if (!config.demo && (await countStaffAccounts(hub.database.db)) === 0) console.log(noStaffNotice());

  if (shell === 'electron') {
    const opened = openElectron(hub.url, config.demo);
    if (typeof opened === 'string') console.log(opened);
    else window = opened;
  }
  if (shell === 'browser' || (shell === 'electron' && !window)) {
    const opened = openBrowser(kioskUrl, headless);
    if (typeof opened === 'string') console.log(opened);
    else ({ child: window, profile } = opened);
  }
  if (window)
    console.log(
      `kiosk window opened (${shell === 'electron' && !profile ? 'Electron shell' : headless ? 'Chromium, headless' : 'Chromium'}, pid ${window.pid ?? '?'})`,
    );
  window?.on('exit', () => {
    if (!stopping) console.log('The kiosk window was closed; the hub keeps running (Ctrl+C stops it).');
  });

  // Started last: the hub and the kiosk are up first, and the build yields the CPU to them.
  if (!args.includes('--no-speech-build')) {
    const build = startSpeechBuild({ root, env: process.env, write: (line) => console.log(line) });
    speech = build;
    console.log(
      `speech: bringing the spoken prompts up to date in the background (pid ${build.pid ?? '?'}, lower priority); the hub speaks any prompt not built yet`,
    );
    // Whatever ends this process, the build does not outlive it.
    process.on('exit', () => build.kill());
    void build.ended.then((code) => {
      if (code !== 0 && code !== null && !stopping)
        console.log(`speech: the build stopped (exit code ${code}); the hub goes on speaking prompts on demand. "npm run audio:build" shows why.`);
    });
  }
} catch (error) {
  console.error(`Paso a Paso could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
