/**
 * The one formula that names a rendered sound: a hash of everything that shapes it. The build,
 * the hub's on-demand speech and the tests all name sounds with it, so the same text in the
 * same voice is one sound wherever it was made, and anything that changes the sound (the text,
 * the voice, the speed, the engine's version, the processing) gives it a new name.
 */
import { createHash } from 'node:crypto';
import { pipelineVersion } from './encode.js';

/** A sound's name: 24 hex digits. */
export type SoundHash = string;

/** Whether `value` looks like a {@link SoundHash} (used to refuse anything else in URLs and files). */
export function isSoundHash(value: string): value is SoundHash {
  return /^[a-f0-9]{24}$/.test(value);
}

function hashOf(parts: readonly unknown[]): SoundHash {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

/** The name of `text` spoken by an engine (its version and its settings for the language and speed). */
export function engineSoundHash(engineVersion: string, engineSettings: string, language: string, text: string): SoundHash {
  return hashOf([pipelineVersion, engineVersion, engineSettings, language, text]);
}

/** The name of a human recording (by the SHA-256 of its bytes) played at `tempo`. */
export function recordingSoundHash(recordingSha256: string, tempo: number): SoundHash {
  return hashOf([pipelineVersion, 'recording', recordingSha256, tempo]);
}
