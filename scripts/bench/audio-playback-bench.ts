/**
 * The kiosk's speech in Chromium against a real hub serving the built audio: tap → the next
 * screen's first prompt playing (howler's "play" event, which the kiosk announces on `window`, see
 * renderer/kiosk/audio/player-announce.ts), over whole walks through a procedure. The first walk
 * has only the kiosk's preloading to help (nothing decoded yet); later walks also find the files
 * of earlier walks in memory. Also tap → speech stopped. Goal (issue 5): p95 ≤ 50 ms with
 * preloading. Prints figures, never asserts.
 *
 * The hub and Chromium set-up (`withKioskRig`) is shared with the spoken mode's bench
 * (spoken-mode-bench.ts, issue 17), run next in the same area: key → speech stopped and 2 → next
 * control's description playing, by keys with headphones, over walks of a whole procedure.
 *
 * Needs the UI built (`npm run build`, or PASO_UI_FOLDER) and the audio (`npm run audio:build`,
 * or PASO_AUDIO_FOLDER).
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { checkProcedureText } from '../../core/procedure/check.js';
import type { Procedure } from '../../core/procedure/schema.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { ms, percentile } from './stats.js';
import { chromiumLaunchOptions } from '../../tests/e2e/support/chromium-launch.js';

const root = path.resolve(import.meta.dirname, '../..');
const kioskToken = 'demo-kiosk-1-device-token-not-a-secret';
export const procedureId = 'certificado-empadronamiento';
const goalP95Ms = 50;
/** A senior reads before tapping; the bench waits this long after a screen starts speaking. */
const readingPauseMs = 1000;

interface Sample {
  walk: number;
  /** What was tapped, to tell screens apart in the report. */
  label: string;
  /** Into a procedure step (from a step or from the last requirement). */
  step: boolean;
  playMs: number;
  stopMs: number | undefined;
}

/** One tap of a walk: what to press, and whether it leads to a step. */
interface Tap {
  label: string;
  step: boolean;
  press: (page: Page) => Promise<void>;
}

export function loadProcedure(): Procedure {
  const procedure = checkProcedureText(readFileSync(path.join(root, 'assets/procedures', `${procedureId}.yaml`), 'utf8')).procedure;
  if (!procedure) throw new Error(`${procedureId} does not pass the checker`);
  return procedure;
}

/** The walk: attract to done and back, on the branch without Cl@ve (input steps included). */
function plannedWalk(procedure: Procedure): Tap[] {
  // A step too long for the screen comes in parts (issue 12): the walk reads on to what it taps,
  // as a senior does; the tap measured is the last one, on the target itself.
  const readOnTo = async (page: Page, target: Locator): Promise<void> => {
    const more = page.getByRole('button', { name: 'Seguir leyendo', exact: true });
    // The new screen first: the target, or the way on to it (the hidden field of a later part
    // is in the page already, so each is asked whether it is in sight).
    for (const until = Date.now() + 10_000; Date.now() < until && !(await target.isVisible()) && !(await more.isVisible()); ) await page.waitForTimeout(20);
    for (let i = 0; i < 5 && !(await target.isVisible()) && (await more.isVisible()); i++) await more.click();
  };
  const button =
    (name: string, exact = true) =>
    async (page: Page) => {
      const target = page.getByRole('button', { name, exact }).last();
      await readOnTo(page, target);
      await target.click();
    };
  const choice = (stepId: string, choiceId: string): string => {
    const step = procedure.steps.find((candidate) => candidate.id === stepId);
    const label = step?.kind === 'question' ? step.choices.find((candidate) => candidate.id === choiceId)?.label['es'] : undefined;
    if (!label) throw new Error(`${procedureId} has no choice ${stepId}/${choiceId}`);
    return label;
  };
  const typed = (value: string) => async (page: Page) => {
    await readOnTo(page, page.locator('#step-input'));
    await page.locator('#step-input').fill(value);
    await button('Siguiente')(page);
  };
  return [
    { label: 'attract → language', step: false, press: button('Toque la pantalla para empezar') },
    { label: 'language → comfort', step: false, press: button('Español') },
    { label: 'comfort → catalogue', step: false, press: button('Seguir') },
    { label: 'catalogue → requirements', step: false, press: (page) => page.getByRole('button', { name: /Certificado de empadronamiento/ }).click() },
    { label: 'requirement → requirement', step: false, press: button('Sí, lo tengo') },
    { label: 'requirement → step', step: true, press: button('Sí, lo tengo') },
    { label: 'info → question', step: true, press: button('Siguiente') },
    { label: 'question → info', step: true, press: button(choice('lo-necesita', 'no-se')) },
    { label: 'info → question', step: true, press: button('Siguiente') },
    { label: 'question → question', step: true, press: button(choice('seguir-igualmente', 'si')) },
    { label: 'question → input', step: true, press: button(choice('tiene-clave', 'no')) },
    { label: 'input → input', step: true, press: typed('12345678Z') },
    { label: 'input → review', step: true, press: typed('600123456') },
    { label: 'review → info', step: true, press: button('Siguiente') },
    { label: 'info → done', step: true, press: button('Siguiente') },
    { label: 'done → attract', step: false, press: button('Terminar') },
  ];
}

