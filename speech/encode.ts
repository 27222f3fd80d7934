/**
 * Turns speech into the files a kiosk plays: trims the silence before and after the words,
 * brings every prompt to the same loudness, limits the peaks, and encodes Ogg/Opus with an MP3
 * fallback. Every file is decoded again and measured, and what it measured is returned to be
 * stored beside it.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm } from 'node:fs/promises';
import { nextEncoding, type EncodingSettings } from '../core/audio/encoding-correction.js';
import { integratedLoudness, loudnessTarget, trimSilence } from '../core/audio/loudness.js';
import { inputQueuePackets } from './decode.js';
import { measureAudioFiles, type Measurement } from './measure.js';
import { toFloat32Bytes, type Pcm } from './pcm.js';
import { runTool } from './tools.js';

/**
 * Bumped whenever this processing changes, so every file is rendered again: it is part of each
 * file's hash, like the text and the engine version.
 */
export const pipelineVersion = 'paso-audio-5';

/** The two formats written per sound: Ogg/Opus for Chromium, MP3 for any other browser. */
export const soundFormats = ['ogg', 'mp3'] as const;
/** One of {@link soundFormats}. */
export type SoundFormat = (typeof soundFormats)[number];

/** One written file's measurements and the SHA-256 of its bytes (what `audio:check` verifies). */
export interface FileFigures extends Measurement {
  sha256: string;
  bytes: number;
}

/** A sound as written: its length before encoding and each file's figures. */
export interface EncodedSound {
  /** Seconds of the trimmed speech, before the encoder padded it. */
  duration: number;
  files: Record<SoundFormat, FileFigures>;
}

/** The limiter's first ceiling: 3 dB under full scale leaves room for the codecs' usual overshoot. */
const firstLimiterCeilingDb = -3;

/** Encodings tried per sound before the last one is kept as it is (and `audio:check` names it). */
const maxEncodingAttempts = 4;

/** Sounds per ffmpeg: enough to pay for its start-up, few enough for its file descriptors. */
const soundsPerEncoder = 64;

let encodings = 0;

/** How many encodings this process has made, first attempts and corrections alike (the benchmark reports them per sound). */
export function encodingsMade(): number {
  return encodings;
}

/** Trims the silence around the words and brings the loudness to the target (before the limiter). */
export function shapeSpeech(pcm: Pcm): Pcm {
  const trimmed = trimSilence(pcm.samples, pcm.sampleRate);
  const loudness = integratedLoudness(trimmed, pcm.sampleRate);
  // Silence (an empty recording) is left as it is rather than amplified to noise.
  const gain = Number.isFinite(loudness) ? Math.pow(10, Math.max(-30, Math.min(30, loudnessTarget.lufs - loudness)) / 20) : 1;
  const shaped = new Float32Array(trimmed.length);
  for (let i = 0; i < trimmed.length; i++) shaped[i] = (trimmed[i] ?? 0) * gain;
  return { samples: shaped, sampleRate: pcm.sampleRate };
}

interface Work {
  pcm: Pcm;
  stem: string;
  partial: string;
  settings: EncodingSettings;
  measured?: Record<SoundFormat, Measurement>;
  accepted: boolean;
  /** Renamed to its final name. */
  kept?: boolean;
}

/**
 * Trims, normalises, limits and encodes each sound to `<stem>.ogg` and `<stem>.mp3`. Each
 * encoding is decoded again and measured with the meter `audio:check` uses; a sound whose codec
 * rebuilt its peaks above the bound, or whose loudness drifted (short sounds, encoder padding),
 * is encoded again with the limiter lower or the gain corrected. Up to 64 sounds share one
 * ffmpeg to encode and one to decode, each through its own filter chain, so no sound depends on
 * another. Files are written under temporary names and renamed when accepted, so an interrupted
 * build never leaves a half file that looks finished.
 */
export async function encodeSounds(sounds: readonly { pcm: Pcm; stem: string }[]): Promise<EncodedSound[]> {
  const results: EncodedSound[] = [];
  for (let start = 0; start < sounds.length; start += soundsPerEncoder) results.push(...(await encodeGroup(sounds.slice(start, start + soundsPerEncoder))));
  return results;
}

