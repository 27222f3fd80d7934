/**
 * `npm run bench -- kiosk`: the kiosk in a browser, beside a SurveyJS peer, in one run and one
 * Chromium. Tap → next step painted (Element Timing renderTime), tap→DOM and double-rAF over one
 * whole procedure's longest branch at CPU throttle 1× and 4×, from the finger's release; the
 * kiosk's JavaScript as shipped (gzip -9 of every file the /kiosk/ page loaded during the walks);
 * JS heap and DOM nodes after 500 simulated sessions against after the first. The method is
 * /work/shared/research/perf-anchors.md's.
 *
 * The settle time (issue 13): a new kiosk screen ignores presses for `defaultSettleMs` while
 * `<html>` carries `data-settling`. Every tap waits for it to go, so tap → paint never includes
 * it; the report names it and how long the kiosk actually held each screen. The 500 memory
 * sessions run with the settle time off (`#settle=0`), or they would spend most of their time
 * waiting.
 *
 * Speech: the hub serves the audio build (dist/audio, or PASO_AUDIO_FOLDER) as a kiosk's hub does,
 * and renders nothing on demand (its engine answers "not available"): an espeak-ng process started
 * by a tap would compete with the page for the 2 cores and measure the machine, not the kiosk.
 *
 * `PASO_UI_FOLDER=<folder>` measures a build there instead of dist/renderer (which is rebuilt
 * first when stale); `KIOSK_BENCH_LOOPS` sets the walks per case (default 20).
 *
 * Serving: the hub runs in this process and serves a copy of dist/renderer taken at the start; the page's requests to it go
 * through Playwright routing, which adds COOP/COEP (cross-origin isolation gives 5 µs timers
 * instead of coarse ones; the bench checks `crossOriginIsolated`). The WebSocket is not routed.
 * The SurveyJS page is built by its own vite config into a temporary folder and served by a tiny
 * static server here that sends the same headers. Everything is on 127.0.0.1; other requests
 * (SurveyJS's web fonts) are aborted.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defaultSettleMs, settlingAttribute } from '../../core/kiosk/settle.js';
import { checkProcedureText } from '../../core/procedure/check.js';
import type { Procedure, Step } from '../../core/procedure/schema.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import type { SpeechEngine } from '../../speech/engine.js';
import { AudioToolMissing } from '../../speech/tools.js';
import { driverInitScript, measureInitScript } from './kiosk-bench-page.js';
import {
  kioskDriver,
  sessionsMemory,
  surveyDriver,
  walkBranch,
  type MemoryReading,
  type PlannedStep,
  type StepAction,
  type TransitionSample,
} from './kiosk-bench-runs.js';
import { kioskFirstScripts } from './kiosk-first-script.js';
import { percentile } from './stats.js';
import { chromiumLaunchOptions } from '../../tests/e2e/support/chromium-launch.js';

const root = path.resolve(import.meta.dirname, '../..');
const procedureId = 'certificado-empadronamiento';
const catalogueMatch = 'empadronamiento';
const kioskToken = 'demo-kiosk-1-device-token-not-a-secret';
/** The answers that walk the procedure's longest branch. */
const answers: Record<string, StepAction> = {
  'lo-necesita': { kind: 'choice', index: -1, choiceId: 'no-se' },
  'seguir-igualmente': { kind: 'choice', index: -1, choiceId: 'si' },
  'tiene-clave': { kind: 'choice', index: -1, choiceId: 'no' },
  'escribir-dni': { kind: 'input', value: '12345678Z' },
  'escribir-telefono': { kind: 'input', value: '600123456' },
};
/** Each memory session: Siguiente, "No lo sé", Siguiente, then Empezar de nuevo. */
const sessionSteps = [-1, 1, -1];
const loops = Number(process.env['KIOSK_BENCH_LOOPS'] ?? 20);
const warmupLoops = 1;
const sessions = 500;
const goals = { p95Ms: 16.7, jsGzipBytes: 150_000, heapGrowthBytes: 2_000_000 };
const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const audioFolder = path.resolve(process.env['PASO_AUDIO_FOLDER'] ?? path.join(root, 'dist/audio'));

