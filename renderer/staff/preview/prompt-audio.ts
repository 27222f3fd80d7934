/**
 * The built audio of a step, as the kiosk would play it: the step's utterances (core's own list,
 * the same the kiosk speaks) looked up in the hub's `/audio/manifest.json`. Audio is built ahead
 * of time for published text, so a text changed in the editor may have no audio yet, or audio of
 * its older wording; both are reported so the preview never pretends.
 */
import { audioManifestSchema, defaultPromptSpeed, findPrompt, type AudioManifest } from '../../../core/audio/manifest.js';
import { stepUtterances } from '../../../core/audio/screen-speech.js';
import type { Procedure, Step } from '../../../core/procedure/schema.js';
import { procedureTextPromptId } from '../../../core/audio/procedure-prompts.js';

/** One file to play, and whether its words still match the editor's text. */
export interface PreviewClip {
  url: string;
  text: string;
  stale: boolean;
}

/** The clips of a step in a language: what was found, and how many utterances had no audio. */
export interface StepAudio {
  clips: PreviewClip[];
  missing: number;
  stale: number;
}

/** Reads the manifest; undefined when there is none (audio not built) or it cannot be read. */
export async function loadManifest(): Promise<AudioManifest | undefined> {
  try {
    const response = await fetch('/audio/manifest.json', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const parsed = audioManifestSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The procedure texts by prompt id, in one language, to tell built audio of older wording. */
function currentTexts(procedure: Procedure, step: Step, language: string): Map<string, string> {
  const index = procedure.steps.indexOf(step);
  const texts = new Map<string, string>();
  const add = (path: (string | number)[], text: Record<string, string> | undefined): void => {
    const value = text?.[language];
    if (value !== undefined) texts.set(procedureTextPromptId(procedure, ['steps', index, ...path]), value);
  };
  add(['title'], step.title);
  add(['text'], step.text);
  add(['say'], step.say);
  if (step.kind === 'question') {
    step.choices.forEach((choice, n) => {
      add(['choices', n, 'label'], choice.label);
      add(['choices', n, 'say'], choice.say);
    });
  }
  if (step.kind === 'input') add(['label'], step.label);
  if (step.kind === 'checklist') step.items.forEach((item, n) => add(['items', n, 'label'], item.label));
  if (step.kind === 'done') {
    add(['whatNext'], step.whatNext);
    add(['takeHome'], step.takeHome);
  }
  return texts;
}

/** What the kiosk would play for `step` in `language`, from the manifest. */
export function stepAudio(manifest: AudioManifest | undefined, procedure: Procedure, step: Step, language: string): StepAudio {
  const utterances = stepUtterances(procedure, step, language);
  if (!manifest) return { clips: [], missing: utterances.length, stale: 0 };
  const texts = currentTexts(procedure, step, language);
  const clips: PreviewClip[] = [];
  let missing = 0;
  for (const utterance of utterances) {
    const found = findPrompt(manifest, utterance.id, utterance.language ?? language);
    if (!found) {
      missing += 1;
      continue;
    }
    const file = found.audio.speeds[defaultPromptSpeed];
    const expected = texts.get(utterance.id);
    clips.push({ url: `/audio/${file.ogg}`, text: found.audio.text, stale: expected !== undefined && expected.trim() !== found.audio.text.trim() });
  }
  return { clips, missing, stale: clips.filter((clip) => clip.stale).length };
}