async function encodeGroup(sounds: readonly { pcm: Pcm; stem: string }[]): Promise<EncodedSound[]> {
  const work: Work[] = sounds.map(({ pcm, stem }) => ({
    pcm: shapeSpeech(pcm),
    stem,
    partial: `${stem}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`,
    settings: { gainDb: 0, limiterCeilingDb: firstLimiterCeilingDb },
    accepted: false,
  }));
  try {
    for (let attempt = 1; work.some((sound) => !sound.accepted); attempt++) {
      const pending = work.filter((sound) => !sound.accepted);
      await encodeBatch(pending);
      const measured = await measureAudioFiles(pending.flatMap((sound) => soundFormats.map((format) => `${sound.partial}.${format}`)));
      pending.forEach((sound, i) => {
        const [ogg, mp3] = [measured[2 * i], measured[2 * i + 1]];
        if (!ogg || !mp3) throw new Error(`ffmpeg gave no sound back for ${sound.stem}`);
        sound.measured = { ogg, mp3 };
        const next = nextEncoding({ peakDbfs: Math.max(sound.measured.ogg.peakDbfs, sound.measured.mp3.peakDbfs), loudness: { ogg: sound.measured.ogg.loudness, mp3: sound.measured.mp3.loudness } }, sound.settings);
        // After the last attempt the file is kept as it is, and audio:check names it.
        if (next === undefined || attempt === maxEncodingAttempts) sound.accepted = true;
        else sound.settings = next;
      });
    }
    const encoded: EncodedSound[] = [];
    for (const sound of work) {
      const files = {} as Record<SoundFormat, FileFigures>;
      for (const format of soundFormats) {
        const bytes = await readFile(`${sound.partial}.${format}`);
        const measured = sound.measured?.[format];
        if (!measured) throw new Error(`${sound.stem}.${format} was never measured`);
        files[format] = { ...measured, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      }
      // MP3 first, Ogg last: a store that finds the Ogg assumes the pair (its record comes later still).
      await rename(`${sound.partial}.mp3`, `${sound.stem}.mp3`);
      await rename(`${sound.partial}.ogg`, `${sound.stem}.ogg`);
      sound.kept = true;
      encoded.push({ duration: Math.round((sound.pcm.samples.length / sound.pcm.sampleRate) * 1000) / 1000, files });
    }
    return encoded;
  } finally {
    // Only what was not renamed is left to remove (a failure half-way).
    for (const sound of work) if (!sound.kept) for (const format of soundFormats) await rm(`${sound.partial}.${format}`, { force: true });
  }
}

/** Encodes each sound with its own settings, all in one ffmpeg (the i-th sound arrives on `pipe:<3+i>`). */
async function encodeBatch(sounds: readonly Work[]): Promise<void> {
  encodings += sounds.length;
  const inputs = sounds.flatMap(({ pcm }, i) => ['-thread_queue_size', inputQueuePackets, '-f', 'f32le', '-ar', String(pcm.sampleRate), '-ac', '1', '-i', `pipe:${i + 3}`]);
  const chains = sounds.map(({ settings }, i) => {
    const ceiling = Math.pow(10, settings.limiterCeilingDb / 20);
    return `[${i}:a]volume=${settings.gainDb.toFixed(2)}dB,alimiter=limit=${ceiling.toFixed(4)}:level=0:attack=2:release=40,asplit=2[opus${i}][mp3${i}]`;
  });
  const outputs = sounds.flatMap(({ partial }, i) => [
    // Opus at complexity 5 in its general ("audio") mode: its speech mode rebuilt some espeak
    // sentences with full-scale bursts, and complexity 10 cost three times the CPU for no
    // audible gain at 32 kb/s; any peak the codec still rebuilds is caught by the measuring
    // below and encoded again under a lower limiter. Frames of 60 ms rather than 20: a file is
    // played whole, never streamed live, and a third of the frames is a tenth less CPU to
    // encode and to decode again for measuring.
    ...['-map', `[opus${i}]`, '-c:a', 'libopus', '-b:a', '32k', '-application', 'audio', '-compression_level', '5', '-frame_duration', '60', '-f', 'ogg', `${partial}.ogg`],
    // LAME's quality 7 for the fallback (only browsers without Opus play it): a third of the CPU
    // of ffmpeg's default, and speech at 48 kb/s sounds the same.
    ...['-map', `[mp3${i}]`, '-c:a', 'libmp3lame', '-b:a', '48k', '-compression_level', '7', '-f', 'mp3', `${partial}.mp3`],
  ]);
  await runTool(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...inputs, '-filter_complex', chains.join(';'), ...outputs],
    undefined,
    sounds.map(({ pcm }) => toFloat32Bytes(pcm.samples)),
  );
}
