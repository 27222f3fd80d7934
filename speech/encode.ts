/**
 * Turns speech into the files a kiosk plays: trims the silence before and after the words,
 * brings every prompt to the same loudness, limits the peaks, and encodes Ogg/Opus (and, when a
 * browser without Opus asks for it, an MP3 fallback: fallback.ts). Every file is decoded again
 * and measured, and what it measured is returned to be stored beside it.
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
export const pipelineVersion = 'paso-audio-6';

/**
 * The formats a sound can have: Ogg/Opus, which every kiosk plays (Electron is Chromium), made
 * for every sound; and MP3 for a browser without Opus (an older Safari opening the staff
 * preview), made only when one first asks for it. Encoding and measuring the MP3 of every
 * sound was over half of the speech build's CPU (342 → 140 CPU-seconds without it), for files
 * no kiosk ever loaded.
 */
export const soundFormats = ['ogg', 'mp3'] as const;
/** One of {@link soundFormats}. */
export type SoundFormat = (typeof soundFormats)[number];

/** One written file's measurements and the SHA-256 of its bytes (what `audio:check` verifies). */
export interface FileFigures extends Measurement {
  sha256: string;
  bytes: number;
}

/** A sound's files: always the Ogg, and the MP3 once a browser has asked for it. */
export interface SoundFiles {
  ogg: FileFigures;
  mp3?: FileFigures;
}

/** A sound as written: its length before encoding and each file's figures. */
export interface EncodedSound {
  /** Seconds of the trimmed speech, before the encoder padded it. */
  duration: number;
  files: SoundFiles;
}

/** One sound to encode: its samples and where its files go (`<stem>.<format>`). */
export interface SoundToEncode {
  pcm: Pcm;
  stem: string;
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
  measured?: Partial<Record<SoundFormat, Measurement>>;
  accepted: boolean;
  /** Renamed to its final name. */
  kept?: boolean;
}

/** What {@link encodeFormats} gives back per sound. */
interface EncodedFormats {
  duration: number;
  files: Partial<Record<SoundFormat, FileFigures>>;
}

/**
 * Trims, normalises, limits and encodes each sound to `<stem>.ogg`. Each encoding is decoded
 * again and measured with the meter `audio:check` uses; a sound whose codec rebuilt its peaks
 * above the bound, or whose loudness drifted (short sounds, encoder padding), is encoded again
 * with the limiter lower or the gain corrected. Up to 64 sounds share one ffmpeg to encode and
 * one to decode, each through its own filter chain, so no sound depends on another. Files are
 * written under temporary names and renamed when accepted, so an interrupted build never
 * leaves a half file that looks finished.
 */
export async function encodeSounds(sounds: readonly SoundToEncode[]): Promise<EncodedSound[]> {
  return (await encodeFormats(sounds, ['ogg'])).map(({ duration, files }, i) => {
    if (!files.ogg) throw new Error(`no Ogg file was written for ${sounds[i]?.stem ?? 'a sound'}`);
    return { duration, files: { ogg: files.ogg } };
  });
}

/**
 * Encodes each sound to `<stem>.mp3` alone, with the same shaping, bounds and corrections as
 * {@link encodeSounds}: the fallback made from a sound's Ogg when a browser asks for it.
 */
export async function encodeFallbacks(sounds: readonly SoundToEncode[]): Promise<FileFigures[]> {
  return (await encodeFormats(sounds, ['mp3'])).map(({ files }, i) => {
    if (!files.mp3) throw new Error(`no MP3 file was written for ${sounds[i]?.stem ?? 'a sound'}`);
    return files.mp3;
  });
}

async function encodeFormats(sounds: readonly SoundToEncode[], formats: readonly SoundFormat[]): Promise<EncodedFormats[]> {
  const results: EncodedFormats[] = [];
  for (let start = 0; start < sounds.length; start += soundsPerEncoder)
    results.push(...(await encodeGroup(sounds.slice(start, start + soundsPerEncoder), formats)));
  return results;
}

