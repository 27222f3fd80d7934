/**
 * Turns speech into the files a kiosk plays: trims the silence before and after the words,
 * brings every prompt to the same loudness, limits the peaks, and encodes Ogg/Opus with an MP3
 * fallback. Shared by `npm run audio:build` and the hub's on-demand help sentences.
 */
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { integratedLoudness, loudnessTarget, peakDbfs, trimSilence } from '../../core/audio/loudness.js';
import { nextEncoding, type EncodingSettings } from '../../core/audio/encoding-correction.js';
import type { PromptSpeed } from '../../core/audio/manifest.js';
import type { SpeechEngine } from './engine.js';
import { fromFloat32Bytes, toFloat32Bytes, type Pcm } from './pcm.js';
import { AudioToolMissing, installAudioTools, runTool } from './tools.js';

/**
 * Bumped whenever this processing changes, so every file is rendered again: it is part of each
 * file's hash, like the text and the engine version.
 */
export const pipelineVersion = 'paso-audio-3';

/** How much faster or slower a recording is played per speed; recordings are taken as `normal`. */
export const recordingTempo: Readonly<Record<PromptSpeed, number>> = { slow: 0.75, normal: 1, fast: 1.25 };

/** The limiter's first ceiling: 3 dB under full scale leaves room for the codecs' usual overshoot. */
const firstLimiterCeilingDb = -3;

/** Encodings tried per sound before the last one is kept as it is (and `audio:check` names it). */
const maxEncodingAttempts = 4;

/** Trims the silence around the words and brings the loudness to the target (before the limiter). */
export function shapeSpeech(pcm: Pcm): Pcm {
  const trimmed = trimSilence(pcm.samples, pcm.sampleRate);
  const loudness = integratedLoudness(trimmed, pcm.sampleRate);
  // Silence (an empty recording) is left as it is rather than amplified to noise.
  const gain = Number.isFinite(loudness) ? Math.pow(10, Math.max(-30, Math.min(30, loudnessTarget.lufs - loudness)) / 20) : 1;
  return { samples: trimmed.map((sample) => sample * gain), sampleRate: pcm.sampleRate };
}

/**
 * Trims, normalises, limits and encodes each sound to `<stem>.ogg` and `<stem>.mp3`, returning
 * the durations in seconds. Each encoding is decoded again and measured with the meter
 * `audio:check` uses; a sound whose codec rebuilt its peaks above the bound, or whose loudness
 * drifted (short sounds, encoder padding), is encoded again with the limiter lower or the gain
 * corrected. The sounds of one call share one ffmpeg to encode and one to decode (starting
 * ffmpeg costs more than encoding a prompt), each through its own filter chain, so no sound
 * depends on another. Files are written under temporary names and renamed when accepted, so an
 * interrupted build never leaves a half file that looks finished.
 */
export async function encodeSounds(sounds: readonly { pcm: Pcm; stem: string }[]): Promise<number[]> {
  const work = sounds.map(({ pcm, stem }) => ({
    pcm: shapeSpeech(pcm),
    stem,
    partial: `${stem}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`,
    settings: { gainDb: 0, limiterCeilingDb: firstLimiterCeilingDb } as EncodingSettings,
    accepted: false,
  }));
  try {
    for (let attempt = 1; work.some((sound) => !sound.accepted); attempt++) {
      const pending = work.filter((sound) => !sound.accepted);
      await encodeBatch(pending);
      const decoded = await decodeAudioFiles(pending.flatMap((sound) => [`${sound.partial}.ogg`, `${sound.partial}.mp3`]));
      pending.forEach((sound, i) => {
        const [ogg, mp3] = [decoded[2 * i], decoded[2 * i + 1]];
        if (!ogg || !mp3) throw new Error(`ffmpeg gave no sound back for ${sound.stem}`);
        const measured = {
          peakDbfs: Math.max(peakDbfs(ogg.samples), peakDbfs(mp3.samples)),
          loudness: { ogg: integratedLoudness(ogg.samples, ogg.sampleRate), mp3: integratedLoudness(mp3.samples, mp3.sampleRate) },
        };
        const next = nextEncoding(measured, sound.settings);
        // After the last attempt the file is kept as it is, and audio:check names it.
        if (next === undefined || attempt === maxEncodingAttempts) sound.accepted = true;
        else sound.settings = next;
      });
    }
    for (const sound of work) {
      await rename(`${sound.partial}.mp3`, `${sound.stem}.mp3`);
      await rename(`${sound.partial}.ogg`, `${sound.stem}.ogg`);
    }
  } finally {
    for (const sound of work) {
      await rm(`${sound.partial}.ogg`, { force: true });
      await rm(`${sound.partial}.mp3`, { force: true });
    }
  }
  return work.map(({ pcm }) => Math.round((pcm.samples.length / pcm.sampleRate) * 1000) / 1000);
}

