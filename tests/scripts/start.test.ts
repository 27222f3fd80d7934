/**
 * `npm start` for real: the launcher in its own process on a free port with a temporary data
 * folder, the hub answering, Chromium (headless) opening the kiosk, and a clean stop on SIGINT
 * and SIGTERM that leaves no hub, no background speech build and no Chromium behind. Only the
 * Electron binary is missing here, so the shell's fallback line is checked too. Each launch builds
 * its speech into its own temporary folder (never dist/audio), and is stopped long before that
 * build could finish.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../hub/demo/seed.js';
import { freePort } from '../hub/support/hub-process.js';
import { skipBecause } from '../support/skip-because.js';
import { isListening } from '../../scripts/bench/bench-processes.js';

const root = path.resolve(import.meta.dirname, '../..');
const chromiumInstalled = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].some((file) => existsSync(file));
let uiFolder: string;
let builtHere: string | undefined;
const folders: string[] = [];

beforeAll(() => {
  // The launcher serves a prebuilt UI (PASO_UI_FOLDER) so this test never rebuilds dist/renderer.
  const given = process.env['PASO_UI_FOLDER'];
  if (given && existsSync(path.join(given, 'kiosk/index.html'))) uiFolder = given;
  else {
    builtHere = mkdtempSync(path.join(tmpdir(), 'paso-start-ui-'));
    const vite = spawnSync('npx', ['vite', 'build', '--outDir', builtHere, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
    if (vite.status !== 0) throw new Error(`the UI build failed:\n${vite.stderr}`);
    uiFolder = builtHere;
  }
}, 180_000);

afterAll(() => {
  for (const folder of [...folders, ...(builtHere ? [builtHere] : [])]) rmSync(folder, { recursive: true, force: true });
});

interface Launch {
  child: ChildProcess;
  output: () => string;
  port: number;
  exit: Promise<number | null>;
}

async function launch(args: string[], env: Record<string, string | undefined> = {}): Promise<Launch> {
  const port = await freePort();
  const data = mkdtempSync(path.join(tmpdir(), 'paso-start-data-'));
  const audio = mkdtempSync(path.join(tmpdir(), 'paso-start-audio-'));
  folders.push(data, audio);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: data,
      PASO_UI_FOLDER: uiFolder,
      PASO_AUDIO_FOLDER: audio,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, port, exit };
}

async function waitFor(what: string, check: () => boolean, output: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms for ${what}; the launcher said:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Processes (other than this one) whose command line mentions `text`. */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('npm start', () => {
  it('--shell=none starts the hub alone, serves the kiosk, and stops cleanly on SIGINT', async () => {
    const started = await launch(['--shell=none']);
    await waitFor('the hub', () => started.output().includes(`kiosk      http://127.0.0.1:${started.port}/kiosk/`), started.output);
    const page = await fetch(`http://127.0.0.1:${started.port}/kiosk/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const health = (await (await fetch(`http://127.0.0.1:${started.port}/health`)).json()) as { demo: boolean };
    expect(health.demo).toBe(true);
    expect(started.output()).not.toContain('kiosk window opened');
    // The spoken prompts are built in the background, after the hub is up, and stop with it.
    await waitFor(
      'the speech build',
      () => /speech: bringing the spoken prompts up to date in the background \(pid \d+/.test(started.output()),
      started.output,
    );
    const build = Number(/\(pid (\d+), lower priority\)/.exec(started.output())?.[1]);
    expect(started.output().indexOf('speech: bringing')).toBeGreaterThan(started.output().indexOf(`kiosk      http://127.0.0.1:${started.port}/kiosk/`));
    expect(existsSync(`/proc/${build}`)).toBe(true);
    started.child.kill('SIGINT');
    expect(await started.exit).toBe(0);
    expect(started.output()).toContain('Paso a Paso stopped.');
    expect(await isListening(started.port)).toBe(false);
    expect(existsSync(`/proc/${build}`)).toBe(false);
  }, 120_000);

  it('without an Electron binary says why in one line, and without a display says where to open the kiosk', async () => {
    const started = await launch(['--shell=electron'], {
      DISPLAY: undefined,
      WAYLAND_DISPLAY: undefined,
      ELECTRON_OVERRIDE_DIST_PATH: path.join(tmpdir(), 'no-electron-here'),
    });
    await waitFor('the fallback lines', () => started.output().includes('No display on this machine'), started.output);
    const lines = started.output().split('\n');
    expect(lines.filter((line) => line.startsWith('The Electron shell is not available here ('))).toHaveLength(1);
    expect(lines.find((line) => line.startsWith('No display on this machine'))).toContain(
      `http://127.0.0.1:${started.port}/kiosk/#token=${demoAccounts.kioskToken}`,
    );
    started.child.kill('SIGTERM');
    expect(await started.exit).toBe(0);
  }, 120_000);

  it('--shell=browser opens the kiosk in Chromium, which loads it from the hub, and SIGTERM leaves no process behind', async (context) => {
    skipBecause(context, !chromiumInstalled, "no Chromium at /usr/bin (npm test installs Debian's chromium first)");
    const started = await launch(['--shell=browser', '--headless']);
    await waitFor('the kiosk page to ask the hub who it is', () => started.output().includes('"url":"/api/kiosk/me"'), started.output);
    expect(started.output()).toMatch(/kiosk window opened \(Chromium, headless, pid \d+\)/);
    const [browser] = processesMentioning(`127.0.0.1:${started.port}/kiosk/`);
    expect(browser).toBeDefined();
    // Chromium's helper processes (zygote, renderer, GPU) all carry the throw-away profile's path.
    const profile = /--user-data-dir=([^\0]+)/.exec(readFileSync(`/proc/${browser}/cmdline`, 'utf8'))?.[1] ?? '';
    expect(profile).toContain('paso-kiosk-profile-');
    expect(processesMentioning(profile).length).toBeGreaterThan(1);
    started.child.kill('SIGTERM');
    expect(await started.exit).toBe(0);
    await waitFor('Chromium and its helpers to be gone', () => processesMentioning(profile).length === 0, started.output, 10_000);
    expect(existsSync(profile)).toBe(false);
    expect(await isListening(started.port)).toBe(false);
  }, 120_000);
});
