/**
 * Renders many sounds into a store, in batches: the texts of one language and speed go to the
 * engine together (one espeak-ng for up to 60 texts), and their sounds to one encoder and one
 * meter (encode.ts). Process start-up, not encoding, was most of the cost of one process per
 * sound. A batch that fails is tried again text by text, so one bad text fails alone.
 */
import { availableParallelism } from 'node:os';
import type { PromptSpeed } from '../core/audio/manifest.js';
import { decodeAudio } from './decode.js';
import { encodeSounds } from './encode.js';
import type { SpeechEngine } from './engine.js';
import type { Pcm } from './pcm.js';
import { runPool } from './pool.js';
import type { SoundHash } from './sound-id.js';
import type { SoundStore, StoredSound } from './store.js';

/** How much faster or slower a recording is played per speed; recordings are taken as `normal`. */
export const recordingTempo: Readonly<Record<PromptSpeed, number>> = { slow: 0.75, normal: 1, fast: 1.25 };

/** Where one sound comes from. */
export type SoundSource = { kind: 'engine'; text: string; language: string; speed: PromptSpeed } | { kind: 'recording'; file: string; tempo: number };

/** One sound to render, under its name. */
export interface SoundRequest {
  hash: SoundHash;
  source: SoundSource;
}

/** What became of one request. */
export type RenderOutcome = { ok: true; sound: StoredSound } | { ok: false; error: Error };

/** How to render. */
export interface RenderOptions {
  engine: SpeechEngine;
  store: SoundStore;
  /** Batches at once (default: one more than the cores). */
  concurrency?: number;
  /** Called as each sound is finished or has failed. */
  onRendered?: (hash: SoundHash, outcome: RenderOutcome) => void;
}

/** Texts per engine batch, and characters: a batch is one process and one encoder run. */
const textsPerBatch = 60;
const charactersPerBatch = 6000;

/** Groups requests into batches: engine texts by language and speed, each recording alone. */
export function planBatches(requests: readonly SoundRequest[]): SoundRequest[][] {
  const batches: SoundRequest[][] = [];
  const open = new Map<string, { requests: SoundRequest[]; characters: number }>();
  for (const request of requests) {
    const { source } = request;
    if (source.kind === 'recording') {
      batches.push([request]);
      continue;
    }
    const key = `${source.language} ${source.speed}`;
    let batch = open.get(key);
    if (batch && (batch.requests.length >= textsPerBatch || batch.characters + source.text.length > charactersPerBatch)) {
      batches.push(batch.requests);
      batch = undefined;
    }
    batch ??= { requests: [], characters: 0 };
    batch.requests.push(request);
    batch.characters += source.text.length;
    open.set(key, batch);
  }
  for (const batch of open.values()) batches.push(batch.requests);
  return batches;
}

async function sourceSounds(engine: SpeechEngine, batch: readonly SoundRequest[]): Promise<Pcm[]> {
  const first = batch[0]?.source;
  if (!first) return [];
  if (first.kind === 'recording') return [await decodeAudio(first.file, { tempo: first.tempo })];
  return engine.synthesize(
    batch.map(({ source }) => (source.kind === 'engine' ? source.text : '')),
    first.language,
    first.speed,
  );
}

async function renderBatch(batch: readonly SoundRequest[], options: RenderOptions): Promise<void> {
  const { engine, store } = options;
  const sounds = await sourceSounds(engine, batch);
  if (sounds.length !== batch.length) throw new Error(`the engine gave ${sounds.length} sounds for ${batch.length} texts`);
  const stems = await Promise.all(batch.map(({ hash }) => store.stemFor(hash)));
  const encoded = await encodeSounds(sounds.map((pcm, i) => ({ pcm, stem: stems[i] ?? '' })));
  for (const [i, request] of batch.entries()) {
    const result = encoded[i];
    if (!result) throw new Error(`no sound was encoded for ${request.hash}`);
    const sound = { hash: request.hash, ...result };
    await store.commit(sound);
    options.onRendered?.(request.hash, { ok: true, sound });
  }
}

/**
 * Renders every request into `options.store` and returns each one's outcome by name. Requests
 * with the same name are rendered once.
 */
export async function renderSounds(requests: readonly SoundRequest[], options: RenderOptions): Promise<Map<SoundHash, RenderOutcome>> {
  const outcomes = new Map<SoundHash, RenderOutcome>();
  const unique = [...new Map(requests.map((request) => [request.hash, request])).values()];
  const record = (hash: SoundHash, outcome: RenderOutcome): void => {
    outcomes.set(hash, outcome);
    options.onRendered?.(hash, outcome);
  };
  const quiet = { ...options, onRendered: record };
  // One batch more than cores: while one batch is in this process's measuring, the others keep
  // every core busy in espeak-ng and ffmpeg (measured: a third faster than one per core).
  await runPool(planBatches(unique), options.concurrency ?? availableParallelism() + 1, async (batch) => {
    try {
      await renderBatch(batch, quiet);
    } catch (error) {
      const left = batch.filter(({ hash }) => !outcomes.has(hash));
      if (left.length === 1 || batch.length === 1) {
        for (const { hash } of left) record(hash, { ok: false, error: error instanceof Error ? error : new Error(String(error)) });
        return;
      }
      // One text can spoil a batch: each is tried alone, so only that one fails.
      for (const request of left) {
        try {
          await renderBatch([request], quiet);
        } catch (single) {
          record(request.hash, { ok: false, error: single instanceof Error ? single : new Error(String(single)) });
        }
      }
    }
  });
  return outcomes;
}
