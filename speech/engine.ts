/**
 * The speech engine behind a small interface, so another engine (a neural voice, a cloud
 * service) can replace espeak-ng without touching the builder or the hub. espeak-ng is the
 * default: it is in Debian, offline, fast, and speaks Spanish, English and Arabic.
 */
import type { PromptSpeed } from '../core/audio/manifest.js';
import { readWav, type Pcm } from './pcm.js';
import { AudioToolMissing, installAudioTools, runTool, ToolTimedOut } from './tools.js';

/** What the builder and the hub need from a speech engine. */
export interface SpeechEngine {
  /** Name and version, e.g. `espeak-ng 1.51`; part of every file's hash, so an upgrade re-renders. Throws {@link AudioToolMissing} when absent. */
  version(): Promise<string>;
  /** Throws {@link AudioToolMissing} with an install hint when there is no voice for `language`. */
  checkVoice(language: string): Promise<void>;
  /** The engine's settings for a language and speed (voice, rate), also part of the hash. */
  settings(language: string, speed: PromptSpeed): string;
  /**
   * Speaks each text in one language at one speed and returns one sound per text, in order.
   * Many texts at once is how an engine that starts slowly keeps up with thousands of prompts.
   */
  synthesize(texts: readonly string[], language: string, speed: PromptSpeed): Promise<Pcm[]>;
}

/** How long a version or voice probe may take before it counts as failed (one is ~50 ms). */
const probeTimeoutMs = 30_000;

/** espeak-ng's voice per language; any other language is tried under its own code. */
export const espeakVoices: Readonly<Record<string, string>> = { es: 'es', en: 'en-us', ar: 'ar' };

/** Words per minute per speed: slow for seniors, normal, fast. Separate renderings keep the pitch. */
export const espeakWordsPerMinute: Readonly<Record<PromptSpeed, number>> = { slow: 120, normal: 160, fast: 200 };

/**
 * The pause espeak-ng puts between two texts of one batch. It writes pauses as exact digital
 * silence, and no sentence of ours pauses for more than about half a second, so a run of zeros
 * longer than {@link batchGapDetectSeconds} can only be this gap (a text that pauses
 * longer makes the cut come out wrong, which is noticed: see `synthesize`).
 */
const batchGapSeconds = 2;
const batchGapDetectSeconds = 1.5;

/** Characters that SSML reads as markup, as entities: a text is always spoken as text. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The texts of a batch as one SSML document, the batch gap between them. Each text is its own
 * sentence (`<s>`), so it ends with the falling tone it has when spoken alone: without it, a
 * text followed by a gap was spoken as an unfinished clause, and a sound depended on its batch.
 */
export function batchDocument(texts: readonly string[]): string {
  return `<speak>${texts.map((text) => `<s>${escapeXml(text)}</s>`).join(`<break time="${batchGapSeconds * 1000}ms"/>`)}</speak>`;
}

/**
 * Cuts one rendering of a batch into its texts at the batch gaps: the runs of at least
 * `minimumGapSeconds` of exact zeros. Returns fewer or more parts than texts when a text made
 * no sound or paused longer than the gap; the caller then speaks the texts one by one.
 */
export function splitAtGaps(pcm: Pcm, minimumGapSeconds = batchGapDetectSeconds): Pcm[] {
  const minimumGap = Math.round(minimumGapSeconds * pcm.sampleRate);
  const { samples, sampleRate } = pcm;
  const parts: Pcm[] = [];
  let partStart = 0;
  let zerosFrom = -1;
  for (let i = 0; i < samples.length; i++) {
    if (samples[i] === 0) {
      if (zerosFrom < 0) zerosFrom = i;
      continue;
    }
    if (zerosFrom > partStart && i - zerosFrom >= minimumGap) {
      parts.push({ samples: samples.subarray(partStart, zerosFrom), sampleRate });
      partStart = i;
    }
    zerosFrom = -1;
  }
  if (samples.length > partStart) parts.push({ samples: samples.subarray(partStart), sampleRate });
  return parts;
}

/** The espeak-ng engine. `command` may point elsewhere (tests use a missing one). */
export function espeakEngine(command = 'espeak-ng'): SpeechEngine {
  let version: Promise<string> | undefined;
  const voiceOf = (language: string): string => espeakVoices[language] ?? espeakVoices[language.split('-')[0] ?? ''] ?? language;
  const speak = async (document: string, language: string, speed: PromptSpeed): Promise<Pcm> => {
    // The document goes in on standard input, never as an argument, so nothing in it is read as
    // an option; -m reads it as SSML, whose only markup is ours (the texts are escaped).
    const { stdout } = await runTool(command, ['-m', '-v', voiceOf(language), '-s', String(espeakWordsPerMinute[speed]), '--stdin', '--stdout'], document);
    return readWav(stdout);
  };
  return {
    version: () => {
      version ??= runTool(command, ['--version'], undefined, [], { timeoutMs: probeTimeoutMs }).then(({ stdout }) => {
        const number = /text-to-speech:\s*([0-9.]+)/.exec(stdout.toString('utf8'))?.[1] ?? 'unknown';
        return `espeak-ng ${number}`;
      });
      // A failed probe is not remembered: installing the engine while the hub runs is enough.
      version.catch(() => (version = undefined));
      return version;
    },
    checkVoice: async (language) => {
      try {
        // --stdout, not -q: with -q espeak-ng still opens the sound server (PulseAudio), which on
        // a machine without one can take seconds; the probe only needs the voice to load.
        await runTool(command, ['-v', voiceOf(language), '--stdout', 'a'], undefined, [], { timeoutMs: probeTimeoutMs });
      } catch (error) {
        if (error instanceof AudioToolMissing || error instanceof ToolTimedOut) throw error;
        throw new AudioToolMissing(
          `espeak-ng has no voice "${voiceOf(language)}" for language "${language}": install the voices with "${installAudioTools}" (they come with espeak-ng-data), then try again.`,
        );
      }
    },
    settings: (language, speed) => `voice=${voiceOf(language)};wpm=${espeakWordsPerMinute[speed]};ssml`,
    synthesize: async (texts, language, speed) => {
      if (texts.length === 0) return [];
      if (texts.length > 1) {
        const parts = splitAtGaps(await speak(batchDocument(texts), language, speed));
        if (parts.length === texts.length) return parts;
      }
      // One process per text: a single text, or a batch that did not cut cleanly.
      const sounds: Pcm[] = [];
      for (const text of texts) sounds.push(await speak(batchDocument([text]), language, speed));
      return sounds;
    },
  };
}
