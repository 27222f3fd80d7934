/**
 * Speaking one text on demand (the hub's help-call sentences, new published wording, the staff
 * preview): looks for the sound in each store in turn (the build's folder first, so a text the
 * build already spoke costs nothing) and otherwise renders it into the last one. Renders run at
 * most `concurrency` at a time with at most `maxWaiting` more queued; past that the speaker
 * refuses at once with {@link SpeechBusy} rather than letting requests pile up, so speech can
 * never stall the hub's other work. Two requests for one sound share its rendering. A sound's
 * MP3 fallback, made when a browser without Opus first asks for it, waits in the same queue.
 */
import type { PromptSpeed } from '../core/audio/manifest.js';
import type { SpeechEngine } from './engine.js';
import { withFallback } from './fallback.js';
import { renderSounds } from './render.js';
import { engineSoundHash, type SoundHash } from './sound-id.js';
import type { SoundStore, StoredSound } from './store.js';

/** Too many texts are being rendered already; try again in a moment. */
export class SpeechBusy extends Error {
  constructor(readonly waiting: number) {
    super(`Speech is busy: ${waiting} sentences are already waiting to be spoken; try again in a few seconds.`);
    this.name = 'SpeechBusy';
  }
}

/** The longest text the speaker accepts, in characters (the staff editor allows as many; the longest sample text has about 400). */
export const maxSpokenTextLength = 2000;

/** How long a speaker waits for a sound another process claimed, and how often it looks. */
const claimWaitMs = 20_000;
const claimPollMs = 150;

/** A spoken text: where its files are kept and whether it was made now. */
export interface SpokenText {
  sound: StoredSound;
  /** The store it was found in or rendered into. */
  store: SoundStore;
  rendered: boolean;
}

/** What the speaker needs. */
export interface SpeakerOptions {
  engine: SpeechEngine;
  /** Looked in, in order; new sounds go into the last. */
  stores: readonly SoundStore[];
  /** Renders at once (default 1: the hub's own work comes first). */
  concurrency?: number;
  /** Renders that may wait for a free slot before new ones are refused (default 16). */
  maxWaiting?: number;
}

/** Speaks texts on demand. */
export interface Speaker {
  /** The sound of `text`; throws {@link SpeechBusy} when the queue is full, and the engine's errors. */
  speak(text: string, language: string, speed: PromptSpeed): Promise<SpokenText>;
  /** The name `text` has (the same as in the build). */
  hashOf(text: string, language: string, speed: PromptSpeed): Promise<SoundHash>;
  /**
   * The sound `hash` of `store` with its MP3 fallback, made now if it has none (undefined when
   * `store` has no such sound); throws {@link SpeechBusy} like {@link speak}.
   */
  fallback(store: SoundStore, hash: SoundHash): Promise<StoredSound | undefined>;
  /** Renders running and waiting now. */
  load(): { running: number; waiting: number };
}

/** A speaker over `options.stores`. */
export function createSpeaker(options: SpeakerOptions): Speaker {
  const { engine, stores } = options;
  const target = stores.at(-1);
  if (!target) throw new Error('a speaker needs at least one store');
  const concurrency = options.concurrency ?? 1;
  const maxWaiting = options.maxWaiting ?? 16;
  const inFlight = new Map<SoundHash, Promise<SpokenText>>();
  const fallbacksInFlight = new WeakMap<SoundStore, Map<SoundHash, Promise<StoredSound | undefined>>>();
  const checkedVoices = new Set<string>();
  const queue: (() => void)[] = [];
  let running = 0;

  const slot = async (): Promise<void> => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    if (queue.length >= maxWaiting) throw new SpeechBusy(queue.length);
    // The slot is handed over by the render that finishes, so `running` never drops in between.
    await new Promise<void>((resolve) => queue.push(resolve));
  };
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  };

  const hashOf = async (text: string, language: string, speed: PromptSpeed): Promise<SoundHash> =>
    engineSoundHash(await engine.version(), engine.settings(language, speed), language, text);

  const find = async (hash: SoundHash): Promise<SpokenText | undefined> => {
    for (const store of stores) {
      const sound = await store.get(hash);
      if (sound) return { sound, store, rendered: false };
    }
    return undefined;
  };

  const render = async (hash: SoundHash, text: string, language: string, speed: PromptSpeed): Promise<SpokenText> => {
    await slot();
    try {
      // Another hub sharing the store may have made it while this one waited.
      const found = await find(hash);
      if (found) return found;
      if (target.claim && !(await target.claim(hash))) {
        // Another process sharing the store is rendering it: wait for it, within reason.
        for (const started = Date.now(); Date.now() - started < claimWaitMs; ) {
          await new Promise((resolve) => setTimeout(resolve, claimPollMs));
          const made = await find(hash);
          if (made) return made;
        }
      }
      if (!checkedVoices.has(language)) {
        await engine.checkVoice(language);
        checkedVoices.add(language);
      }
      const outcome = (await renderSounds([{ hash, source: { kind: 'engine', text, language, speed } }], { engine, store: target, concurrency: 1 })).get(hash);
      if (!outcome) throw new Error(`nothing was rendered for "${text.slice(0, 40)}"`);
      if (!outcome.ok) throw outcome.error;
      return { sound: outcome.sound, store: target, rendered: true };
    } finally {
      release();
    }
  };

  const makeFallback = async (store: SoundStore, hash: SoundHash): Promise<StoredSound | undefined> => {
    const sound = await store.get(hash);
    if (!sound || sound.files.mp3) return sound;
    await slot();
    try {
      return await withFallback(store, hash);
    } finally {
      release();
    }
  };

  return {
    hashOf,
    load: () => ({ running, waiting: queue.length }),
    fallback: (store, hash) => {
      let ofStore = fallbacksInFlight.get(store);
      if (!ofStore) fallbacksInFlight.set(store, (ofStore = new Map()));
      const making = ofStore;
      let pending = making.get(hash);
      if (!pending) {
        pending = makeFallback(store, hash).finally(() => making.delete(hash));
        making.set(hash, pending);
      }
      return pending;
    },
    speak: async (text, language, speed) => {
      if (text.length > maxSpokenTextLength)
        throw new RangeError(`text: at most ${maxSpokenTextLength} characters can be spoken at once (this one has ${text.length})`);
      const hash = await hashOf(text, language, speed);
      let pending = inFlight.get(hash);
      if (!pending) {
        // Registered before the first await, so a second request for the same sound shares it.
        pending = (async () => (await find(hash)) ?? render(hash, text, language, speed))().finally(() => inFlight.delete(hash));
        inFlight.set(hash, pending);
      }
      return pending;
    },
  };
}
