/**
 * The kiosk's one speech channel, pure: what to say, in which order, at which speed and volume,
 * and whether it may be heard at all. The player that makes sound (howler in the kiosk, a fake in
 * the tests) and the lookup that turns a prompt into a file are passed in.
 *
 * Rules it keeps (ACCESSIBILITY.md, speech row):
 * - one channel: a new prompt stops the one playing before anything else starts, and so does
 *   {@link SpeechChannel.stop}, which the kiosk calls on any tap (synchronously, so well within
 *   250 ms);
 * - "Repetir" says the last list again from its start; "Más despacio" and the volume apply at once;
 * - privacy: a private prompt (a sensitive step, a PIN, personal data) is never played on the
 *   speaker, only through headphones when the kiosk has them and the senior chose them;
 * - a new session starts from {@link defaultSpeechSettings} with nothing to repeat.
 */
import { defaultPromptSpeed, type PromptSpeed } from './prompt-names.js';

/** One file the player can play: the addresses to try in order (Ogg/Opus, then MP3) and its length. */
export interface PlayableFile {
  /** Names the file for the player's cache; the first address is a good key. */
  key: string;
  urls: readonly string[];
  /** Seconds. */
  duration: number;
}

/** What the player reports about one play. Only the last call's handlers may be called. */
export interface PlayerEvents {
  /** Sound has started. */
  onPlay(): void;
  /** It played to its end. */
  onEnd(): void;
  /** It could not be loaded or played; `reason` is for the log. */
  onError(reason: string): void;
}

/** Makes sound. One file at a time: {@link AudioPlayer.play} replaces whatever was playing. */
export interface AudioPlayer {
  /** Starts fetching and decoding a file so that a later play starts at once. */
  preload(file: PlayableFile): void;
  /**
   * Stops anything playing, then plays `file` at `volume` (0–1) on `output`. The kiosk's system
   * routes the sound; the player records the output with each play, so the tests can check that a
   * private prompt went to the headphones and nowhere else.
   */
  play(file: PlayableFile, volume: number, events: PlayerEvents, output: SpeechOutput): void;
  /** Silences at once; no handler of the stopped play is called afterwards. */
  stop(): void;
  /** Changes the volume of what is playing and of what comes next. */
  setVolume(volume: number): void;
}

/** Where a prompt may be heard. `private` covers sensitive steps, PINs and personal data. */
export type SpeechPrivacy = 'public' | 'private' | 'never';

/** One thing to say: a prompt id of the manifest, or a dynamic sentence with its values. */
export interface Utterance {
  /** A prompt id (`ui/…`, `proc/…`), or for a dynamic sentence its i18n key, e.g. `help.coming`. */
  id: string;
  /** A dynamic sentence's values (`{ name: 'Ana' }`); absent for pre-rendered prompts. */
  values?: Readonly<Record<string, string>>;
  /** The language to say it in; the channel's language when absent (a language's own name on the language screen). */
  language?: string;
  /** Defaults to `public`; the manifest can still mark a prompt sensitive. */
  privacy?: SpeechPrivacy;
}

/** A prompt turned into a file at one speed. */
export interface ResolvedUtterance {
  file: PlayableFile;
  /** The manifest's own mark: a sensitive text is private whatever the caller said. */
  sensitive: boolean;
}

/** Turns an utterance into a file; a promise for dynamic sentences that the hub renders. Undefined when there is none. */
export type UtteranceResolver = (
  utterance: Utterance,
  speed: PromptSpeed,
  language: string,
) => ResolvedUtterance | undefined | Promise<ResolvedUtterance | undefined>;

/** The two volume steps of the comfort screen. */
export const volumeLevels = ['low', 'high'] as const;
/** One of {@link volumeLevels}. */
export type VolumeLevel = (typeof volumeLevels)[number];
/** The player's gain for each level: "low" is half, not a whisper. */
export const volumeGain: Record<VolumeLevel, number> = { low: 0.5, high: 1 };

/** Where the senior listens. Headphones only count when the kiosk has them. */
export type SpeechOutput = 'speaker' | 'headphones';

/** The senior's speech settings; they go with the session. */
export interface SpeechSettings {
  speed: PromptSpeed;
  volume: VolumeLevel;
  output: SpeechOutput;
  /** The language of the screens, for utterances that do not name their own. */
  language: string;
  /**
   * The spoken mode (issue 17: headphones and a keypad, for a senior who cannot see the screen).
   * Only in it is a private prompt ever heard, and then only through the headphones.
   */
  spokenMode: boolean;
}