/** Encodes each sound with its own settings, all in one ffmpeg (the i-th sound arrives on `pipe:<3+i>`). */
async function encodeBatch(sounds: readonly { pcm: Pcm; partial: string; settings: EncodingSettings }[]): Promise<void> {
  const inputs = sounds.flatMap(({ pcm }, i) => ['-f', 'f32le', '-ar', String(pcm.sampleRate), '-ac', '1', '-i', `pipe:${i + 3}`]);
  const chains = sounds.map(({ settings }, i) => {
    const ceiling = Math.pow(10, settings.limiterCeilingDb / 20);
    return `[${i}:a]volume=${settings.gainDb.toFixed(2)}dB,alimiter=limit=${ceiling.toFixed(4)}:level=0:attack=2:release=40,asplit=2[opus${i}][mp3${i}]`;
  });
  const outputs = sounds.flatMap(({ partial }, i) => [
    // Full encoder complexity (libopus's own default): at lower complexity its speech mode
    // rebuilt some espeak sentences with full-scale bursts (+2.7 dBFS after a -3 dB limiter).
    ...['-map', `[opus${i}]`, '-c:a', 'libopus', '-b:a', '32k', '-application', 'audio', '-compression_level', '10', '-f', 'ogg', `${partial}.ogg`],
    ...['-map', `[mp3${i}]`, '-c:a', 'libmp3lame', '-b:a', '48k', '-f', 'mp3', `${partial}.mp3`],
  ]);
  await runTool(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...inputs, '-filter_complex', chains.join(';'), ...outputs],
    undefined,
    sounds.map(({ pcm }) => toFloat32Bytes(pcm.samples)),
  );
}

/** Speaks `text` with the engine at each speed and writes the files; returns the durations. */
export async function renderSpeech(engine: SpeechEngine, text: string, language: string, targets: readonly { speed: PromptSpeed; stem: string }[]): Promise<number[]> {
  const sounds = [];
  for (const { speed, stem } of targets) sounds.push({ pcm: await engine.synthesize(text, language, speed), stem });
  return encodeSounds(sounds);
}

/**
 * Decodes any audio file ffmpeg reads to mono samples, optionally changing its tempo without
 * changing its pitch (`atempo`, for recordings at the slow and fast speeds).
 */
export async function decodeAudio(file: string, options: { sampleRate?: number; tempo?: number } = {}): Promise<Pcm> {
  const sampleRate = options.sampleRate ?? 24_000;
  const tempo = options.tempo ?? 1;
  const { stdout } = await runTool('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', file],
    ...(tempo === 1 ? [] : ['-af', `atempo=${tempo}`]),
    ...['-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', 'pipe:1'],
  ]);
  return { samples: fromFloat32Bytes(stdout), sampleRate };
}

/**
 * Decodes several files with one ffmpeg, each to its own pipe (file descriptors 3, 4, …), as
 * mono samples at `sampleRate`. `audio:check` measures thousands of short files, and starting
 * ffmpeg costs far more than decoding one.
 */
export function decodeAudioFiles(files: readonly string[], sampleRate = 48_000): Promise<Pcm[]> {
  return new Promise((resolve, reject) => {
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', ...files.flatMap((file) => ['-i', file])];
    files.forEach((_, i) => args.push('-map', `${i}:a:0`, '-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', `pipe:${i + 3}`));
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe', ...files.map(() => 'pipe' as const)] });
    const chunks = files.map(() => [] as Buffer[]);
    files.forEach((_, i) => child.stdio[i + 3]?.on('data', (chunk: Buffer) => chunks[i]?.push(chunk)));
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new AudioToolMissing(`ffmpeg is not installed: install it with "${installAudioTools}", then try again.`) : error),
    );
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`ffmpeg could not decode: ${errors.trim().split('\n').slice(-2).join(' ') || `exit ${String(code)}`}`));
      else resolve(chunks.map((parts) => ({ samples: fromFloat32Bytes(Buffer.concat(parts)), sampleRate })));
    });
  });
}

/** Renders a human recording at each speed (tempo changed, pitch kept); returns the durations. */
export async function renderRecording(file: string, targets: readonly { speed: PromptSpeed; stem: string }[]): Promise<number[]> {
  const sounds = [];
  for (const { speed, stem } of targets) sounds.push({ pcm: await decodeAudio(file, { tempo: recordingTempo[speed] }), stem });
  return encodeSounds(sounds);
}

/** ffmpeg's version line, e.g. `ffmpeg 5.1.9`; throws AudioToolMissing when it is not installed. */
export async function ffmpegVersion(): Promise<string> {
  const { stdout } = await runTool('ffmpeg', ['-hide_banner', '-version']);
  return `ffmpeg ${/ffmpeg version (\S+)/.exec(stdout.toString('utf8'))?.[1] ?? 'unknown'}`;
}
