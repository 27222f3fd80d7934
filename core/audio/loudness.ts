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
  for (let i = 0; i < samples.length; i++) {
    const magnitude = Math.abs(samples[i] ?? 0);
    if (magnitude > peak) peak = magnitude;
  }
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

/**
 * The K-weighted energy of each 100 ms step (the last one may be partial), in one pass over the
 * samples with both filters inline: a build measures thousands of files, and the meter used to
 * allocate three copies of each.
 */
function kWeightedSteps(samples: Float32Array, sampleRate: number): { sums: Float64Array; step: number } {
  const [shelf, highPass] = kWeighting(sampleRate);
  const step = Math.round(0.1 * sampleRate);
  const sums = new Float64Array(Math.ceil(samples.length / step));
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  let z1 = 0;
  let z2 = 0;
  for (let index = 0; index < sums.length; index++) {
    let energy = 0;
    const end = Math.min(samples.length, (index + 1) * step);
    for (let i = index * step; i < end; i++) {
      const x = samples[i] ?? 0;
      const y = shelf.b0 * x + shelf.b1 * x1 + shelf.b2 * x2 - shelf.a1 * y1 - shelf.a2 * y2;
      x2 = x1;
      x1 = x;
      const z = highPass.b0 * y + highPass.b1 * y1 + highPass.b2 * y2 - highPass.a1 * z1 - highPass.a2 * z2;
      y2 = y1;
      y1 = y;
      z2 = z1;
      z1 = z;
      energy += z * z;
    }
    sums[index] = energy;
  }
  return { sums, step };
}

/**
 * Integrated loudness of mono samples: 400 ms blocks (four 100 ms steps) overlapping by 75 %,
 * absolute gate at -70 LUFS, relative gate 10 LU under the gated mean. A clip shorter than one
 * block (a one-word button label) is measured as a single block, where ffmpeg would give up.
 */
export function integratedLoudness(samples: Float32Array, sampleRate: number): Lufs {
  const { sums, step } = kWeightedSteps(samples, sampleRate);
  const stepsPerBlock = 4;
  const powers: number[] = [];
  if (samples.length < stepsPerBlock * step) powers.push(sums.reduce((sum, value) => sum + value, 0) / Math.max(1, samples.length));
  for (let first = 0; (first + stepsPerBlock) * step <= samples.length; first++) {
    let energy = 0;
    for (let k = first; k < first + stepsPerBlock; k++) energy += sums[k] ?? 0;
    powers.push(energy / (stepsPerBlock * step));
  }
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

/** Milliseconds of silence before the first sound (within 40 dB of the peak; pass the peak in dBFS when it is known). */
export function leadingSilenceMs(samples: Float32Array, sampleRate: number, knownPeakDbfs?: number): number {
  const peak = Math.pow(10, (knownPeakDbfs ?? peakDbfs(samples)) / 20);
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) < peak * 0.01) first++;
  return (first / sampleRate) * 1000;
}