/** What every session starts with: slow, loud, on the speaker, in Spanish. */
export const defaultSpeechSettings: SpeechSettings = { speed: defaultPromptSpeed, volume: 'high', output: 'speaker', language: 'es', spokenMode: false };

/** What the screens can show about the channel. */
export interface SpeechStatus {
  settings: SpeechSettings;
  /** The id being played, if any. */
  playing: string | undefined;
  /** The last list held back something private (the screen says why it is silent). */
  heldBack: boolean;
  /** The last list had something that could not be found or played. */
  failed: boolean;
}

/** Everything the channel needs from outside. */
export interface SpeechChannelDeps {
  player: AudioPlayer;
  resolve: UtteranceResolver;
  /** From the kiosk's configuration: whether it has headphones at all. Default none. */
  hasHeadphones: boolean;
  /** For the log: something could not be played. */
  onProblem?: (utterance: Utterance, reason: string) => void;
  /**
   * Said (on the speaker) in place of the first private thing a list holds back, e.g. "Esto no se
   * lee en voz alta", so the silence is explained rather than mistaken for a broken kiosk.
   */
  heldBackNotice?: Utterance;
}

/** The channel the screens talk to. */
export interface SpeechChannel {
  /** Stops what is playing and says these, one after another; they become what "Repetir" says. */
  say(utterances: readonly Utterance[]): void;
  /** Silences at once (any tap). What was said stays available to "Repetir". */
  stop(): void;
  /** Says the last list again from its start. */
  repeat(): void;
  /**
   * Stops what is playing and says these once, leaving "Repetir" with what it had: a sample of
   * the voice's new speed is not what the senior wants to hear again, the screen is.
   */
  sayAside(utterances: readonly Utterance[]): void;
  /** Loads the files of what is likely said next (the next step), without a sound. */
  preload(utterances: readonly Utterance[]): void;
  /** Changes speed, volume, output or language; the volume applies to what is playing. */
  configure(settings: Partial<SpeechSettings>): void;
  /** The session ended: silence, default settings, nothing to repeat. */
  reset(): void;
  status(): SpeechStatus;
  /** Called after every change of {@link SpeechChannel.status}; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/**
 * Whether an utterance may be heard with these settings. Private things are heard only in the
 * spoken mode, through headphones the kiosk has (issue 17: in touch mode a sensitive step is read
 * on screen, never aloud, whatever the output); `never` is never played.
 */
export function mayBeHeard(
  privacy: SpeechPrivacy,
  sensitive: boolean,
  settings: Pick<SpeechSettings, 'output' | 'spokenMode'>,
  hasHeadphones: boolean,
): boolean {
  if (privacy === 'never') return false;
  if (privacy === 'private' || sensitive) return hasHeadphones && settings.output === 'headphones' && settings.spokenMode;
  return true;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/** Creates the kiosk's speech channel over a player. */
export function createSpeechChannel(deps: SpeechChannelDeps): SpeechChannel {
  const { player, resolve, hasHeadphones } = deps;
  let settings: SpeechSettings = { ...defaultSpeechSettings };
  let status: SpeechStatus = { settings, playing: undefined, heldBack: false, failed: false };
  let last: readonly Utterance[] = [];
  // Bumped by every say, stop and reset: a late answer (a resolve, a player event) of an older
  // list sees a different generation and does nothing, so two prompts never overlap.
  let generation = 0;
  // Whether what is playing now is private, so switching to the speaker can silence it.
  let playingPrivate = false;
  const listeners = new Set<() => void>();

  const update = (change: Partial<SpeechStatus>): void => {
    status = { ...status, ...change };
    for (const listener of listeners) listener();
  };

  const privacyOf = (utterance: Utterance): SpeechPrivacy => utterance.privacy ?? 'public';

  const problem = (utterance: Utterance, reason: string): void => {
    deps.onProblem?.(utterance, reason);
    update({ failed: true });
  };

  const playFrom = (list: readonly Utterance[], index: number, mine: number): void => {
    if (mine !== generation) return;
    const utterance = list[index];
    if (!utterance) {
      update({ playing: undefined });
      return;
    }
    const next = (): void => playFrom(list, index + 1, mine);
    const holdBack = (): void => {
      const first = !status.heldBack;
      update({ heldBack: true });
      const notice = deps.heldBackNotice;
      if (first && notice) playFrom([...list.slice(0, index + 1), { ...notice, privacy: 'public' }, ...list.slice(index + 1)], index + 1, mine);
      else next();
    };
    // The one after loads while this one plays: one ahead, not the whole list, because a tap
    // usually cuts a list short and the rest would be fetched and decoded for nothing.
    const following = list[index + 1];
    const loadFollowing = (): void => {
      if (following) preload([following]);
    };
    // The privacy rule needs no file: a `never` or a private prompt on the speaker is skipped
    // before anything is fetched.
    if (!mayBeHeard(privacyOf(utterance), false, settings, hasHeadphones)) {
      loadFollowing();
      holdBack();
      return;
    }
    const start = (resolved: ResolvedUtterance | undefined): void => {
      if (mine !== generation) return;
      if (!resolved) {
        problem(utterance, `no audio for ${utterance.id}`);
        next();
        return;
      }
      if (!mayBeHeard(privacyOf(utterance), resolved.sensitive, settings, hasHeadphones)) {
        holdBack();
        return;
      }
      playingPrivate = privacyOf(utterance) !== 'public' || resolved.sensitive;
      update({ playing: utterance.id });
      player.play(
        resolved.file,
        volumeGain[settings.volume],
        {
          onPlay: () => undefined,
          onEnd: () => next(),
          onError: (reason) => {
            if (mine !== generation) return;
            problem(utterance, reason);
            next();
          },
        },
        settings.output,
      );
    };
    let resolved: ReturnType<UtteranceResolver>;
    try {
      resolved = resolve(utterance, settings.speed, utterance.language ?? settings.language);
    } catch (error) {
      loadFollowing();
      problem(utterance, error instanceof Error ? error.message : String(error));
      next();
      return;
    }
    // Only once this one is asked for: a hub rendering prompts on demand (no build yet) takes
    // them in order, and this one is needed first.
    loadFollowing();
    if (isPromise(resolved)) {
      resolved.then(start, (error: unknown) => {
        if (mine !== generation) return;
        problem(utterance, error instanceof Error ? error.message : String(error));
        next();
      });
    } else {
      start(resolved);
    }
  };

  const silence = (): void => {
    generation += 1;
    player.stop();
  };

  const preload = (utterances: readonly Utterance[]): void => {
    for (const utterance of utterances) {
      // A private prompt that may not be heard is not even fetched.
      if (!mayBeHeard(privacyOf(utterance), false, settings, hasHeadphones)) continue;
      try {
        const resolved = resolve(utterance, settings.speed, utterance.language ?? settings.language);
        // Dynamic sentences are rendered on demand by the hub; only files already known are loaded.
        if (resolved && !isPromise(resolved) && mayBeHeard(privacyOf(utterance), resolved.sensitive, settings, hasHeadphones)) player.preload(resolved.file);
      } catch {
        // A prompt that cannot be looked up is reported when it is said, not when it is guessed.
      }
    }
  };

  const say = (utterances: readonly Utterance[]): void => {
    silence();
    last = utterances;
    update({ playing: undefined, heldBack: false, failed: false });
    playFrom(utterances, 0, generation);
  };

  return {
    say,
    sayAside: (utterances) => {
      silence();
      update({ playing: undefined, heldBack: false, failed: false });
      playFrom(utterances, 0, generation);
    },
    stop: () => {
      silence();
      if (status.playing !== undefined) update({ playing: undefined });
    },
    repeat: () => say(last),
    preload,
    configure: (change) => {
      const before = settings;
      settings = { ...settings, ...change };
      if (settings.volume !== before.volume) player.setVolume(volumeGain[settings.volume]);
      // Switching to the speaker (or out of the spoken mode) while something private plays silences it at once.
      const leftPrivate = (settings.output !== before.output && settings.output === 'speaker') || (before.spokenMode && !settings.spokenMode);
      const silenced = leftPrivate && playingPrivate && status.playing !== undefined;
      if (silenced) silence();
      update({ settings, ...(silenced ? { playing: undefined } : {}) });
    },
    reset: () => {
      silence();
      last = [];
      settings = { ...defaultSpeechSettings };
      player.setVolume(volumeGain[settings.volume]);
      update({ settings, playing: undefined, heldBack: false, failed: false });
    },
    status: () => status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
