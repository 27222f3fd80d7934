/**
 * Measures and shapes mono speech held as samples in [-1, 1]: integrated loudness after
 * ITU-R BS.1770 (K-weighting, 400 ms blocks with 75 % overlap, absolute and relative gates),
 * sample peak, and trimming of the silence around the words. Pure, so the builder and
 * `audio:check` measure the same way; a test holds it against ffmpeg's ebur128.
 */

/** Loudness units relative to full scale; -Infinity for silence. */
export type Lufs = number;

/** The loudness every prompt is brought to, and how far `audio:check` lets one stray. */
export const loudnessTarget = { lufs: -20, toleranceLu: 2, maxPeakDbfs: -1 } as const;

/** Decibels of a linear amplitude. */
export function toDb(amplitude: number): number {
  return 20 * Math.log10(amplitude);
}

/** The largest absolute sample, in dBFS. */
export function peakDbfs(samples: Float32Array): number {
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  return toDb(peak);
}

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

// The K-weighting filters of BS.1770 derived for any sample rate (the standard gives them at 48 kHz only).
function kWeighting(sampleRate: number): [Biquad, Biquad] {
  const shelfK = Math.tan((Math.PI * 1681.974450955533) / sampleRate);
  const shelfQ = 0.7071752369554196;
  const vh = Math.pow(10, 3.999843853973347 / 20);
  const vb = Math.pow(vh, 0.4996667741545416);
  const shelfA0 = 1 + shelfK / shelfQ + shelfK * shelfK;
  const shelf: Biquad = {
    b0: (vh + (vb * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
    b1: (2 * (shelfK * shelfK - vh)) / shelfA0,
    b2: (vh - (vb * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
    a1: (2 * (shelfK * shelfK - 1)) / shelfA0,
    a2: (1 - shelfK / shelfQ + shelfK * shelfK) / shelfA0,
  };
  const passK = Math.tan((Math.PI * 38.13547087602444) / sampleRate);
  const passQ = 0.5003270373238773;
  const passA0 = 1 + passK / passQ + passK * passK;
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (passK * passK - 1)) / passA0, a2: (1 - passK / passQ + passK * passK) / passA0 };
  return [shelf, highPass];
}

function filter(input: ArrayLike<number>, { b0, b1, b2, a1, a2 }: Biquad): Float64Array {
  const output = new Float64Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i] ?? 0;
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    output[i] = y;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return output;
}

/**
 * Integrated loudness of mono samples. A clip shorter than one 400 ms block (a one-word button
 * label) is measured as a single block, where ffmpeg would give up.
 */
export function integratedLoudness(samples: Float32Array, sampleRate: number): Lufs {
  const [shelf, highPass] = kWeighting(sampleRate);
  const weighted = filter(filter(samples, shelf), highPass);
  const blockLength = Math.round(0.4 * sampleRate);
  const step = Math.round(0.1 * sampleRate);
  // Running sums of the squares: each 400 ms block overlaps the next by 75 %, and summing each
  // block afresh would square every sample four times over (thousands of files per build).
  const squares = new Float64Array(weighted.length + 1);
  for (let i = 0; i < weighted.length; i++) squares[i + 1] = (squares[i] ?? 0) + (weighted[i] ?? 0) ** 2;
  const meanSquare = (start: number, end: number): number => ((squares[end] ?? 0) - (squares[start] ?? 0)) / Math.max(1, end - start);
  const powers: number[] = [];
  if (weighted.length < blockLength) powers.push(meanSquare(0, weighted.length));
  for (let start = 0; start + blockLength <= weighted.length; start += step) powers.push(meanSquare(start, start + blockLength));
  const loudness = (power: number): Lufs => -0.691 + 10 * Math.log10(power);
  const aboveAbsolute = powers.filter((power) => loudness(power) > -70);
  if (aboveAbsolute.length === 0) return -Infinity;
  const relativeGate = loudness(mean(aboveAbsolute)) - 10;
  const gated = aboveAbsolute.filter((power) => loudness(power) > relativeGate);
  return loudness(mean(gated));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Cuts the silence before and after the words, keeping `leadMs` before the first sound (so the
 * prompt starts promptly, well under the 300 ms allowed) and `tailMs` after the last. "Sound"
 * is anything within 40 dB of the clip's peak.
 */
export function trimSilence(samples: Float32Array, sampleRate: number, leadMs = 60, tailMs = 150): Float32Array {
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  if (peak === 0) return samples;
  const threshold = peak * 0.01;
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) < threshold) first++;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] ?? 0) < threshold) last--;
  const start = Math.max(0, first - Math.round((leadMs / 1000) * sampleRate));
  const end = Math.min(samples.length, last + 1 + Math.round((tailMs / 1000) * sampleRate));
  return samples.slice(start, end);
}

/** Milliseconds of silence before the first sound (within 40 dB of the peak). */
export function leadingSilenceMs(samples: Float32Array, sampleRate: number): number {
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) < peak * 0.01) first++;
  return (first / sampleRate) * 1000;
}