/** The bench's speech engine: none. The kiosk plays the audio build; what it lacks stays silent. */
const noOnDemandSpeech: SpeechEngine = {
  version: () => Promise.reject(new AudioToolMissing('the kiosk bench renders no speech while it measures')),
  checkVoice: () => Promise.reject(new AudioToolMissing('the kiosk bench renders no speech while it measures')),
  settings: () => 'none',
  synthesize: () => Promise.reject(new AudioToolMissing('the kiosk bench renders no speech while it measures')),
};

export async function runKioskBench(): Promise<void> {
  const cpu = cpus();
  console.log(
    `kiosk bench: ${procedureId}, ${loops} walks (+${warmupLoops} warm-up) per case, ${sessions} sessions for memory, on ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}`,
  );
  const builtUi = process.env['PASO_UI_FOLDER'] ? path.resolve(process.env['PASO_UI_FOLDER']) : ensureKioskBuild();
  const procedure = loadProcedure();
  const { taps, endId } = longestBranch(procedure);
  console.log(
    `  load average at the start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`  branch: ${[...taps.map((t) => t.id), endId].join(' → ')} (${taps.length} taps per walk)`);
  const hasAudio = existsSync(path.join(audioFolder, 'manifest.json'));
  console.log(
    `  speech: ${hasAudio ? `the audio build in ${path.relative(root, audioFolder) || audioFolder}` : 'no audio build (the kiosk shows text only)'}; nothing rendered on demand during the run`,
  );

  const temp = await mkdtemp(path.join(tmpdir(), 'paso-kiosk-bench-'));
  let hub: RunningHub | undefined;
  let surveyServer: Server | undefined;
  let browser: Browser | undefined;
  try {
    // A copy of the build, so that a rebuild of dist/renderer during the run changes nothing.
    const uiDir = path.join(temp, 'renderer');
    await cp(builtUi, uiDir, { recursive: true });
    const surveyDir = path.join(temp, 'surveyjs');
    await buildSurveyPage(surveyDir, procedure, taps, endId);
    surveyServer = await serveFolder(surveyDir);
    const surveyUrl = `http://127.0.0.1:${serverPort(surveyServer)}/`;
    hub = await startHub({
      port: 0,
      host: '127.0.0.1',
      storage: { kind: 'sqlite', file: path.join(temp, 'hub.sqlite') },
      demo: true,
      proceduresFolder: path.join(root, 'assets/procedures'),
      uiFolder: uiDir,
      ...(hasAudio ? { audioFolder } : {}),
      speech: { engine: noOnDemandSpeech },
      sweepIntervalMs: 1000,
      expireAfterMs: 2 * 60 * 60_000,
      logger: false,
    });
    const hubUrl = hub.url;

    browser = await chromium.launch(chromiumLaunchOptions);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await isolateLoopback(context, hubUrl);
    await context.addInitScript({ content: measureInitScript });
    await context.addInitScript({ content: driverInitScript });

    // Ours.
    const ours = await context.newPage();
    await ours.goto(`${hubUrl}/kiosk/#token=${kioskToken}`);
    await ours.locator('.attract-start').waitFor();
    const oursIsolated = (await ours.evaluate('crossOriginIsolated')) === true;
    const oursCdp = await context.newCDPSession(ours);
    const results: Record<string, TransitionSample[]> = {};
    const settles: Record<string, number[]> = {};
    for (const rate of [1, 4]) {
      await oursCdp.send('Emulation.setCPUThrottlingRate', { rate });
      await ours.evaluate('window.__kb.takeSettles()');
      results[`ours ${rate}`] = await walkBranch(ours, kioskDriver(catalogueMatch), taps, endId, loops, warmupLoops);
      settles[`ours ${rate}`] = (await ours.evaluate('window.__kb.takeSettles()')) as number[];
    }
    await oursCdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const oursFiles = { ...(await loadedAssets(ours, hubUrl, uiDir)), first: kioskFirstScripts(uiDir).map((file) => path.join(uiDir, file)) };
    await ours.close();

    // The peer.
    const peer = await context.newPage();
    await peer.goto(surveyUrl);
    const peerIsolated = (await peer.evaluate('crossOriginIsolated')) === true;
    const peerCdp = await context.newCDPSession(peer);
    const firstId = taps[0]?.id ?? '';
    for (const rate of [1, 4]) {
      await peerCdp.send('Emulation.setCPUThrottlingRate', { rate });
      results[`peer ${rate}`] = await walkBranch(peer, surveyDriver(firstId), taps, endId, loops, warmupLoops);
    }
    await peerCdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const peerFiles = await loadedAssets(peer, surveyUrl.slice(0, -1), surveyDir);
    await peer.close();

    // Memory: a fresh kiosk page, 500 sessions.
    const memoryPage = await context.newPage();
    await memoryPage.goto(`${hubUrl}/kiosk/#token=${kioskToken}&settle=0`);
    await memoryPage.locator('.attract-start').waitFor();
    const memoryCdp = await context.newCDPSession(memoryPage);
    const memory = await sessionsMemory(memoryPage, memoryCdp, catalogueMatch, sessionSteps, sessions);
    await memoryPage.close();

    printReport({
      results,
      settles,
      oursFiles,
      peerFiles,
      memory,
      isolated: oursIsolated && peerIsolated,
      chromiumVersion: browser.version(),
      taps: taps.length,
    });
  } finally {
    await browser?.close();
    await hub?.close();
    await new Promise<void>((resolve) => (surveyServer ? surveyServer.close(() => resolve()) : resolve()));
    await rm(temp, { recursive: true, force: true });
  }
}

