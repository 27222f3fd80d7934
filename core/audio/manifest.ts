/**
 * The contract between the audio builder (`npm run audio:build`, which renders every spoken text
 * ahead of time) and the kiosk (which plays them with howler): how a prompt is named, the speeds,
 * and the manifest that maps a prompt to its files. Both sides import only this file (and the
 * kiosk the zod-free part of it, prompt-names.ts, which this file re-exports), so they agree on
 * names without knowing each other.
 */
import { z } from 'zod';

export { defaultPromptSpeed, findPrompt, procedurePromptId, promptSpeeds, recordingFileStem, type PromptId, type PromptSpeed } from './prompt-names.js';

/** Prompt ids are path-like: lowercase-ish segments of letters, digits, `.`, `_` and `-`. */
export const promptIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^(ui|proc)\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a prompt id is ui/<key> or proc/<procedure>/<where>')
  .refine((id) => !id.split('/').some((segment) => /^\.+$/.test(segment)), 'a prompt id has no "." or ".." parts');

/** One rendered file of a prompt at one speed. Paths are relative to the manifest's folder. */
export const renderedFileSchema = z.strictObject({
  /** Ogg/Opus, played first. */
  ogg: z.string().min(1),
  /** MP3 fallback for engines without Opus. */
  mp3: z.string().min(1),
  /** Seconds, as measured after trimming. */
  duration: z.number().positive(),
});
/** One rendered file of a prompt at one speed. */
export type RenderedFile = z.infer<typeof renderedFileSchema>;

/** One prompt in one language: its text (always also on screen) and a file per speed. */
export const promptAudioSchema = z.strictObject({
  text: z.string(),
  /** Never played on the speaker: a sensitive step's text (only with headphones, if chosen). */
  sensitive: z.boolean(),
  /** `engine` for synthesised speech, `recording` for a human voice that overrides it. */
  source: z.enum(['engine', 'recording']),
  speeds: z.strictObject({ slow: renderedFileSchema, normal: renderedFileSchema, fast: renderedFileSchema }),
});
/** One prompt in one language. */
export type PromptAudio = z.infer<typeof promptAudioSchema>;

/** `manifest.json` at the root of the audio folder the hub serves at `/audio/`. */
export const audioManifestSchema = z.strictObject({
  /** Bumped when this format changes. */
  format: z.literal(1),
  /** Which engine and version rendered it, e.g. `espeak-ng 1.51`. */
  engine: z.string(),
  /** ISO time of the build. */
  builtAt: z.string(),
  /** prompt id → language code → audio. */
  prompts: z.record(z.string(), z.record(z.string(), promptAudioSchema)),
});
/** The audio manifest. */
export type AudioManifest = z.infer<typeof audioManifestSchema>;
