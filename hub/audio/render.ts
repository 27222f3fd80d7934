/**
 * Turns speech into the files a kiosk plays: trims the silence before and after the words,
 * brings every prompt to the same loudness, limits the peaks, and encodes Ogg/Opus with an MP3
 * fallback. Shared by `npm run audio:build` and the hub's on-demand help sentences.
 */
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import { integratedLoudness, loudnessTarget, trimSilence } from '../../core/audio/loudness.js';
import type { PromptSpeed } from '../../core/audio/manifest.js';
import type { SpeechEngine } from './engine.js';
import { fromFloat32Bytes, toFloat32Bytes, type Pcm } from './pcm.js';
import { AudioToolMissing, installAudioTools, runTool } from './tools.js';

/**
 * Bumped whenever this processing changes, so every file is rendered again: it is part of each
 * file's hash, like the text and the engine version.
 */
export const pipelineVersion = 'paso-audio-2';

/** How much faster or slower a recording is played per speed; recordings are taken as `normal`. */
export const recordingTempo: Readonly<Record<PromptSpeed, number>> = { slow: 0.75, normal: 1, fast: 1.25 };

// The limiter sits 3 dB under full scale: Opus overshoots by up to about 1 dB on decoding, and the check allows -1 dBFS.
const limiterCeiling = Math.pow(10, -3 / 20);

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
 * the durations in seconds. One ffmpeg per sound, so no sound's encoding can depend on its
 * neighbours'. (Some Opus files still decode with peaks above -1 dBFS where their MP3 does not;
 * `audio:check` lists them, and batching turned out not to be the cause.) Files are written under temporary names and
 * renamed when complete, so an interrupted build never leaves a half file that looks finished.
 */
export async function encodeSounds(sounds: readonly { pcm: Pcm; stem: string }[]): Promise<number[]> {
  const durations: number[] = [];
  for (const { pcm, stem } of sounds) durations.push(await encodeSound(shapeSpeech(pcm), stem));
  return durations;
}

async function encodeSound(pcm: Pcm, stem: string): Promise<number> {
  const partial = `${stem}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const limiter = `alimiter=limit=${limiterCeiling.toFixed(4)}:level=0:attack=2:release=40`;
  try {
    await runTool(
      'ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-f', 'f32le', '-ar', String(pcm.sampleRate), '-ac', '1', '-i', 'pipe:0'],
        ...['-filter_complex', `[0:a]${limiter},asplit=2[opus][mp3]`],
        ...['-map', '[opus]', '-c:a', 'libopus', '-b:a', '32k', '-application', 'voip', '-compression_level', '5', '-f', 'ogg', `${partial}.ogg`],
        ...['-map', '[mp3]', '-c:a', 'libmp3lame', '-b:a', '48k', '-f', 'mp3', `${partial}.mp3`],
      ],
      toFloat32Bytes(pcm.samples),
    );
    await rename(`${partial}.mp3`, `${stem}.mp3`);
    await rename(`${partial}.ogg`, `${stem}.ogg`);
  } finally {
    await rm(`${partial}.ogg`, { force: true });
    await rm(`${partial}.mp3`, { force: true });
  }
  return Math.round((pcm.samples.length / pcm.sampleRate) * 1000) / 1000;
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
