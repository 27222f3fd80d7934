/**
 * Decoding audio files with ffmpeg: human recordings read at another tempo, and the settings
 * shared with measure.ts, which decodes what the encoder wrote to measure it.
 */
import { fromFloat32Bytes, type Pcm } from './pcm.js';
import { runTool } from './tools.js';

/** The rate files are measured at: BS.1770's own, and Opus's native rate. */
export const measuringSampleRate = 48_000;

/**
 * Packets ffmpeg queues per input when it has many (`-thread_queue_size`; 8 by default in
 * ffmpeg 5): each input has its own reading thread, and with a short queue the threads and
 * the main loop wake each other for every few packets. Measured with 64 inputs: a fifth less
 * CPU to decode, a twentieth less to encode.
 */
export const inputQueuePackets = '4096';

/**
 * Decodes any audio ffmpeg reads (a file, or its bytes) to mono samples, optionally changing
 * its tempo without changing its pitch (`atempo`, for recordings at the slow and fast speeds).
 */
export async function decodeAudio(source: string | Buffer, options: { sampleRate?: number; tempo?: number } = {}): Promise<Pcm> {
  const sampleRate = options.sampleRate ?? 24_000;
  const tempo = options.tempo ?? 1;
  const fromBytes = typeof source !== 'string';
  const { stdout } = await runTool(
    'ffmpeg',
    [
      // Bytes come on standard input, so -nostdin would close the way in.
      ...['-hide_banner', '-loglevel', 'error', ...(fromBytes ? [] : ['-nostdin']), '-i', fromBytes ? 'pipe:0' : source],
      ...(tempo === 1 ? [] : ['-af', `atempo=${tempo}`]),
      ...['-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', 'pipe:1'],
    ],
    fromBytes ? source : undefined,
  );
  return { samples: fromFloat32Bytes(stdout), sampleRate };
}

/** ffmpeg's version line, e.g. `ffmpeg 5.1.9`; throws AudioToolMissing when it is not installed. */
export async function ffmpegVersion(): Promise<string> {
  const { stdout } = await runTool('ffmpeg', ['-hide_banner', '-version']);
  return `ffmpeg ${/ffmpeg version (\S+)/.exec(stdout.toString('utf8'))?.[1] ?? 'unknown'}`;
}
