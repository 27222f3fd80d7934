/**
 * Which audio speaks a procedure's text now. The build (`npm run audio:build`) renders the
 * procedures as they were when it ran; staff then publish new wording from the console without a
 * rebuild. A built file whose text is no longer the published text must not be played (the kiosk
 * would say one thing and show another), so the kiosk compares the two and asks the hub for the
 * published wording instead, and the hub renders ahead of time exactly the texts this finds.
 */
import type { Procedure } from '../procedure/schema.js';
import { findPrompt, type PromptId } from './prompt-names.js';
import type { AudioManifest, PromptAudio } from './manifest.js';
import { procedurePrompts } from './procedure-prompts.js';
import type { PromptText } from './prompt-text.js';

/** The published procedures' spoken texts, by prompt id and language. */
export type CurrentPrompts = ReadonlyMap<string, PromptText>;

const keyOf = (id: PromptId, language: string): string => `${language} ${id}`;

/** Every spoken text of `procedures`, for {@link promptSource}. */
export function currentPromptsOf(procedures: readonly Procedure[]): CurrentPrompts {
  const prompts = new Map<string, PromptText>();
  for (const procedure of procedures) for (const prompt of procedurePrompts(procedure)) prompts.set(keyOf(prompt.id, prompt.language), prompt);
  return prompts;
}

/** The published text of a prompt in exactly `language`. */
export function promptIn(prompts: CurrentPrompts, id: PromptId, language: string): PromptText | undefined {
  return prompts.get(keyOf(id, language));
}

/**
 * The published text of a prompt in `language`, falling back to Spanish as the kiosk's screens
 * do (a procedure without a translation is shown, and spoken, in Spanish).
 */
export function findCurrentPrompt(prompts: CurrentPrompts, id: PromptId, language: string): PromptText | undefined {
  return promptIn(prompts, id, language) ?? (language === 'es' ? undefined : promptIn(prompts, id, 'es'));
}

/** Where to get the audio of one prompt. */
export type PromptSource =
  /** The build's file speaks the text on screen. */
  | { kind: 'built'; language: string; audio: PromptAudio }
  /** The build has no file for this wording: the hub renders the published text. */
  | { kind: 'published'; prompt: PromptText }
  /**
   * The build has no file for it at all (none yet, or one still running): the hub renders its
   * own text of the prompt, named by id (an interface text from its kiosk locales).
   */
  | { kind: 'hub'; id: PromptId; language: string };

/**
 * Chooses the build's file when it was rendered from the text the kiosk shows, and otherwise the
 * hub's rendering of the published text. Prompts that are not a published procedure's (the
 * interface's own, or a procedure this kiosk has not loaded) come from the build as always.
 */
export function promptSource(manifest: AudioManifest | undefined, prompts: CurrentPrompts, id: PromptId, language: string): PromptSource | undefined {
  const built = manifest && findPrompt(manifest, id, language);
  const current = findCurrentPrompt(prompts, id, language);
  if (current === undefined) return built ? { kind: 'built', ...built } : undefined;
  if (built && built.language === current.language && built.audio.text === current.text) return { kind: 'built', ...built };
  return { kind: 'published', prompt: current };
}

/**
 * Where a kiosk gets a prompt whatever its build holds: as {@link promptSource}, and from the hub
 * by id when the build (`manifest`, undefined when there is none) lacks it, so a kiosk speaks
 * from its first minute, before the build of every prompt has finished.
 */
export function kioskPromptSource(manifest: AudioManifest | undefined, prompts: CurrentPrompts, id: PromptId, language: string): PromptSource {
  return promptSource(manifest, prompts, id, language) ?? { kind: 'hub', id, language };
}

/**
 * The texts a publication changed or added (compared with `previous`, the version it replaces)
 * that the build did not render with their new wording: what the hub renders when the
 * procedure is published, before telling the kiosks. Texts the publication left alone are not
 * its business, even where the build lacks them (a language the build skipped).
 */
export function unbuiltPrompts(procedure: Procedure, manifest: AudioManifest | undefined, previous?: Procedure): PromptText[] {
  const before = previous ? currentPromptsOf([previous]) : undefined;
  return procedurePrompts(procedure).filter(
    (prompt) => before?.get(keyOf(prompt.id, prompt.language))?.text !== prompt.text && manifest?.prompts[prompt.id]?.[prompt.language]?.text !== prompt.text,
  );
}
