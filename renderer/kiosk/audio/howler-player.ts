/**
 * The kiosk's player: howler over Web Audio, one sound at a time. Files come through
 * {@link AudioFileStore} (Cache Storage, so a kiosk that lost the hub keeps speaking what it has
 * already played or preloaded), are decoded once and kept, a bounded number of them, so a tap
 * plays a preloaded prompt at once.
 */
import { Howl, Howler } from 'howler';
import type { AudioPlayer, PlayableFile, PlayerEvents, SpeechOutput } from '../../../core/audio/channel.js';
import type { AudioFileStore } from './audio-file-store.js';

/** What the player did, as the kiosk announces it for the browser tests (see player-announce.ts). */
export interface PlayerEvent {
  type: 'load' | 'play' | 'end' | 'stop' | 'error';
  /** The file's address as the manifest gave it (not the blob: address howler was handed). */
  url: string;
  /** Seconds, as howler decoded it (0 before it is loaded). */
  duration: number;
  /** performance.now() when howler reported it. */
  at: number;
  detail?: string;
  /** Where a play went: the speaker or the headphones (the channel's setting; the system routes it). */
  output?: SpeechOutput;
}

/** Options of {@link createHowlerPlayer}. */
export interface HowlerPlayerOptions {
  store: AudioFileStore;
  /** Decoded files kept in memory; the oldest are dropped beyond it. */
  keep?: number;
  onEvent?: (event: PlayerEvent) => void;
}

interface Loaded {
  url: string;
  howl: Promise<Howl>;
  release: () => void;
}

/** The address to load: Ogg/Opus where the engine plays it, else MP3 (the manifest gives both). */
function chooseUrl(file: PlayableFile): { url: string; format: string } {
  const ogg = file.urls.find((url) => /\.(ogg|opus)(\?|$)/.test(url));
  const mp3 = file.urls.find((url) => /\.mp3(\?|$)/.test(url));
  if (ogg && (Howler.codecs('opus') || Howler.codecs('ogg'))) return { url: ogg, format: 'ogg' };
  if (mp3) return { url: mp3, format: 'mp3' };
  const first = file.urls[0] ?? '';
  return { url: first, format: first.split('.').pop() ?? 'ogg' };
}

/** Whether this engine can make sound at all (Web Audio or HTML5 audio). */
export function canPlayAudio(): boolean {
  return typeof window !== 'undefined' && !Howler.noAudio;
}

/** A howler-backed {@link AudioPlayer}. */
export function createHowlerPlayer(options: HowlerPlayerOptions): AudioPlayer {
  const { store, onEvent } = options;
  const keep = options.keep ?? 120;
  // Howler would suspend the audio context after 30 s of silence and resume it on the next
  // play, which costs the first prompt of a screen tens of milliseconds. A kiosk stays awake.
  Howler.autoSuspend = false;
  const loaded = new Map<string, Loaded>();
  // Every play and stop takes a new ticket; events of an older ticket are dropped.
  let ticket = 0;
  let current: { howl: Howl; id: number; url: string; off: () => void } | undefined;
  const emit = (type: PlayerEvent['type'], url: string, howl: Howl | undefined, detail?: string, output?: SpeechOutput): void => {
    onEvent?.({
      type,
      url,
      duration: howl ? howl.duration() : 0,
      at: performance.now(),
      ...(detail === undefined ? {} : { detail }),
      ...(output === undefined ? {} : { output }),
    });
  };

  const load = (file: PlayableFile): Loaded => {
    const existing = loaded.get(file.key);
    if (existing) {
      // Most recently used last, so the oldest is first to go.
      loaded.delete(file.key);
      loaded.set(file.key, existing);
      return existing;
    }
    const { url, format } = chooseUrl(file);
    let source: { src: string; release: () => void } | undefined;
    let howl: Howl | undefined;
    const entry: Loaded = {
      url,
      howl: store.open(url).then(
        (opened) =>
          new Promise<Howl>((resolve, reject) => {
            source = opened;
            howl = new Howl({ src: [opened.src], format: [format], preload: true, html5: false });
            const made = howl;
            made.once('load', () => {
              emit('load', url, made);
              resolve(made);
            });
            made.once('loaderror', (_id, error) => {
              entry.release();
              reject(new Error(`cannot load ${url}: ${String(error)}`));
            });
          }),
      ),
      release: () => {
        loaded.delete(file.key);
        howl?.unload();
        source?.release();
      },
    };
    // A failed load is forgotten, so the next try fetches again (the hub may be back).
    entry.howl.catch(() => undefined);
    loaded.set(file.key, entry);
    while (loaded.size > keep) {
      const oldest = loaded.values().next().value;
      if (!oldest || oldest === entry) break;
      oldest.release();
    }
    return entry;
  };

  const stop = (): void => {
    ticket += 1;
    if (!current) return;
    const { howl, id, url, off } = current;
    current = undefined;
    off();
    howl.stop(id);
    emit('stop', url, howl);
  };

  return {
    preload: (file) => void load(file),
    play: (file: PlayableFile, volume: number, events: PlayerEvents, output: SpeechOutput) => {
      stop();
      const mine = ticket;
      Howler.volume(volume);
      const entry = load(file);
      entry.howl.then(
        (howl) => {
          if (mine !== ticket) return;
          // Howler fires "play" from inside play() for a decoded file, before its id is known
          // here: listen first, for any sound of this howl, and keep only ours.
          let id = -1;
          const off = (): void => {
            howl.off('play', onPlay);
            howl.off('end', onEnd);
            howl.off('playerror', onError);
          };
          const ours = (soundId: number): boolean => soundId === id && mine === ticket;
          const onPlay = (soundId: number): void => {
            if (!ours(soundId)) return;
            emit('play', entry.url, howl, undefined, output);
            events.onPlay();
          };
          const onEnd = (soundId: number): void => {
            if (!ours(soundId)) return;
            off();
            current = undefined;
            emit('end', entry.url, howl);
            events.onEnd();
          };
          const onError = (soundId: number, error: unknown): void => {
            if (!ours(soundId)) return;
            off();
            current = undefined;
            emit('error', entry.url, howl, String(error));
            events.onError(`cannot play ${entry.url}: ${String(error)}`);
          };
          howl.on('play', onPlay);
          howl.on('end', onEnd);
          howl.on('playerror', onError);
          id = howl.play();
          current = { howl, id, url: entry.url, off };
        },
        (error: unknown) => {
          if (mine !== ticket) return;
          emit('error', entry.url, undefined, String(error));
          events.onError(error instanceof Error ? error.message : String(error));
        },
      );
    },
    stop,
    setVolume: (volume) => void Howler.volume(volume),
  };
}