/** Rebuilds dist/renderer when anything it is built from is newer than it; returns the folder. */
function ensureKioskBuild(): string {
  const folder = path.join(root, 'dist/renderer');
  const built = path.join(folder, 'kiosk/index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const newest = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'core')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (newest <= builtAt) return folder;
  console.log('  dist/renderer is stale: npx vite build');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
  return folder;
}

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function loadProcedure(): Procedure {
  const text = readFileSync(path.join(root, 'assets/procedures', `${procedureId}.yaml`), 'utf8');
  const procedure = checkProcedureText(text).procedure;
  if (!procedure) throw new Error(`${procedureId} does not pass the checker`);
  return procedure;
}

/** Follows `answers` from the first step to a done step; fails if the procedure changed under it. */
function longestBranch(procedure: Procedure): { taps: PlannedStep[]; endId: string } {
  const byId = new Map(procedure.steps.map((step) => [step.id, step]));
  const taps: PlannedStep[] = [];
  let step: Step | undefined = procedure.steps[0];
  for (let guard = 0; step && step.kind !== 'done' && guard < 100; guard++) {
    const planned: StepAction = answers[step.id] ?? { kind: 'next' };
    let next: string | undefined;
    if (step.kind === 'question') {
      if (planned.kind !== 'choice') throw new Error(`no planned answer for question ${step.id}`);
      const index = step.choices.findIndex((choice) => choice.id === planned.choiceId);
      if (index < 0) throw new Error(`${step.id} has no choice ${planned.choiceId}`);
      taps.push({ id: step.id, action: { ...planned, index }, submits: step.submits === true });
      next = step.choices[index]?.next;
    } else {
      taps.push({ id: step.id, action: planned, submits: step.submits === true });
      next = 'next' in step ? step.next : undefined;
    }
    step = next ? byId.get(next) : undefined;
  }
  if (!step || step.kind !== 'done') throw new Error('the planned answers do not reach a done step');
  return { taps, endId: step.id };
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Builds the SurveyJS page into `outDir` and writes the branch as its survey.json. */
async function buildSurveyPage(outDir: string, procedure: Procedure, taps: readonly PlannedStep[], endId: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(import.meta.dirname, 'surveyjs-page/vite.config.ts'), build: { outDir, emptyOutDir: true } });
  const byId = new Map(procedure.steps.map((step) => [step.id, step]));
  const es = (text: { es?: string } | undefined): string => escapeHtml(text?.es ?? '');
  const pages = [...taps.map((t) => t.id), endId].map((id) => {
    const step = byId.get(id);
    if (!step) throw new Error(`no step ${id}`);
    const elements: object[] = [
      { type: 'html', name: `${id}-text`, html: `<h2 data-step="${id}" elementtiming="step">${es(step.title)}</h2><p>${es(step.text)}</p>` },
    ];
    if (step.kind === 'question')
      elements.push({
        type: 'radiogroup',
        name: id,
        title: es(step.title),
        choices: step.choices.map((choice) => ({ value: choice.id, text: es(choice.label) })),
      });
    if (step.kind === 'input') elements.push({ type: 'text', name: id, title: es(step.label) });
    if (step.kind === 'review')
      elements.push({ type: 'html', name: `${id}-review`, html: '<ul><li>DNI o NIE: 12345678Z</li><li>Teléfono: 600123456</li></ul>' });
    if (step.kind === 'done') elements.push({ type: 'html', name: `${id}-next`, html: `<p>${es(step.whatNext)}</p>` });
    return { name: id, elements };
  });
  await writeFile(path.join(outDir, 'survey.json'), JSON.stringify({ locale: 'es', showQuestionNumbers: 'off', pages }));
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A static server for one folder on 127.0.0.1, with COOP/COEP. */
function serveFolder(folder: string): Promise<Server> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(folder, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(folder + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    void readFile(file).then((body) =>
      response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream', ...isolation }).end(body),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function serverPort(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Hub responses get COOP/COEP added; the static server sends its own; anything off 127.0.0.1 is aborted. */
async function isolateLoopback(context: BrowserContext, hubUrl: string): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith('http://127.0.0.1:')) return route.abort();
    if (!url.startsWith(hubUrl)) return route.continue();
    // A request the hub does not answer in time fails in the page, as it would without routing;
    // it must not take the bench down.
    const response = await route.fetch().catch(() => undefined);
    if (!response) return route.abort('timedout');
    return route.fulfill({ response, headers: { ...response.headers(), ...isolation } });
  });
}

