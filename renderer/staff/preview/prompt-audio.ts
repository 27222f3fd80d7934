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
import { staffCall } from '../hub-api/request.js';

/**
 * One thing to say: a built file whose words match the editor's text (`url`), or the editor's
 * text itself, which the hub renders on demand when played (`url` undefined) because the built
 * audio is missing or of older wording.
 */
export interface PreviewClip {
  url: string | undefined;
  text: string;
  stale: boolean;
}

/** The clips of a step in a language: what was found, and how many utterances had no audio. */
export interface StepAudio {
  clips: PreviewClip[];
  /** Utterances with neither built audio nor editor text (UI sentences not built). */
  missing: number;
  /** Built audio of older wording, replaced by an on-demand rendering. */
  stale: number;
  /** Clips the hub renders when played. */
  onDemand: number;
}

/** Reads the manifest; undefined when there is none (audio not built) or it cannot be read. */
export async function loadManifest(): Promise<AudioManifest | undefined> {
  try {
    // A file of the audio build, not an API route: read directly (eslint.config.js allows it here).
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
  if (step.kind === 'question' || step.kind === 'quiz') {
    step.choices.forEach((choice, n) => {
      add(['choices', n, 'label'], choice.label);
      add(['choices', n, 'say'], choice.say);
    });
  }
  if (step.kind === 'quiz') add(['explanation'], step.explanation);
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
  // A quiz is heard asking, then its explanation as the kiosk says it after an answer (issue 18).
  const explanation = step.kind === 'quiz' ? [{ id: procedureTextPromptId(procedure, ['steps', procedure.steps.indexOf(step), 'explanation']), language }] : [];
  const utterances = [...stepUtterances(procedure, step, language), ...explanation];
  const texts = currentTexts(procedure, step, language);
  const clips: PreviewClip[] = [];
  let missing = 0;
  for (const utterance of utterances) {
    const found = manifest ? findPrompt(manifest, utterance.id, utterance.language ?? language) : undefined;
    const expected = texts.get(utterance.id);
    const stale = found !== undefined && expected !== undefined && expected.trim() !== found.audio.text.trim();
    if (found && !stale) clips.push({ url: `/audio/${found.audio.speeds[defaultPromptSpeed].ogg}`, text: found.audio.text, stale: false });
    else if (expected !== undefined && expected.trim() !== '') clips.push({ url: undefined, text: expected, stale });
    else missing += 1;
  }
  return { clips, missing, stale: clips.filter((clip) => clip.stale).length, onDemand: clips.filter((clip) => clip.url === undefined).length };
}

/** Asks the hub to speak the editor's text at the seniors' default speed; the file's URL, or undefined. */
export async function renderPreviewSpeech(token: string, text: string, language: string): Promise<string | undefined> {
  const answer = await staffCall('staffSpeech', { token, body: { text, language, speed: defaultPromptSpeed } });
  return answer.ok ? answer.value.ogg : undefined;
}
