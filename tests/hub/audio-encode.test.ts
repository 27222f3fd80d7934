/**
 * The encoder with the real ffmpeg on sounds codecs handle badly: sharp clicks whose rebuilt
 * peaks overshoot the limiter, a sound shorter than one loudness block, a one-word prompt. Every
 * file it keeps must decode within the bounds `audio:check` enforces.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodedBounds } from '../../core/audio/encoding-correction.js';
import { integratedLoudness, loudnessTarget, peakDbfs } from '../../core/audio/loudness.js';
import { espeakEngine } from '../../speech/engine.js';
import type { Pcm } from '../../speech/pcm.js';
import { decodeAudio, measuringSampleRate } from '../../speech/decode.js';
import { encodeFallbacks, encodeSounds } from '../../speech/encode.js';

const work = mkdtempSync(path.join(tmpdir(), 'paso-encode-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sampleRate = 22_050;

/** A seeded pseudo-random source, so a failure can be reproduced. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 1_073_741_824 - 1;
  };
}

/** Single-sample clicks over a tone (`toneLevel` 0: faint noise only). */
function clicks(seconds: number, toneLevel: number): Pcm {
  const random = noise(7);
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  // Sharp clicks are what makes a codec's rebuilt waveform ring above the limiter.
  for (let i = 0; i < samples.length; i++)
    samples[i] = (i % 220 === 0 ? 0.9 : 0) + toneLevel * Math.sin((2 * Math.PI * 300 * i) / sampleRate) + random() * 0.002;
  return { samples, sampleRate };
}

function toneBurst(seconds: number): Pcm {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.5 * Math.sign(Math.sin((2 * Math.PI * 180 * i) / sampleRate));
  return { samples, sampleRate };
}

/** Encodes `pcm` as the build does (Ogg) and as a browser without Opus has it made (MP3). */
async function encodeBoth(pcm: Pcm, stem: string) {
  const [encoded] = await encodeSounds([{ pcm, stem }]);
  const [fallback] = await encodeFallbacks([{ pcm, stem }]);
  expect(fallback?.bytes).toBeGreaterThan(0);
  return encoded;
}

async function decodedBoth(stem: string) {
  // Decoded apart from the builder's streaming meter, to floats, and measured whole.
  const [ogg, mp3] = await Promise.all([
    decodeAudio(`${stem}.ogg`, { sampleRate: measuringSampleRate }),
    decodeAudio(`${stem}.mp3`, { sampleRate: measuringSampleRate }),
  ]);
  return [ogg, mp3].map((pcm) => ({ peak: peakDbfs(pcm.samples), loudness: integratedLoudness(pcm.samples, pcm.sampleRate) }));
}

describe('encodeSounds', () => {
  it.each([
    ['clicks over a tone', () => clicks(2, 0.1)],
    ['clicks over a louder tone', () => clicks(2, 0.3)],
    ['a square-wave burst shorter than one loudness block', () => toneBurst(0.3)],
    ['the one word "Sí", spoken fast', async () => (await espeakEngine().synthesize(['Sí'], 'es', 'fast'))[0] as Pcm],
  ])(
    'keeps %s within the peak and loudness bounds once decoded',
    async (_, make) => {
      const stem = path.join(work, `sound-${Math.random().toString(36).slice(2)}`);
      const encoded = await encodeBoth(await make(), stem);
      expect(encoded?.duration).toBeGreaterThan(0);
      for (const file of await decodedBoth(stem)) {
        expect(file.peak).toBeLessThanOrEqual(encodedBounds.maxPeakDbfs + 0.05);
        expect(Math.abs(file.loudness - loudnessTarget.lufs)).toBeLessThanOrEqual(loudnessTarget.toleranceLu);
      }
    },
    60_000,
  );

  it('encodes several sounds in one call, each corrected on its own and returned in order', async () => {
    const stems = ['first', 'second'].map((name) => path.join(work, `batch-${name}`));
    const encoded = await encodeSounds([
      { pcm: clicks(2, 0.1), stem: stems[0] ?? '' },
      { pcm: toneBurst(0.3), stem: stems[1] ?? '' },
    ]);
    // The trimmed lengths: two seconds of clicks, and the burst with its kept silence.
    expect(encoded[0]?.duration).toBeGreaterThan(1.5);
    expect(encoded[1]?.duration).toBeLessThan(0.6);
    expect(encoded.map(({ files }) => files.mp3)).toEqual([undefined, undefined]);
    await encodeFallbacks([
      { pcm: clicks(2, 0.1), stem: stems[0] ?? '' },
      { pcm: toneBurst(0.3), stem: stems[1] ?? '' },
    ]);
    for (const stem of stems) {
      for (const file of await decodedBoth(stem)) {
        expect(file.peak).toBeLessThanOrEqual(encodedBounds.maxPeakDbfs + 0.05);
        expect(Math.abs(file.loudness - loudnessTarget.lufs)).toBeLessThanOrEqual(loudnessTarget.toleranceLu);
      }
    }
  }, 60_000);
});
