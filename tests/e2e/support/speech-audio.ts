/**
 * Real audio for the kiosk's speech tests: the one store `npm run audio:build` fills
 * (dist/audio, or PASO_AUDIO_FOLDER), brought up to date with the project's own builder. In
 * `npm test` the build stage has made it already, so this only confirms that nothing changed;
 * run alone, the browser tests build what is missing (a few minutes the first time).
 * Playwright's global setup (tests/e2e/global-setup.ts) does it once before any worker starts,
 * since two workers building into one folder at once would get in each other's way; the tests
 * only read it.
 */
import path from 'node:path';
import type { AudioManifest } from '../../../core/audio/manifest.js';
import { readBuiltManifest } from '../../../hub/audio/prepare-published.js';
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

/** The manifest the global setup brought up to date; throws when there is none. */
export async function readTestAudio(folder = testAudioFolder): Promise<AudioManifest> {
  const manifest = await readBuiltManifest(folder);
  if (!manifest) throw new Error(`no audio in ${folder}: Playwright's global setup (tests/e2e/global-setup.ts) builds it`);
  return manifest;
}

/**
 * Points the hubs the tests start afterwards (fixtures/hub.ts reads PASO_AUDIO_FOLDER) at
 * `folder`, for a file's or a describe block's tests; the function it returns puts back what was
 * there before (call it in the matching afterAll).
 */
export function serveAudioFrom(folder: string): () => void {
  const before = process.env['PASO_AUDIO_FOLDER'];
  process.env['PASO_AUDIO_FOLDER'] = folder;
  return () => {
    if (before === undefined) delete process.env['PASO_AUDIO_FOLDER'];
    else process.env['PASO_AUDIO_FOLDER'] = before;
  };
}