/** Page time of the last tap and the log of player events. */
const readLog = `(() => ({ taps: window.__benchTaps ?? [], events: (window.__pasoSpeech && window.__pasoSpeech.events) || [] }))()`;
interface PageLog {
  taps: number[];
  events: { type: string; url: string; at: number }[];
}

async function measureTap(page: Page, tap: Tap, walk: number): Promise<Sample | undefined> {
  const before = (await page.evaluate(readLog)) as PageLog;
  const wasPlaying = (() => {
    let playing: string | undefined;
    for (const event of before.events) {
      if (event.type === 'play') playing = event.url;
      else if ((event.type === 'end' || event.type === 'stop') && event.url === playing) playing = undefined;
    }
    return playing;
  })();
  await tap.press(page);
  try {
    await page.waitForFunction(
      (count) => {
        const w = globalThis as unknown as { __benchTaps?: number[]; __pasoSpeech?: { events: { type: string; at: number }[] } };
        const tapAt = w.__benchTaps?.[count];
        return tapAt !== undefined && (w.__pasoSpeech?.events ?? []).some((event) => event.type === 'play' && event.at >= tapAt);
      },
      before.taps.length,
      { timeout: 10_000, polling: 20 },
    );
  } catch {
    console.log(`    ${tap.label}: nothing played within 10 s (is the audio built for this text?)`);
    return undefined;
  }
  const after = (await page.evaluate(readLog)) as PageLog;
  const tapAt = after.taps[before.taps.length] ?? 0;
  const play = after.events.find((event) => event.type === 'play' && event.at >= tapAt);
  const stop = wasPlaying === undefined ? undefined : after.events.find((event) => event.type === 'stop' && event.url === wasPlaying && event.at >= tapAt);
  return { walk, label: tap.label, step: tap.step, playMs: (play?.at ?? tapAt) - tapAt, stopMs: stop ? stop.at - tapAt : undefined };
}

function line(name: string, values: readonly number[]): string {
  if (values.length === 0) return `  ${name}: no samples`;
  return `  ${name}: p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))} (${values.length} taps)`;
}

/** What the playback benches share: a hub in this process serving the built UI and audio, and Chromium. */
export interface KioskRig {
  hub: RunningHub;
  browser: Browser;
}

/** Where the built UI and audio are, from the options, the environment or dist/. */
export interface KioskRigOptions {
  uiFolder?: string;
  audioFolder?: string;
}

/**
 * Runs `use` with a hub (SQLite in a temporary folder, demo devices) serving the built kiosk and
 * audio, and Chromium launched as the browser tests launch it; closes both after. Says why and
 * returns undefined when the UI or the audio is not built. `name` heads the skip message.
 */
