/**
 * `npm run audio:build`: renders every spoken text of the UI and of the procedures, at three
 * speeds, into dist/audio (or PASO_AUDIO_FOLDER). Only what changed is rendered again.
 * Exits 1 with one sentence on how to install what is missing when espeak-ng or ffmpeg is not
 * there, and with the list of prompts that failed.
 */
import path from 'node:path';
import { espeakEngine } from '../../speech/engine.js';
import { AudioToolMissing } from '../../speech/tools.js';
import { buildAudio } from '../../speech/build.js';
import { collectPrompts } from '../../speech/collect.js';
import { defaultAudioPaths } from './paths.js';
import { formatDuration, progressReporter, type Progress } from './progress.js';

const started = performance.now();
const paths = defaultAudioPaths();
const { prompts, problems } = await collectPrompts(paths);
for (const problem of problems) console.warn(`warning: ${problem}`);

let progress: Progress | undefined;
try {
  const result = await buildAudio({
    prompts,
    audioFolder: paths.audioFolder,
    recordingsFolder: paths.recordingsFolder,
    engine: espeakEngine(),
    onStart: (toRender) => {
      if (toRender > 0) progress = progressReporter(process.stdout, toRender, 'sounds rendered');
    },
    onRendered: () => progress?.tick(),
  });
  progress?.finish();
  const languages = new Set(prompts.map((prompt) => prompt.language)).size;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `audio: ${result.prompts} prompts in ${languages} languages, ${result.sounds} sounds (an .ogg each; the hub makes an .mp3 when a browser without Opus asks): ` +
      `${result.rendered} rendered, ${result.reused} already there, in ${seconds < 10 ? `${seconds.toFixed(2)} s` : formatDuration(seconds)} → ${path.relative(process.cwd(), path.join(paths.audioFolder, 'manifest.json'))}`,
  );
  if (result.failures.length > 0) {
    console.error(`${result.failures.length} could not be rendered:\n  ${result.failures.join('\n  ')}`);
    process.exitCode = 1;
  }
} catch (error) {
  progress?.finish();
  if (!(error instanceof AudioToolMissing)) throw error;
  console.error(`audio: ${error.message}`);
  process.exitCode = 1;
}
