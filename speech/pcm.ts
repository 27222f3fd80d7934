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
      // Read in place through a 16-bit view when the data chunk is aligned (it is in espeak-ng's
      // WAV), else from one aligned copy; then one pass to floats. The platform is
      // little-endian like the WAV format.
      const start = bytes.byteOffset + body;
      const raw =
        start % 2 === 0
          ? new Int16Array(bytes.buffer, start, frames * channels)
          : new Int16Array(new Uint8Array(bytes.subarray(body, body + frames * 2 * channels)).buffer);
      const samples = new Float32Array(frames);
      // Mixes down to mono by keeping the first channel: espeak-ng is mono anyway.
      for (let i = 0; i < frames; i++) samples[i] = (raw[i * channels] as number) / 32768;
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
