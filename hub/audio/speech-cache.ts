/**
 * Renders sentences on demand into `<audioFolder>/speech/` and remembers them by a hash of what
 * shapes the sound, so asking again costs one file read. Two kiosks asking for the same sentence
 * at once share one rendering. The folder is kept to a bounded number of sentences.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PromptSpeed } from '../../core/audio/manifest.js';
import type { SpeechEngine } from './engine.js';
import { pipelineVersion, renderSpeech } from './render.js';

/** A rendered sentence, with URLs relative to the audio folder's root. */
export interface SpokenSentence {
  /** e.g. `speech/<hash>.ogg` */
  ogg: string;
  mp3: string;
  duration: number;
  /** Whether it was already there. */
  cached: boolean;
}

/** The speech cache of one audio folder. */
export interface SpeechCache {
  speak(text: string, language: string, speed: PromptSpeed): Promise<SpokenSentence>;
}

/** How many sentences are kept; the oldest go first. Names and waits vary, so it would grow without end. */
export const maxCachedSentences = 2000;

/** A cache writing into `<audioFolder>/speech`. */
export function speechCache(audioFolder: string, engine: SpeechEngine, limit = maxCachedSentences): SpeechCache {
  const folder = path.join(audioFolder, 'speech');
  const rendering = new Map<string, Promise<SpokenSentence>>();
  const checkedVoices = new Set<string>();

  const prune = async (): Promise<void> => {
    const records = (await readdir(folder)).filter((name) => name.endsWith('.json'));
    if (records.length <= limit) return;
    const aged = await Promise.all(records.map(async (name) => ({ name, at: (await stat(path.join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
    for (const { name } of aged.sort((a, b) => a.at - b.at).slice(0, records.length - limit)) {
      const hash = name.slice(0, -'.json'.length);
      for (const extension of ['.json', '.ogg', '.mp3']) await rm(path.join(folder, hash + extension), { force: true });
    }
  };

  const render = async (hash: string, text: string, language: string, speed: PromptSpeed): Promise<SpokenSentence> => {
    const record = path.join(folder, `${hash}.json`);
    const found = await readFile(record, 'utf8').then(
      (json) => JSON.parse(json) as { duration: number },
      () => undefined,
    );
    const files = { ogg: `speech/${hash}.ogg`, mp3: `speech/${hash}.mp3` };
    if (found) return { ...files, duration: found.duration, cached: true };
    if (!checkedVoices.has(language)) {
      await engine.checkVoice(language);
      checkedVoices.add(language);
    }
    await mkdir(folder, { recursive: true });
    const [duration = 0] = await renderSpeech(engine, text, language, [{ speed, stem: path.join(folder, hash) }]);
    // The record is written last: it is what says the sentence is complete.
    await writeFile(`${record}.partial`, JSON.stringify({ duration }));
    await rename(`${record}.partial`, record);
    await prune();
    return { ...files, duration, cached: false };
  };

  return {
    speak: async (text, language, speed) => {
      const version = await engine.version();
      const hash = createHash('sha256').update(JSON.stringify([pipelineVersion, version, engine.settings(language, speed), language, text])).digest('hex').slice(0, 24);
      let pending = rendering.get(hash);
      if (!pending) {
        pending = render(hash, text, language, speed).finally(() => rendering.delete(hash));
        rendering.set(hash, pending);
      }
      return pending;
    },
  };
}
