/**
 * Renders a publication's new wording before the kiosks hear of it. The build (`npm run
 * audio:build`) spoke the procedures as they were; each text a publication changed or added is
 * rendered here, at every speed, into the same speech cache the kiosks' prompt route reads, so a
 * kiosk that switches to the new version finds the audio of what it shows already made.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unbuiltPrompts } from '../../core/audio/current-prompts.js';
import { audioManifestSchema, type AudioManifest, type PromptSpeed } from '../../core/audio/manifest.js';
import type { ProcedureChange } from '../procedures/catalog.js';
import { SpeechBusy } from '../../speech/speaker.js';
import type { HubSpeech } from './hub-speech.js';

// Slow first: it is the kiosk's default speed, so it is the file most likely to be asked for first.
const speedsInOrder: readonly PromptSpeed[] = ['slow', 'normal', 'fast'];

/** The build's manifest, or undefined when there is none (then the kiosks have no speech to keep in step). */
export async function readBuiltManifest(audioFolder: string): Promise<AudioManifest | undefined> {
  try {
    const parsed = audioManifestSchema.safeParse(JSON.parse(await readFile(path.join(audioFolder, 'manifest.json'), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What {@link renderPublishedWording} did. */
export interface PreparedWording {
  /** Prompt × language pairs whose wording the build did not have. */
  prompts: number;
  /** Sounds made now (the rest were already in the cache). */
  rendered: number;
}

/** How long a publication waits when the speaker's queue is full before asking again. */
const busyRetryMs = 250;

/**
 * Renders, one sound at a time (a publication must not starve the hub's other work), every text
 * the publications in `changes` changed or added whose wording the build in `audioFolder` did not
 * render; with no build yet, nothing (the kiosks ask for every text on demand). A full queue is waited out, not given up on:
 * the catalogue's budget bounds the wait.
 */
export async function renderPublishedWording(audioFolder: string, speech: HubSpeech, changes: readonly ProcedureChange[]): Promise<PreparedWording> {
  const manifest = await readBuiltManifest(audioFolder);
  // No build yet: kiosks ask for every text on demand anyway, and the publication is told at once.
  if (!manifest) return { prompts: 0, rendered: 0 };
  const prompts = changes.flatMap(({ procedure, previous }) => unbuiltPrompts(procedure, manifest, previous));
  let rendered = 0;
  for (const prompt of prompts) {
    for (const speed of speedsInOrder) {
      for (;;) {
        try {
          const spoken = await speech.speak(prompt.text, prompt.language, speed);
          if (!spoken.cached) rendered += 1;
          break;
        } catch (error) {
          if (!(error instanceof SpeechBusy)) throw error;
          await new Promise((resolve) => setTimeout(resolve, busyRetryMs));
        }
      }
    }
  }
  return { prompts: prompts.length, rendered };
}
