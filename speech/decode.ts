/**
 * Decoding audio files back to samples with ffmpeg: to measure what the encoder wrote, to check
 * a build, and to read human recordings at another tempo.
 */
import { spawn } from 'node:child_process';
import { fromFloat32Bytes, fromInt16Chunks, type Pcm } from './pcm.js';
import { AudioToolMissing, countToolProcess, installAudioTools, runTool } from './tools.js';

/** The rate files are measured at: BS.1770's own, and Opus's native rate. */
export const measuringSampleRate = 48_000;

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
 * mono samples at `sampleRate`. Starting ffmpeg costs far more than decoding a prompt.
 */
export function decodeAudioFiles(files: readonly string[], sampleRate = measuringSampleRate): Promise<Pcm[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', ...files.flatMap((file) => ['-i', file])];
    // 16-bit samples: half the bytes of floats through the pipes, and exact for everything a
    // kept file can be (peaks under -1.5 dBFS; quantisation at -96 dB moves no loudness). A
    // rejected encoding that overshoots full scale reads as 0 dBFS: still too loud, so the
    // builder lowers its limiter and measures again.
    files.forEach((_, i) => args.push('-map', `${i}:a:0`, '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', `pipe:${i + 3}`));
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe', ...files.map(() => 'pipe' as const)] });
    countToolProcess();
    const chunks = files.map(() => [] as Buffer[]);
    files.forEach((_, i) => child.stdio[i + 3]?.on('data', (chunk: Buffer) => chunks[i]?.push(chunk)));
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new AudioToolMissing(`ffmpeg is not installed: install it with "${installAudioTools}", then try again.`) : error),
    );
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`ffmpeg could not decode: ${errors.trim().split('\n').slice(-2).join(' ') || `exit ${String(code)}`}`));
      else resolve(chunks.map((parts) => ({ samples: fromInt16Chunks(parts), sampleRate })));
    });
  });
}

/** ffmpeg's version line, e.g. `ffmpeg 5.1.9`; throws AudioToolMissing when it is not installed. */
export async function ffmpegVersion(): Promise<string> {
  const { stdout } = await runTool('ffmpeg', ['-hide_banner', '-version']);
  return `ffmpeg ${/ffmpeg version (\S+)/.exec(stdout.toString('utf8'))?.[1] ?? 'unknown'}`;
}
