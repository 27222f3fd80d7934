/**
 * `npm run audio:check`: exits 1 with the list of what is missing or out of bounds in the built
 * audio (dist/audio, or PASO_AUDIO_FOLDER); see speech/check.ts for what is checked.
 */
import { checkAudio } from '../../speech/check.js';
import { collectPrompts } from '../../speech/collect.js';
import { defaultAudioPaths } from './paths.js';
import { progressReporter, type Progress } from './progress.js';

const paths = defaultAudioPaths();
const { prompts, problems: collectProblems } = await collectPrompts(paths);
let progress: Progress | undefined;
const result = await checkAudio({
  prompts,
  audioFolder: paths.audioFolder,
  onStart: (files) => (progress = progressReporter(process.stdout, files, 'files decoded')),
  onMeasured: () => progress?.tick(),
});
progress?.finish();
const problems = [...collectProblems, ...result.problems];
const range = result.loudnessRange ? `, loudness ${result.loudnessRange[0].toFixed(1)} to ${result.loudnessRange[1].toFixed(1)} LUFS` : '';
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    `audio:check: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${result.expected} prompts expected, ${result.measured} files checked against their records, ${result.decoded} decoded again${range})`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `audio:check: all ${result.expected} prompts have audio at every speed; ${result.measured} files match their records and are within bounds${range}, peaks under -1 dBFS; ` +
      `${result.decoded} files (${Math.round((result.decoded / Math.max(1, result.measured)) * 100)} %, every recording among them) decoded again and measured as their records say`,
  );
}
