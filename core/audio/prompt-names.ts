/**
 * How prompts are named, the speeds, and how one is found in the manifest: the part of the audio
 * contract (manifest.ts, which re-exports all of this) that the kiosk needs at run time, apart
 * from the manifest's zod schema, because the kiosk ships no zod (issue 13).
 */
import type { AudioManifest, PromptAudio } from './manifest.js';

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

/** The id of a UI string's prompt. */
export function uiPromptId(i18nKey: string): PromptId {
  return `ui/${i18nKey}`;
}

/** The id of a procedure text's prompt; `where` is e.g. `['steps', 'dni', 'text']`. */
export function procedurePromptId(procedureId: string, where: readonly (string | number)[]): PromptId {
  return ['proc', procedureId, ...where.map(String)].join('/');
}

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
