/**
 * The kiosk's speech, assembled outside React: the manifest, the howler player over the cached
 * file store, the resolver and the channel. The React provider (speech-context.tsx) creates one
 * and hands the channel to the screens.
 */
import { createSpeechChannel, type SpeechChannel } from '../../../core/audio/channel.js';
import { currentPromptsOf, type CurrentPrompts } from '../../../core/audio/current-prompts.js';
import { uiPromptId, type AudioManifest } from '../../../core/audio/manifest.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { audioBase, cachedAudioFileStore, loadAudioManifest, networkAudioFileStore, pruneAudioCache, type AudioFileStore } from './audio-file-store.js';
import { canPlayAudio, createHowlerPlayer, type PlayerEvent } from './howler-player.js';
import { kioskResolver, manifestAddresses } from './speech-resolver.js';

/** Whether the kiosk can speak: not yet known, yes, or no (no manifest, no audio engine). */
export type SpeechAvailability = 'loading' | 'ready' | 'unavailable';

/** The kiosk's speech. */
export interface KioskSpeech {
  channel: SpeechChannel;
  /** Loads the manifest; resolves to whether the kiosk can speak. */
  load(): Promise<Exclude<SpeechAvailability, 'loading'>>;
  /** The procedures the kiosk shows now: their texts decide which audio is current. */
  showProcedures(procedures: readonly Procedure[]): void;
}

/** Options of {@link createKioskSpeech}. */
export interface KioskSpeechOptions {
  token: string;
  /** From the kiosk's configuration; default none. */
  hasHeadphones: boolean;
  /** Test-only: every player event (see speech-test-log.ts). */
  onPlayerEvent?: (event: PlayerEvent) => void;
}

/** Pre-rendered prompts are kept for offline use; the hub's dynamic sentences never are. */
function kioskFileStore(): AudioFileStore {
  const cached = cachedAudioFileStore();
  return { open: (url) => (url.startsWith(`${audioBase}files/`) ? cached : networkAudioFileStore).open(url) };
}

/** Creates the kiosk's speech; nothing plays until {@link KioskSpeech.load} found a manifest. */
export function createKioskSpeech(options: KioskSpeechOptions): KioskSpeech {
  let manifest: AudioManifest | undefined;
  let published: CurrentPrompts = new Map();
  let shown: readonly Procedure[] | undefined;
  let loading: Promise<Exclude<SpeechAvailability, 'loading'>> | undefined;
  const player = createHowlerPlayer({ store: kioskFileStore(), ...(options.onPlayerEvent ? { onEvent: options.onPlayerEvent } : {}) });
  const channel = createSpeechChannel({
    player,
    resolve: kioskResolver(() => manifest, () => published, options.token),
    hasHeadphones: options.hasHeadphones,
    heldBackNotice: { id: uiPromptId('speech.private') },
    onProblem: (utterance, reason) => console.warn(`speech: ${utterance.id}: ${reason}`),
  });
  return {
    channel,
    showProcedures: (procedures) => {
      if (procedures === shown) return;
      shown = procedures;
      published = currentPromptsOf(procedures);
    },
    load: () => {
      loading ??= (async () => {
        if (!canPlayAudio()) return 'unavailable';
        manifest = await loadAudioManifest();
        if (!manifest) return 'unavailable';
        const inUse = manifestAddresses(manifest);
        // Old files go later, when the kiosk is idle: it must not slow the first screens.
        window.setTimeout(() => void pruneAudioCache(inUse).catch(() => undefined), 30_000);
        return 'ready';
      })();
      return loading;
    },
  };
}