interface ShippedFiles {
  js: string[];
  css: string[];
  /** Of `js`, the page's first script (kiosk-first-script.ts); empty for the peer. */
  first: string[];
}

/** The .js and .css files the page loaded from `origin`, as files under `folder`. */
async function loadedAssets(page: Page, origin: string, folder: string): Promise<ShippedFiles> {
  const urls = (await page.evaluate(
    '[...performance.getEntriesByType("resource").map((e) => e.name), ...[...document.scripts].map((s) => s.src), ...[...document.querySelectorAll("link[rel=stylesheet]")].map((l) => l.href)]',
  )) as string[];
  const files = [...new Set(urls.filter((url) => url.startsWith(origin)).map((url) => path.join(folder, new URL(url).pathname)))].filter((file) =>
    existsSync(file),
  );
  return { js: files.filter((file) => file.endsWith('.js')).sort(), css: files.filter((file) => file.endsWith('.css')).sort(), first: [] };
}

/** gzip -9 size of a file (the gzip command; zlib level 9 if gzip is missing). */
function gzip9(file: string): number {
  const result = spawnSync('gzip', ['-9', '-c', file], { maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0 && result.stdout.length > 0) return result.stdout.length;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const sum = (files: readonly string[], size: (file: string) => number): number => files.reduce((total, file) => total + size(file), 0);
const rawSize = (file: string): number => statSync(file).size;
const f1 = (value: number): string => value.toFixed(1);
const bytes = (value: number): string => Math.round(value).toLocaleString('en-US');
const pair = (samples: readonly number[]): string => `${f1(percentile(samples, 50))}/${f1(percentile(samples, 95))}`;
const mark = (ok: boolean): string => (ok ? 'met' : 'NOT met');

interface Report {
  results: Record<string, TransitionSample[]>;
  /** How long each kiosk screen settled during the walks, by case (ms). */
  settles: Record<string, number[]>;
  oursFiles: ShippedFiles;
  peerFiles: ShippedFiles;
  memory: { first: MemoryReading; middle: MemoryReading; last: MemoryReading; seconds: number };
  isolated: boolean;
  chromiumVersion: string;
  taps: number;
}

function printReport({ results, settles, oursFiles, peerFiles, memory, isolated, chromiumVersion, taps }: Report): void {
  const js = { ours: sum(oursFiles.js, gzip9), first: sum(oursFiles.first, gzip9), peer: sum(peerFiles.js, gzip9) };
  const css = { ours: sum(oursFiles.css, gzip9), peer: sum(peerFiles.css, gzip9) };
  const col = (name: string, pick: (s: TransitionSample) => number): number[] => (results[name] ?? []).map(pick);
  const n = (name: string): number => results[name]?.length ?? 0;
  console.log('');
  console.log(
    `Times in ms from the release of the tap (pointerup, capture phase), nearest-rank percentiles; n = ${loops} walks × ${taps} taps per row; timers ${isolated ? 'cross-origin isolated (5 µs)' : 'NOT isolated: coarse (100 µs+) timers'}.`,
  );
  console.log(settleLine(settles));
  console.log('');
  console.log('| Case | JS gzip-9 B | CSS gzip-9 B | tap→DOM p50/p95 | tap→painted (Element Timing) p50/p95 | tap→double-rAF p50/p95 | n |');
  console.log('|---|---|---|---|---|---|---|');
  const rows: [string, string, string, string][] = [
    ['Paso a Paso kiosk 1×', 'ours 1', bytes(js.ours), bytes(css.ours)],
    ['SurveyJS 1×', 'peer 1', bytes(js.peer), bytes(css.peer)],
    ['Paso a Paso kiosk 4× CPU', 'ours 4', '', ''],
    ['SurveyJS 4× CPU', 'peer 4', '', ''],
  ];
  for (const [label, key, jsText, cssText] of rows) {
    console.log(
      `| ${label} | ${jsText} | ${cssText} | ${pair(col(key, (s) => s.dom))} | **${pair(col(key, (s) => s.paint))}** | ${pair(col(key, (s) => s.raf))} | ${n(key)} |`,
    );
  }
  const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const ratioPair = (key: 'dom' | 'paint' | 'raf', rate: number): string => {
    const ours = col(`ours ${rate}`, (s) => s[key]);
    const peer = col(`peer ${rate}`, (s) => s[key]);
    return `${ratio(percentile(ours, 50), percentile(peer, 50))} / ${ratio(percentile(ours, 95), percentile(peer, 95))}`;
  };
  console.log(
    `| ours ÷ SurveyJS, 1× | ${ratio(js.ours, js.peer)} | ${ratio(css.ours, css.peer)} | ${ratioPair('dom', 1)} | **${ratioPair('paint', 1)}** | ${ratioPair('raf', 1)} | |`,
  );
  console.log(`| ours ÷ SurveyJS, 4× | | | ${ratioPair('dom', 4)} | **${ratioPair('paint', 4)}** | ${ratioPair('raf', 4)} | |`);
  for (const key of ['ours 1', 'peer 1']) {
    const byStep = new Map<string, number[]>();
    for (const sample of results[key] ?? []) byStep.set(sample.step ?? '?', [...(byStep.get(sample.step ?? '?') ?? []), sample.paint]);
    console.log(
      `${key === 'ours 1' ? 'kiosk' : 'SurveyJS'} 1×, painted p50/p95 by step reached: ${[...byStep].map(([step, paints]) => `${step} ${pair(paints)}`).join(', ')}`,
    );
  }
  console.log('');
  const { first, middle, last } = memory;
  const growth = last.heapUsed - first.heapUsed;
  const half = Math.floor(sessions / 2);
  console.log(`| Memory, kiosk, after GC | after session 1 | after session ${half} | after session ${sessions} | change 1 → ${sessions} |`);
  console.log('|---|---|---|---|---|');
  console.log(
    `| JS heap used (Runtime.getHeapUsage) B | ${bytes(first.heapUsed)} | ${bytes(middle.heapUsed)} | ${bytes(last.heapUsed)} | ${growth >= 0 ? '+' : ''}${bytes(growth)} |`,
  );
  console.log(`| DOM nodes (Memory.getDOMCounters) | ${first.domNodes} | ${middle.domNodes} | ${last.domNodes} | ${last.domNodes - first.domNodes} |`);
  console.log(
    `| elements in the document | ${first.liveElements} | ${middle.liveElements} | ${last.liveElements} | ${last.liveElements - first.liveElements} |`,
  );
  console.log(`| JS event listeners | ${first.listeners} | ${middle.listeners} | ${last.listeners} | ${last.listeners - first.listeners} |`);
  console.log(
    `(${sessions} sessions of start → ${sessionSteps.length} steps → Empezar de nuevo took ${memory.seconds.toFixed(1)} s, with the settle time off: #settle=0)`,
  );
  console.log('');
  const p95 = (key: string): number =>
    percentile(
      col(key, (s) => s.paint),
      95,
    );
  console.log('| Goal | figure | |');
  console.log('|---|---|---|');
  console.log(`| tap → painted p95 ≤ ${goals.p95Ms} ms, 1× | ${f1(p95('ours 1'))} ms | ${mark(p95('ours 1') <= goals.p95Ms)} |`);
  console.log(`| tap → painted p95 ≤ ${goals.p95Ms} ms, 4× CPU | ${f1(p95('ours 4'))} ms | ${mark(p95('ours 4') <= goals.p95Ms)} |`);
  console.log(
    `| kiosk's first script (entry and static imports) gzip-9 ≤ 150 KB (150,000 B) | ${bytes(js.first)} B (with the later parts fetched when idle: ${bytes(js.ours)} B) | ${mark(js.first <= goals.jsGzipBytes)} |`,
  );
  console.log(`| heap growth ≤ 2 MB (2,000,000 B) over ${sessions} sessions | ${bytes(growth)} B | ${mark(growth <= goals.heapGrowthBytes)} |`);
  console.log(
    `| DOM nodes back to baseline | ${first.domNodes} → ${last.domNodes}, elements ${first.liveElements} → ${last.liveElements} | ${mark(last.domNodes <= first.domNodes && last.liveElements === first.liveElements)} |`,
  );
  console.log('');
  console.log(`Kiosk JS: ${oursFiles.js.map((file) => `${path.basename(file)} ${bytes(rawSize(file))} B raw / ${bytes(gzip9(file))} B gz`).join(', ')}`);
  console.log(
    `SurveyJS JS: ${bytes(sum(peerFiles.js, rawSize))} B raw in ${peerFiles.js.length} file(s); CSS ${bytes(sum(peerFiles.css, rawSize))} B raw. SurveyJS runs with its defaults (page animations on); its web fonts are blocked (off 127.0.0.1).`,
  );
  console.log(
    `Versions: Chromium ${chromiumVersion}, ${versions(['playwright-core', 'react', 'react-dom', 'vite', '@vitejs/plugin-react', 'survey-core', 'survey-react-ui'])}, gzip ${gzipVersion()}; ${cpus().length} cores; viewport 1920×1080 (playwright.config.ts); CPU throttle by CDP Emulation.setCPUThrottlingRate (renderer main thread only); load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
  );
}

/**
 * The line that names the settle time: the kiosk's default, that it is not in the figures, and
 * how long the kiosk held its screens in this run (nothing, when the build has no settle time).
 */
function settleLine(settles: Record<string, number[]>): string {
  const held = Object.values(settles).flat();
  const named = `Settle time ${defaultSettleMs} ms after each new screen (core/kiosk/settle.ts), excluded from tap → paint: every tap waits for <html ${settlingAttribute}> to go.`;
  if (held.length === 0) return `${named} This build never set it: no tap had to wait.`;
  const byCase = Object.entries(settles).map(
    ([name, values]) =>
      `${name.replace('ours', 'kiosk')}× ${values.length} screens held p50 ${f1(percentile(values, 50))} ms, longest ${f1(Math.max(...values))} ms`,
  );
  return `${named} Measured: ${byCase.join('; ')}.`;
}

function versions(names: readonly string[]): string {
  return names
    .map((name) => `${name} ${(JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}`)
    .join(', ');
}

function gzipVersion(): string {
  const result = spawnSync('gzip', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? (result.stdout.split('\n')[0] ?? '').replace(/^gzip\s*/, '') : 'none (zlib level 9)';
}
