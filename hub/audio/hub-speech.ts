/**
 * The hub's speech: the speaker (speech/speaker.ts) over the build's folder store and the
 * database store, answering with the addresses under `/audio/` that the files route serves
 * (`files/<hash>` from the build, `speech/<hash>` from the database).
 */
import type { PromptSpeed } from '../../core/audio/manifest.js';
import type { Speaker } from '../../speech/speaker.js';
import type { SoundStore } from '../../speech/store.js';

/** A sentence the hub can play, with addresses relative to `/audio/`. */
export interface SpokenSentence {
  ogg: string;
  mp3: string;
  duration: number;
  /** Whether it was already there. */
  cached: boolean;
}

/** Speaks texts for the kiosks and the staff preview. */
export interface HubSpeech {
  speak(text: string, language: string, speed: PromptSpeed): Promise<SpokenSentence>;
  speaker: Speaker;
}

/** The hub's speech over `speaker`, whose stores are the build's (if any) and the database's. */
export function hubSpeech(speaker: Speaker, buildStore: SoundStore | undefined): HubSpeech {
  return {
    speaker,
    speak: async (text, language, speed) => {
      const spoken = await speaker.speak(text, language, speed);
      const folder = spoken.store === buildStore ? 'files' : 'speech';
      return {
        ogg: `${folder}/${spoken.sound.hash}.ogg`,
        mp3: `${folder}/${spoken.sound.hash}.mp3`,
        duration: spoken.sound.duration,
        cached: !spoken.rendered,
      };
    },
  };
}
