/**
 * The contract between the audio builder (`npm run audio:build`, which renders every spoken text
 * ahead of time) and the kiosk (which plays them with howler): how a prompt is named, the speeds,
 * and the manifest that maps a prompt to its files. Both sides import only this file, so they
 * agree on names without knowing each other.
 */
import { z } from 'zod';

/**
 * Speech speeds, each rendered as its own file so a slower prompt keeps its pitch. `slow` is the
 * default for seniors (ACCESSIBILITY.md speech rows).
 */
export const promptSpeeds = ['slow', 'normal', 'fast'] as const;
/** One of {@link promptSpeeds}. */
export type PromptSpeed = (typeof promptSpeeds)[number];
/** What a new session starts with. */
export const defaultPromptSpeed: PromptSpeed = 'slow';

/**
 * A prompt id names one spoken text independently of its language:
 * - UI strings: `ui/<i18n key>`, e.g. `ui/help.call`, `ui/attract.start`;
 *   validation messages `ui/validation.<code>`;
 * - procedure texts: `proc/<procedureId>/<where>`, where `<where>` uses step, choice, item and
 *   requirement ids rather than positions, so reordering steps keeps the names:
 *   `proc/cita-previa/title`, `proc/cita-previa/steps/dni/text`,
 *   `proc/cita-previa/steps/tiene-clave/choices/si/label`, `proc/cita-previa/glossary/cita-previa/meaning`
 *   (glossary entries by id too; only channels, which have no id, keep their position:
 *   `proc/cita-previa/channels/0/label`). `procedureTextPromptId` in procedure-prompts.ts makes them.
 * A recorded human voice overrides a prompt when a file named `<prompt id with / as __>.<ext>`
 * is present in the recordings folder under its language (`assets/audio/recordings/es/…`).
 */
export type PromptId = string;

/** The file name (without extension) of a prompt's human recording: `/` becomes `__`. */
export function recordingFileStem(id: PromptId): string {
  return id.replaceAll('/', '__');
}

/** Prompt ids are path-like: lowercase-ish segments of letters, digits, `.`, `_` and `-`. */
export const promptIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^(ui|proc)\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a prompt id is ui/<key> or proc/<procedure>/<where>')
  .refine((id) => !id.split('/').some((segment) => /^\.+$/.test(segment)), 'a prompt id has no "." or ".." parts');

/** The id of a UI string's prompt. */
export function uiPromptId(i18nKey: string): PromptId {
  return `ui/${i18nKey}`;
}

/** The id of a procedure text's prompt; `where` is e.g. `['steps', 'dni', 'text']`. */
export function procedurePromptId(procedureId: string, where: readonly (string | number)[]): PromptId {
  return ['proc', procedureId, ...where.map(String)].join('/');
}

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

/**
 * The file to play for a prompt, or undefined when the manifest has none (the kiosk then shows
 * the text only). Falls back to Spanish when the language has no rendering, as the text does.
 */
export function findPrompt(manifest: AudioManifest, id: PromptId, language: string): { language: string; audio: PromptAudio } | undefined {
  const byLanguage = manifest.prompts[id];
  if (!byLanguage) return undefined;
  const own = byLanguage[language];
  if (own) return { language, audio: own };
  const spanish = byLanguage['es'];
  return spanish ? { language: 'es', audio: spanish } : undefined;
}
