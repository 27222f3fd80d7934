/**
 * Runs once before any Playwright worker starts: builds (or brings up to date) the speech tests'
 * audio, so that workers running at once never build into the same folder together, and a cold
 * first build is paid once, before the tests, instead of inside one test file's time limit.
 */
import { ensureTestAudio } from './support/speech-audio.js';

/** Playwright's `globalSetup` entry point. */
export default async function globalSetup(): Promise<void> {
  const started = performance.now();
  const manifest = await ensureTestAudio();
  console.log(`test audio ready: ${Object.keys(manifest.prompts).length} prompts (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
