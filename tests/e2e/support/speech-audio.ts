/**
 * Real audio for the kiosk's speech tests: the one store `npm run audio:build` fills
 * (dist/audio, or PASO_AUDIO_FOLDER), brought up to date with the project's own builder. In
 * `npm test` the build stage has made it already, so this only confirms that nothing changed;
 * run alone, a browser test builds what is missing (a few minutes the first time).
 */
import path from 'node:path';
import type { AudioManifest } from '../../../core/audio/manifest.js';
import { buildAudio } from '../../../speech/build.js';
import { collectPrompts } from '../../../speech/collect.js';
import { espeakEngine } from '../../../speech/engine.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** The folder the test hubs serve at /audio/: the build's own. */
export const testAudioFolder = path.resolve(process.env['PASO_AUDIO_FOLDER'] ?? path.join(root, 'dist/audio'));

/** Brings the build up to date (nothing to do after `npm run audio:build`); returns its manifest. */
export async function ensureTestAudio(folder = testAudioFolder): Promise<AudioManifest> {
  const { prompts } = await collectPrompts({ proceduresFolder: path.join(root, 'assets/procedures'), localesFolder: path.join(root, 'assets/locales') });
  const result = await buildAudio({ prompts, audioFolder: folder, recordingsFolder: path.join(root, 'assets/audio/recordings'), engine: espeakEngine() });
  if (result.failures.length > 0) throw new Error(`some audio could not be rendered:\n${result.failures.join('\n')}`);
  return result.manifest;
}
