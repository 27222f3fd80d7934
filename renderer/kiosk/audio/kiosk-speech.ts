/**
 * The kiosk's speech, assembled outside React: the manifest, the howler player over the cached
 * file store, the resolver and the channel. The React provider (speech-context.tsx) creates one
 * and hands the channel to the screens.
 */
import { createSpeechChannel, type SpeechChannel } from '../../../core/audio/channel.js';
import { currentPromptsOf, type CurrentPrompts } from '../../../core/audio/current-prompts.js';
import { uiPromptId } from '../../../core/audio/prompt-names.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import {
  audioBase,
  cachedAudioFileStore,
  loadAudioManifest,
  networkAudioFileStore,
  pruneAudioCache,
  type AudioFileStore,
  type LoadedManifest,
} from './audio-file-store.js';
import { canPlayAudio, createHowlerPlayer, type PlayerEvent } from './howler-player.js';
import { kioskResolver, manifestAddresses } from './speech-resolver.js';

/**
 * Whether the kiosk can speak: not yet known, yes (from its build, or through the hub while a
 * build is missing), or no (the page cannot play audio, the hub has no speech, or neither a
 * build nor the hub can be reached).
 */
export type SpeechAvailability = 'loading' | 'ready' | 'unavailable';

/** The kiosk's speech. */
export interface KioskSpeech {
  channel: SpeechChannel;
  /** Loads the manifest, then reports whether the kiosk can speak. */
  load(): Promise<void>;
  /** Reads the manifest again (a new session starts), so a build finished meanwhile is used. */
  refresh(): Promise<void>;
  /** The procedures the kiosk shows now: their texts decide which audio is current. */
  showProcedures(procedures: readonly Procedure[]): void;
}

/** Options of {@link createKioskSpeech}. */
export interface KioskSpeechOptions {
  token: string;
  /** From the kiosk's configuration; default none. */
  hasHeadphones: boolean;
  /** Hears every change of whether the kiosk can speak. */
  onAvailability: (availability: Exclude<SpeechAvailability, 'loading'>) => void;
  /** Hears every player event (the kiosk announces them on `window`: player-announce.ts). */
  onPlayerEvent?: (event: PlayerEvent) => void;
}

/** Pre-rendered prompts are kept for offline use; the hub's on-demand sentences never are. */
function kioskFileStore(): AudioFileStore {
  const cached = cachedAudioFileStore();
  return { open: (url) => (url.startsWith(`${audioBase}files/`) ? cached : networkAudioFileStore).open(url) };
}

/** Creates the kiosk's speech; nothing plays until {@link KioskSpeech.load} has reported it ready. */
export function createKioskSpeech(options: KioskSpeechOptions): KioskSpeech {
  let loaded: LoadedManifest | undefined;
  let published: CurrentPrompts = new Map();
  let shown: readonly Procedure[] | undefined;
  let loading: Promise<void> | undefined;
  const player = createHowlerPlayer({ store: kioskFileStore(), ...(options.onPlayerEvent ? { onEvent: options.onPlayerEvent } : {}) });
  const channel = createSpeechChannel({
    player,
    // A hub without speech (503) makes the kiosk say so on screen: nothing will play until it has.
    resolve: kioskResolver(
      () => loaded?.manifest,
      () => published,
      options.token,
      () => options.onAvailability('unavailable'),
    ),
    hasHeadphones: options.hasHeadphones,
    heldBackNotice: { id: uiPromptId('speech.private') },
    onProblem: (utterance, reason) => console.warn(`speech: ${utterance.id}: ${reason}`),
  });
  const read = async (): Promise<void> => {
    const before = loaded?.manifest;
    loaded = await loadAudioManifest(loaded);
    const { manifest } = loaded;
    if (manifest && manifest !== before) {
      const inUse = manifestAddresses(manifest);
      // Old files go later, when the kiosk is idle: it must not slow the first screens.
      window.setTimeout(() => void pruneAudioCache(inUse).catch(() => undefined), 30_000);
    }
  };
  return {
    channel,
    showProcedures: (procedures) => {
      if (procedures === shown) return;
      shown = procedures;
      published = currentPromptsOf(procedures);
    },
    load: () => {
      loading ??= (async () => {
        if (!canPlayAudio()) return options.onAvailability('unavailable');
        await read();
        // Without a build the hub speaks every prompt; without the hub either, nothing can.
        options.onAvailability(loaded?.manifest || loaded?.hubAnswered ? 'ready' : 'unavailable');
      })();
      return loading;
    },
    refresh: async () => {
      // Only once the first load is done, and never for a page that cannot play audio.
      if (!loaded) return;
      await read();
    },
  };
}
