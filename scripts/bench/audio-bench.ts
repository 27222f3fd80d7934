/**
 * `npm run bench -- audio`: how long the spoken prompts of the sample procedures take to build
 * from nothing, and to rebuild when nothing changed (in-process, and the whole `audio:build`
 * command as `npm start` runs it). Builds into a temporary folder, never into dist/audio.
 * Each part is its own function in `audioBenchParts`, so playback figures can join the area:
 * the tap bench (audio-playback-bench.ts) and the spoken mode by keys (spoken-mode-bench.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { espeakEngine } from '../../speech/engine.js';
import { buildAudio, storeFolderName } from '../../speech/build.js';
import { withFallback } from '../../speech/fallback.js';
import { folderSoundStore } from '../../speech/store.js';
import { collectPrompts } from '../../speech/collect.js';
import { defaultAudioPaths } from '../audio/paths.js';
import { encodingsMade } from '../../speech/encode.js';
import { toolProcessesStarted } from '../../speech/tools.js';
import { runAudioPlaybackBench } from './audio-playback-bench.js';
import { ownAndChildrenCpuMs } from './cpu-usage.js';
import { runSpokenModeBench } from './spoken-mode-bench.js';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * What the build cost before issue 11 (README, `npm run bench -- audio`, 2 cores): the full
 * build of the samples, its speed, and the processes it started per sound (3 espeak-ng and at
 * least 2 ffmpeg per text of three sounds).
 */
const before = { fullSeconds: 1395, soundsPerSecond: 3.1, processesPerSound: 5 / 3, noChangeCommandMs: 1500 } as const;

/** Full build and no-change rebuild of every prompt of the UI and the sample procedures. */
export async function benchAudioBuild(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'paso-audio-bench-'));
  try {
    const paths = defaultAudioPaths();
    const { prompts } = await collectPrompts(paths);
    const options = { prompts, audioFolder: folder, recordingsFolder: paths.recordingsFolder, engine: espeakEngine() };
    const processesBefore = toolProcessesStarted();
    const encodingsBefore = encodingsMade();
    const cpuBefore = ownAndChildrenCpuMs();
    let started = performance.now();
    const full = await buildAudio(options);
    const fullSeconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuBefore === undefined ? undefined : ((ownAndChildrenCpuMs() ?? 0) - cpuBefore) / 1000;
    const processes = toolProcessesStarted() - processesBefore;
    const encodings = encodingsMade() - encodingsBefore;
    const speechSeconds = Object.values(full.manifest.prompts)
      .flatMap((byLanguage) => Object.values(byLanguage))
      .reduce((sum, audio) => sum + audio.speeds.slow.duration + audio.speeds.normal.duration + audio.speeds.fast.duration, 0);
    started = performance.now();
    const again = await buildAudio(options);
    const againMs = performance.now() - started;
    started = performance.now();
    await promisify(execFile)(process.execPath, [path.join(root, 'scripts/launch/run-ts.mjs'), 'scripts/audio/build.ts'], {
      cwd: root,
      env: { ...process.env, PASO_AUDIO_FOLDER: folder },
    });
    const commandMs = performance.now() - started;
    const soundsPerSecond = full.rendered / fullSeconds;
    console.log(
      `audio build: ${full.prompts} prompts, ${full.rendered} sounds rendered (${full.rendered} Ogg files; MP3s are made on demand; ${(speechSeconds / 60).toFixed(0)} min of speech counting each prompt once per speed), on ${availableParallelism()} cores`,
    );
    console.log(
      `  full build            ${fullSeconds.toFixed(1)} s (goal ≤ 180 s; before: ${before.fullSeconds} s)${full.failures.length > 0 ? `, ${full.failures.length} failures` : ''}`,
    );
    console.log(`  sounds per second     ${soundsPerSecond.toFixed(1)} (before: ${before.soundsPerSecond})`);
    console.log(
      `  processes per sound   ${(processes / Math.max(1, full.rendered)).toFixed(3)} (${processes} espeak-ng and ffmpeg processes; before: ${before.processesPerSound.toFixed(2)})`,
    );
    console.log(`  encodings per sound   ${(encodings / Math.max(1, full.rendered)).toFixed(3)} (a sound out of bounds once decoded is encoded again)`);
    if (cpuSeconds !== undefined)
      console.log(`  CPU per speech second ${(cpuSeconds / speechSeconds).toFixed(4)} s (${cpuSeconds.toFixed(0)} CPU-seconds, this process and its tools)`);
    console.log(`  no change, in-process ${againMs.toFixed(0)} ms (rendered ${again.rendered})`);
    console.log(`  no change, command    ${commandMs.toFixed(0)} ms (goal < 1 s; before: ${before.noChangeCommandMs} ms)`);
    // What a browser without Opus waits the first time it asks for a sound's MP3.
    const store = folderSoundStore(path.join(folder, storeFolderName));
    const fallbackMs: number[] = [];
    for (const hash of [...(await store.list())].slice(0, 20)) {
      const startedFallback = performance.now();
      await withFallback(store, hash);
      fallbackMs.push(performance.now() - startedFallback);
    }
    fallbackMs.sort((a, b) => a - b);
    console.log(
      `  MP3 made on demand    p50 ${(fallbackMs[Math.floor(fallbackMs.length / 2)] ?? 0).toFixed(0)} ms, slowest ${(fallbackMs.at(-1) ?? 0).toFixed(0)} ms over ${fallbackMs.length} sounds (one at a time; before: every MP3 built ahead)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The parts of the audio area, run in order. */
export const audioBenchParts: (() => Promise<void>)[] = [benchAudioBuild, () => runAudioPlaybackBench(), () => runSpokenModeBench()];

/** Runs every part of the audio area. */
export async function runAudioBench(): Promise<void> {
  // A part that breaks (a walk out of step with a changed kiosk) is said, and the others still run.
  for (const part of audioBenchParts) {
    try {
      await part();
    } catch (error) {
      console.log(`  this part stopped: ${(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''}`);
      process.exitCode = 1;
    }
  }
}
