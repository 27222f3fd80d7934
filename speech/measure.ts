/**
 * What a decoded file measures: sample peak, integrated loudness (BS.1770, the meter in
 * core/audio/loudness.ts), silence before the words and length. The builder stores these beside
 * every file it writes; `audio:check` holds them to the bounds and decodes a sample again to
 * prove them honest. Files are measured as ffmpeg decodes them, block by block from its pipes,
 * so no file is ever held as one array of floats.
 */
import { spawn } from 'node:child_process';
import { ClipMeter, type ClipMeasurement } from '../core/audio/loudness.js';
import { inputQueuePackets, measuringSampleRate } from './decode.js';
import { AudioToolMissing, countToolProcess, installAudioTools } from './tools.js';

/** What one file measured once decoded. */
export type Measurement = ClipMeasurement;

/**
 * Feeds a pipe's bytes (little-endian 16-bit samples, chunks of any length and alignment) to a
 * meter: aligned whole samples go in as views, a sample split across two chunks is joined.
 */
export function int16Feeder(meter: ClipMeter): (chunk: Buffer) => void {
  let carry: number | undefined;
  return (chunk) => {
    let bytes = chunk;
    if (carry !== undefined && bytes.length > 0) {
      bytes = Buffer.concat([Buffer.from([carry]), bytes]);
      carry = undefined;
    }
    const whole = bytes.length >> 1;
    if (bytes.length % 2 === 1) carry = bytes[bytes.length - 1];
    if (whole === 0) return;
    // A view where the bytes are aligned (pipe reads nearly always are), else one copy.
    meter.add(
      bytes.byteOffset % 2 === 0 ? new Int16Array(bytes.buffer, bytes.byteOffset, whole) : new Int16Array(new Uint8Array(bytes.subarray(0, whole * 2)).buffer),
    );
  };
}

/**
 * Decodes several files with one ffmpeg, each to its own pipe (file descriptors 3, 4, …), as
 * mono 16-bit samples at `sampleRate`, and measures each as it arrives. Starting ffmpeg costs
 * far more than decoding a prompt. Rejects when any file does not decode.
 */
export function measureAudioFiles(files: readonly string[], sampleRate = measuringSampleRate): Promise<Measurement[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', ...files.flatMap((file) => ['-thread_queue_size', inputQueuePackets, '-i', file])];
    // 16-bit samples: half the bytes of floats through the pipes, and exact for everything a
    // kept file can be (peaks under -1.5 dBFS; quantisation at -96 dB moves no loudness). A
    // rejected encoding that overshoots full scale reads as 0 dBFS: still too loud, so the
    // builder lowers its limiter and measures again. Outputs are not flushed after every packet
    // (ffmpeg's default for a pipe): that wrote a 2 KB chunk per Opus frame, and this process
    // spent more time taking chunks than measuring.
    files.forEach((_, i) => args.push('-map', `${i}:a:0`, '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', '-flush_packets', '0', `pipe:${i + 3}`));
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe', ...files.map(() => 'pipe' as const)] });
    countToolProcess();
    const meters = files.map(() => new ClipMeter(sampleRate));
    meters.forEach((meter, i) => child.stdio[i + 3]?.on('data', int16Feeder(meter)));
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new AudioToolMissing(`ffmpeg is not installed: install it with "${installAudioTools}", then try again.`) : error),
    );
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`ffmpeg could not decode: ${errors.trim().split('\n').slice(-2).join(' ') || `exit ${String(code)}`}`));
      else resolve(meters.map((meter) => meter.finish()));
    });
  });
}

/** Decodes and measures one file. */
export async function measureFile(file: string): Promise<Measurement> {
  const [measured] = await measureAudioFiles([file]);
  if (!measured) throw new Error(`${file} gave no sound`);
  return measured;
}
