/**
 * The speech engine behind a small interface, so another engine (a neural voice, a cloud
 * service) can replace espeak-ng without touching the builder or the hub. espeak-ng is the
 * default: it is in Debian, offline, fast, and speaks Spanish, English and Arabic.
 */
import type { PromptSpeed } from '../../core/audio/manifest.js';
import { readWav, type Pcm } from './pcm.js';
import { AudioToolMissing, installAudioTools, runTool } from './tools.js';

/** What the builder and the hub need from a speech engine. */
export interface SpeechEngine {
  /** Name and version, e.g. `espeak-ng 1.51`; part of every file's hash, so an upgrade re-renders. Throws {@link AudioToolMissing} when absent. */
  version(): Promise<string>;
  /** Throws {@link AudioToolMissing} with an install hint when there is no voice for `language`. */
  checkVoice(language: string): Promise<void>;
  /** The engine's settings for a language and speed (voice, rate), also part of the hash. */
  settings(language: string, speed: PromptSpeed): string;
  /** Speaks `text` and returns the samples. */
  synthesize(text: string, language: string, speed: PromptSpeed): Promise<Pcm>;
}

/** espeak-ng's voice per language; any other language is tried under its own code. */
export const espeakVoices: Readonly<Record<string, string>> = { es: 'es', en: 'en-us', ar: 'ar' };

/** Words per minute per speed: slow for seniors, normal, fast. Separate renderings keep the pitch. */
export const espeakWordsPerMinute: Readonly<Record<PromptSpeed, number>> = { slow: 120, normal: 160, fast: 200 };

/** The espeak-ng engine. `command` may point elsewhere (tests use a missing one). */
export function espeakEngine(command = 'espeak-ng'): SpeechEngine {
  let version: Promise<string> | undefined;
  const voiceOf = (language: string): string => espeakVoices[language] ?? espeakVoices[language.split('-')[0] ?? ''] ?? language;
  return {
    version: () => {
      version ??= runTool(command, ['--version']).then(({ stdout }) => {
        const number = /text-to-speech:\s*([0-9.]+)/.exec(stdout.toString('utf8'))?.[1] ?? 'unknown';
        return `espeak-ng ${number}`;
      });
      // A failed probe is not remembered: installing the engine while the hub runs is enough.
      version.catch(() => (version = undefined));
      return version;
    },
    checkVoice: async (language) => {
      try {
        await runTool(command, ['-q', '-v', voiceOf(language), 'a']);
      } catch (error) {
        if (error instanceof AudioToolMissing) throw error;
        throw new AudioToolMissing(`espeak-ng has no voice "${voiceOf(language)}" for language "${language}": install the voices with "${installAudioTools}" (they come with espeak-ng-data), then try again.`);
      }
    },
    settings: (language, speed) => `voice=${voiceOf(language)};wpm=${espeakWordsPerMinute[speed]}`,
    synthesize: async (text, language, speed) => {
      // The text goes in on standard input, never as an argument, so nothing in it is read as an option.
      const { stdout } = await runTool(command, ['-v', voiceOf(language), '-s', String(espeakWordsPerMinute[speed]), '--stdin', '--stdout'], text);
      return readWav(stdout);
    },
  };
}
