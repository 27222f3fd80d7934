/**
 * Real audio for the kiosk's speech tests: the project's own builder (espeak-ng and ffmpeg, the
 * same pipeline as `npm run audio:build`) renders the Spanish UI prompts and two procedures into
 * a folder under the system's temp folder, kept between runs (the builder only renders what
 * changed). A smaller set than the full build, so a test run stays within minutes on two cores.
 * Playwright's global setup (tests/e2e/global-setup.ts) builds it once before any worker starts,
 * since two workers building into one folder at once would remove each other's files; the tests
 * only read it.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AudioManifest } from '../../../core/audio/manifest.js';
import { espeakEngine } from '../../../hub/audio/engine.js';
import { readBuiltManifest } from '../../../hub/audio/prepare-published.js';
import { buildAudio } from '../../../scripts/audio/build-audio.js';
import { collectPrompts } from '../../../scripts/audio/collect.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** The procedures the speech tests walk through. */
export const spokenTestProcedures = ['certificado-empadronamiento', 'practica-clave'] as const;

/** The folder the test hubs serve at /audio/. */
export const testAudioFolder = path.join(tmpdir(), 'paso-e2e-speech-audio');

/** Builds (or brings up to date) the test audio; returns its manifest. */
export async function ensureTestAudio(folder = testAudioFolder): Promise<AudioManifest> {
  const { prompts } = await collectPrompts({ proceduresFolder: path.join(root, 'assets/procedures'), localesFolder: path.join(root, 'assets/locales') });
  const wanted = prompts.filter(
    (prompt) => prompt.language === 'es' && (prompt.id.startsWith('ui/') || spokenTestProcedures.some((id) => prompt.id.startsWith(`proc/${id}/`))),
  );
  const result = await buildAudio({ prompts: wanted, audioFolder: folder, recordingsFolder: path.join(root, 'assets/audio/recordings'), engine: espeakEngine() });
  if (result.failures.length > 0) throw new Error(`some test audio could not be rendered:\n${result.failures.join('\n')}`);
  return result.manifest;
}

/** The manifest of the test audio the global setup built; throws when there is none. */
export async function readTestAudio(folder = testAudioFolder): Promise<AudioManifest> {
  const manifest = await readBuiltManifest(folder);
  if (!manifest) throw new Error(`no test audio in ${folder}: Playwright's global setup (tests/e2e/global-setup.ts) builds it`);
  return manifest;
}
