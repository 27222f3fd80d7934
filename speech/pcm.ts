/**
 * Mono audio as numbers: reading the WAV that espeak-ng writes, and the raw 32-bit floats ffmpeg
 * reads and writes on its pipes.
 */

/** Mono samples in [-1, 1] at a sample rate. */
export interface Pcm {
  samples: Float32Array;
  sampleRate: number;
}

/**
 * Reads a 16-bit PCM WAV. espeak-ng writing to a pipe cannot know the length in advance and puts
 * a placeholder in the size fields, so the data chunk is read to the end of the buffer.
 */
export function readWav(bytes: Buffer): Pcm {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('this is not a WAV file');
  let offset = 12;
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = bytes.readUInt16LE(body + 2);
      sampleRate = bytes.readUInt32LE(body + 4);
      bits = bytes.readUInt16LE(body + 14);
    } else if (id === 'data') {
      if (bits !== 16 || channels < 1) throw new Error(`only 16-bit PCM WAV is read here (this one has ${bits} bits, ${channels} channels)`);
      const end = Math.min(bytes.length, body + size);
      const frames = Math.floor((end - body) / (2 * channels));
      // Copied into an aligned array (the data chunk may start at an odd offset), then read as
      // 16-bit integers in one pass; the platform is little-endian like the WAV format.
      const raw = new Int16Array(frames * channels);
      new Uint8Array(raw.buffer).set(bytes.subarray(body, body + frames * 2 * channels));
      const samples = new Float32Array(frames);
      // Mixes down to mono by keeping the first channel: espeak-ng is mono anyway.
      for (let i = 0; i < frames; i++) samples[i] = (raw[i * channels] ?? 0) / 32768;
      return { samples, sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('this WAV file has no sound data');
}

/** Little-endian 32-bit floats, as ffmpeg's `f32le` format reads them (a view, no copy: x86 and ARM are little-endian). */
export function toFloat32Bytes(samples: Float32Array): Buffer {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
}

/** The reverse of {@link toFloat32Bytes}; copies, since a pipe's chunks need not be 4-byte aligned. */
export function fromFloat32Bytes(bytes: Buffer): Float32Array {
  const samples = new Float32Array(Math.floor(bytes.length / 4));
  new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.length * 4));
  return samples;
}

/**
 * Little-endian 16-bit samples arriving in chunks (a pipe's), as floats in [-1, 1), converted
 * straight from the chunks: no joined copy of a file's worth of bytes.
 */
export function fromInt16Chunks(chunks: readonly Buffer[]): Float32Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const samples = new Float32Array(Math.floor(total / 2));
  let at = 0;
  let carry = -1;
  for (const chunk of chunks) {
    let offset = 0;
    // A sample split across two chunks.
    if (carry >= 0 && chunk.length > 0) {
      samples[at++] = ((((chunk[0] ?? 0) << 8) | carry) << 16 >> 16) / 32768;
      carry = -1;
      offset = 1;
    }
    const whole = Math.floor((chunk.length - offset) / 2);
    // Read through a 16-bit view where the bytes are aligned (they nearly always are), else copied once.
    const start = chunk.byteOffset + offset;
    const view = start % 2 === 0 ? new Int16Array(chunk.buffer, start, whole) : new Int16Array(chunk.buffer.slice(start, start + whole * 2));
    for (let i = 0; i < whole; i++) samples[at++] = (view[i] as number) / 32768;
    if ((chunk.length - offset) % 2 === 1) carry = chunk[chunk.length - 1] ?? 0;
  }
  return samples;
}