export async function withKioskRig<T>(name: string, options: KioskRigOptions, use: (rig: KioskRig) => Promise<T>): Promise<T | undefined> {
  const uiFolder = path.resolve(options.uiFolder ?? process.env['PASO_UI_FOLDER'] ?? path.join(root, 'dist/renderer'));
  const audioFolder = path.resolve(options.audioFolder ?? process.env['PASO_AUDIO_FOLDER'] ?? path.join(root, 'dist/audio'));
  if (!existsSync(path.join(uiFolder, 'kiosk/index.html'))) {
    console.log(`${name}: skipped, no kiosk build in ${uiFolder} (run "npm run build")`);
    return undefined;
  }
  if (!existsSync(path.join(audioFolder, 'manifest.json'))) {
    console.log(`${name}: skipped, no audio in ${audioFolder} (run "npm run audio:build")`);
    return undefined;
  }
  const temp = await mkdtemp(path.join(tmpdir(), 'paso-audio-bench-'));
  let hub: RunningHub | undefined;
  let browser: Browser | undefined;
  try {
    hub = await startHub({
      port: 0,
      host: '127.0.0.1',
      storage: { kind: 'sqlite', file: path.join(temp, 'hub.sqlite') },
      demo: true,
      proceduresFolder: path.join(root, 'assets/procedures'),
      uiFolder,
      audioFolder,
      sweepIntervalMs: 1000,
      expireAfterMs: 2 * 60 * 60_000,
      logger: false,
    });
    browser = await chromium.launch(chromiumLaunchOptions);
    return await use({ hub, browser });
  } finally {
    await browser?.close();
    await hub?.close();
    await rm(temp, { recursive: true, force: true });
  }
}

/** The machine, for a bench's first line: cores, CPU model and load average. */
export function machineLine(): string {
  const cpu = cpus();
  return `on ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

/**
 * `npm run bench -- audio` (playback part): tap → prompt playing and tap → speech stopped, in
 * Chromium against a hub in this process. `loops` walks of 16 taps each.
 */
export async function runAudioPlaybackBench(options: { loops?: number } & KioskRigOptions = {}): Promise<void> {
  const loops = options.loops ?? Number(process.env['AUDIO_BENCH_LOOPS'] ?? 8);
  await withKioskRig('audio playback bench', options, async ({ hub, browser }) => {
    console.log(`audio playback bench: ${procedureId}, ${loops} walks of attract → done, ${machineLine()}`);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // Tap times in page time, taken before the kiosk's own listeners (capture on window).
    // And the player's events, as the browser tests keep them (tests/e2e/support/speech-log.ts);
    // 'paso:player' is the kiosk's playerEventType (renderer/kiosk/audio/player-announce.ts).
    await context.addInitScript({
      content: [
        `window.__benchTaps = []; window.addEventListener('pointerdown', () => window.__benchTaps.push(performance.now()), { capture: true });`,
        `window.__pasoSpeech = { events: [] }; window.addEventListener('paso:player', (event) => window.__pasoSpeech.events.push(event.detail));`,
      ].join('\n'),
    });
    const page = await context.newPage();
    await page.goto(`${hub.url}/kiosk/#token=${kioskToken}`);
    await page.locator('.attract-start').waitFor();
    const walk = plannedWalk(loadProcedure());
    const samples: Sample[] = [];
    for (let round = 0; round < loops; round++) {
      for (const tap of walk) {
        await page.waitForTimeout(readingPauseMs);
        const sample = await measureTap(page, tap, round);
        if (sample) samples.push(sample);
      }
    }
    const play = (filter: (sample: Sample) => boolean): number[] => samples.filter(filter).map((sample) => sample.playMs);
    console.log(`  Chromium ${browser.version()}; a tap ${readingPauseMs} ms after the screen started speaking`);
    console.log(
      line(
        'tap → next prompt playing, every screen',
        play(() => true),
      ),
    );
    console.log(
      line(
        'tap → next step prompt playing (steps only)',
        play((sample) => sample.step),
      ),
    );
    console.log(
      line(
        '  first walk (only preloading)',
        play((sample) => sample.walk === 0),
      ),
    );
    console.log(
      line(
        '  later walks',
        play((sample) => sample.walk > 0),
      ),
    );
    console.log(
      line(
        'tap → speech stopped',
        samples.flatMap((sample) => (sample.stopMs === undefined ? [] : [sample.stopMs])),
      ),
    );
    const p95 = percentile(
      play(() => true),
      95,
    );
    console.log(`  goal p95 ≤ ${goalP95Ms} ms: ${p95 <= goalP95Ms ? 'met' : 'not met'}`);
    const slowest = [...samples].sort((a, b) => b.playMs - a.playMs).slice(0, 3);
    console.log(`  slowest: ${slowest.map((sample) => `${sample.label} (walk ${sample.walk + 1}) ${ms(sample.playMs)}`).join('; ')}`);
  });
}