async function encodeGroup(sounds: readonly SoundToEncode[], formats: readonly SoundFormat[]): Promise<EncodedFormats[]> {
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
      await encodeBatch(pending, formats);
      const measured = await measureAudioFiles(pending.flatMap((sound) => formats.map((format) => `${sound.partial}.${format}`)));
      pending.forEach((sound, i) => {
        const files = formats.map((format, f) => {
          const figures = measured[i * formats.length + f];
          if (!figures) throw new Error(`ffmpeg gave no sound back for ${sound.stem}.${format}`);
          return [format, figures] as const;
        });
        sound.measured = Object.fromEntries(files);
        const next = nextEncoding(
          { peakDbfs: Math.max(...files.map(([, figures]) => figures.peakDbfs)), loudness: files.map(([, figures]) => figures.loudness) },
          sound.settings,
        );
        // After the last attempt the file is kept as it is, and audio:check names it.
        if (next === undefined || attempt === maxEncodingAttempts) sound.accepted = true;
        else sound.settings = next;
      });
    }
    const encoded: EncodedFormats[] = [];
    for (const sound of work) {
      const files: Partial<Record<SoundFormat, FileFigures>> = {};
      for (const format of formats) {
        const bytes = await readFile(`${sound.partial}.${format}`);
        const measured = sound.measured?.[format];
        if (!measured) throw new Error(`${sound.stem}.${format} was never measured`);
        files[format] = { ...measured, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      }
      // A store counts a sound as finished by its record, written after these renames.
      for (const format of formats) await rename(`${sound.partial}.${format}`, `${sound.stem}.${format}`);
      sound.kept = true;
      encoded.push({ duration: Math.round((sound.pcm.samples.length / sound.pcm.sampleRate) * 1000) / 1000, files });
    }
    return encoded;
  } finally {
    // Only what was not renamed is left to remove (a failure half-way).
    for (const sound of work) if (!sound.kept) for (const format of formats) await rm(`${sound.partial}.${format}`, { force: true });
  }
}

/** The encoder's arguments for each format, writing `file`. */
const encoderArguments: Record<SoundFormat, (file: string) => string[]> = {
  // Opus at complexity 5 in its general ("audio") mode: its speech mode rebuilt some espeak
  // sentences with full-scale bursts, and complexity 10 cost three times the CPU for no
  // audible gain at 32 kb/s; any peak the codec still rebuilds is caught by the measuring
  // and encoded again under a lower limiter. Frames of 60 ms rather than 20: a file is
  // played whole, never streamed live, and a third of the frames is a tenth less CPU to
  // encode and to decode again for measuring.
  ogg: (file) => ['-c:a', 'libopus', '-b:a', '32k', '-application', 'audio', '-compression_level', '5', '-frame_duration', '60', '-f', 'ogg', file],
  // LAME's quality 7 for the fallback: a third of the CPU of ffmpeg's default, and speech at
  // 48 kb/s sounds the same.
  mp3: (file) => ['-c:a', 'libmp3lame', '-b:a', '48k', '-compression_level', '7', '-f', 'mp3', file],
};

/** Encodes each sound to `formats` with its own settings, all in one ffmpeg (the i-th sound arrives on `pipe:<3+i>`). */
async function encodeBatch(sounds: readonly Work[], formats: readonly SoundFormat[]): Promise<void> {
  encodings += sounds.length;
  const inputs = sounds.flatMap(({ pcm }, i) => [
    '-thread_queue_size',
    inputQueuePackets,
    '-f',
    'f32le',
    '-ar',
    String(pcm.sampleRate),
    '-ac',
    '1',
    '-i',
    `pipe:${i + 3}`,
  ]);
  const label = (format: SoundFormat, i: number): string => `[${format}${i}]`;
  const chains = sounds.map(({ settings }, i) => {
    const ceiling = Math.pow(10, settings.limiterCeilingDb / 20);
    const split = formats.length > 1 ? `,asplit=${formats.length}` : '';
    return `[${i}:a]volume=${settings.gainDb.toFixed(2)}dB,alimiter=limit=${ceiling.toFixed(4)}:level=0:attack=2:release=40${split}${formats.map((format) => label(format, i)).join('')}`;
  });
  const outputs = sounds.flatMap(({ partial }, i) =>
    formats.flatMap((format) => ['-map', label(format, i), ...encoderArguments[format](`${partial}.${format}`)]),
  );
  await runTool(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...inputs, '-filter_complex', chains.join(';'), ...outputs],
    undefined,
    sounds.map(({ pcm }) => toFloat32Bytes(pcm.samples)),
  );
}
