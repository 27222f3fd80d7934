/**
 * The audio manifest as the kiosk reads it, checked without zod (issue 13: the kiosk ships no
 * zod; core/shape/light-check.ts says what a light check leaves out). The shape mirrors
 * `audioManifestSchema` (core/audio/manifest.ts), and tests/core/audio/light-manifest.test.ts
 * holds the two together. A manifest that does not fit is no manifest: the kiosk then asks the
 * hub for each prompt, as it does before the first audio build.
 */
import { isBoolean, isPositive, isString, objectOf, oneOf, recordOf, type Shape } from '../shape/light-check.js';
import type { AudioManifest } from './manifest.js';

const file = objectOf({ ogg: isString, mp3: isString, duration: isPositive });

const manifest = objectOf({
  format: oneOf([1]),
  engine: isString,
  builtAt: isString,
  prompts: recordOf(
    recordOf(
      objectOf({
        text: isString,
        sensitive: isBoolean,
        source: oneOf(['engine', 'recording']),
        speeds: objectOf({ slow: file, normal: file, fast: file }),
      }),
    ),
  ),
}) satisfies Shape<AudioManifest>;

/** The manifest in `value`, or undefined when it does not have the shape the kiosk plays from. */
export function readAudioManifest(value: unknown): AudioManifest | undefined {
  return manifest(value) ? value : undefined;
}
