/**
 * `npm run bench -- audio`: how long the spoken prompts of the sample procedures take to build
 * from nothing, and to rebuild when nothing changed (in-process, and the whole `audio:build`
 * command as `npm start` runs it). Builds into a temporary folder, never into dist/audio.
 * Each part is its own function in `audioBenchParts`, so playback figures can join the area.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { espeakEngine } from '../../speech/engine.js';
import { buildAudio } from '../../speech/build.js';
import { collectPrompts } from '../../speech/collect.js';
import { defaultAudioPaths } from '../audio/paths.js';
import { runAudioPlaybackBench } from './audio-playback-bench.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Full build and no-change rebuild of every prompt of the UI and the sample procedures. */
export async function benchAudioBuild(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'paso-audio-bench-'));
  try {
    const paths = defaultAudioPaths();
    const { prompts } = await collectPrompts(paths);
    const options = { prompts, audioFolder: folder, recordingsFolder: paths.recordingsFolder, engine: espeakEngine() };
    let started = performance.now();
    const full = await buildAudio(options);
    const fullSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const again = await buildAudio(options);
    const againMs = performance.now() - started;
    started = performance.now();
    await promisify(execFile)(process.execPath, [path.join(root, 'scripts/launch/run-ts.mjs'), 'scripts/audio/build.ts'], { cwd: root, env: { ...process.env, PASO_AUDIO_FOLDER: folder } });
    const commandMs = performance.now() - started;
    console.log(`audio build: ${full.prompts} prompts, ${full.sounds} sounds × 3 speeds counted once each (${full.sounds * 2} files), on ${availableParallelism()} cores`);
    console.log(`  full build            ${fullSeconds.toFixed(1)} s (${(full.sounds / fullSeconds).toFixed(1)} sounds/s)${full.failures.length > 0 ? `, ${full.failures.length} failures` : ''}`);
    console.log(`  no change, in-process ${againMs.toFixed(0)} ms (rendered ${again.rendered})`);
    console.log(`  no change, command    ${commandMs.toFixed(0)} ms (npm run audio:build without npm, goal < 1 s)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The parts of the audio area, run in order. */
export const audioBenchParts: (() => Promise<void>)[] = [benchAudioBuild, () => runAudioPlaybackBench()];

/** Runs every part of the audio area. */
export async function runAudioBench(): Promise<void> {
  for (const part of audioBenchParts) await part();
}
