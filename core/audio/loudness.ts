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

/** Samples as the meter takes them: floats in [-1, 1], or 16-bit integers read as `value / 32768`. */
export type MeterSamples = Float32Array | Int16Array;

/**
 * The K-weighted energy of each 100 ms step (the last one may be partial), accumulated block by
 * block as samples arrive, with both filters inline: a build measures thousands of decoded
 * files straight from ffmpeg's pipe, never holding a file's samples as one array of floats.
 */
class KWeightedSteps {
  readonly step: number;
  readonly sums: number[] = [];
  samples = 0;
  private readonly shelf: Biquad;
  private readonly highPass: Biquad;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  private z1 = 0;
  private z2 = 0;
  private energy = 0;
  private inStep = 0;

  constructor(sampleRate: number) {
    [this.shelf, this.highPass] = kWeighting(sampleRate);
    this.step = Math.round(0.1 * sampleRate);
  }

  /** Adds samples (each times `scale`) and returns the largest magnitude among them. */
  add(block: MeterSamples, scale: number): number {
    const { step, sums } = this;
    // Coefficients and the filters' state in locals: V8 then keeps them in registers (with
    // field reads and writes per sample the loop took three times as long).
    const { b0: sb0, b1: sb1, b2: sb2, a1: sa1, a2: sa2 } = this.shelf;
    const { b0: hb0, b1: hb1, b2: hb2, a1: ha1, a2: ha2 } = this.highPass;
    let { x1, x2, y1, y2, z1, z2, energy, inStep } = this;
    let peak = 0;
    for (let i = 0; i < block.length; i++) {
      const x = (block[i] as number) * scale;
      const magnitude = x < 0 ? -x : x;
      if (magnitude > peak) peak = magnitude;
      const y = sb0 * x + sb1 * x1 + sb2 * x2 - sa1 * y1 - sa2 * y2;
      x2 = x1;
      x1 = x;
      const z = hb0 * y + hb1 * y1 + hb2 * y2 - ha1 * z1 - ha2 * z2;
      y2 = y1;
      y1 = y;
      z2 = z1;
      z1 = z;
      energy += z * z;
      if (++inStep === step) {
        sums.push(energy);
        energy = 0;
        inStep = 0;
      }
    }
    this.x1 = x1;
    this.x2 = x2;
    this.y1 = y1;
    this.y2 = y2;
    this.z1 = z1;
    this.z2 = z2;
    this.energy = energy;
    this.inStep = inStep;
    this.samples += block.length;
    return peak;
  }

  /** The gated loudness of everything added (the partial last step counted). */
  loudness(): Lufs {
    const sums = this.inStep > 0 ? [...this.sums, this.energy] : this.sums;
    return gatedLoudness(sums, this.step, this.samples);
  }
}

/**
 * Integrated loudness from 100 ms step energies: 400 ms blocks (four steps) overlapping by
 * 75 %, absolute gate at -70 LUFS, relative gate 10 LU under the gated mean. A clip shorter
 * than one block (a one-word button label) is measured as a single block, where ffmpeg would
 * give up.
 */
function gatedLoudness(sums: readonly number[], step: number, samples: number): Lufs {
  const stepsPerBlock = 4;
  const powers: number[] = [];
  if (samples < stepsPerBlock * step) powers.push(sums.reduce((sum, value) => sum + value, 0) / Math.max(1, samples));
  for (let first = 0; (first + stepsPerBlock) * step <= samples; first++) {
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

/** Integrated loudness of mono samples after ITU-R BS.1770 (see `gatedLoudness` for the gates). */
export function integratedLoudness(samples: Float32Array, sampleRate: number): Lufs {
  const steps = new KWeightedSteps(sampleRate);
  steps.add(samples, 1);
  return steps.loudness();
}

/** What a whole clip measures: sample peak, integrated loudness, silence before the words, length. */
export interface ClipMeasurement {
  peakDbfs: number;
  /** LUFS; -Infinity for silence. */
  loudness: Lufs;
  leadingSilenceMs: number;
  /** Seconds. */
  duration: number;
}

/**
 * Measures a clip that arrives in blocks (a decoder's pipe) with the same arithmetic as
 * {@link peakDbfs}, {@link integratedLoudness} and {@link leadingSilenceMs} on the whole clip,
 * so a build never holds a decoded file as one array of floats. The blocks are kept, not
 * copied, until {@link ClipMeter.finish}: the silence before the words is judged against the
 * peak of the whole clip, known only at the end. A block must not change once added.
 */
export class ClipMeter {
  private readonly steps: KWeightedSteps;
  private readonly blocks: { block: MeterSamples; scale: number }[] = [];
  private peak = 0;

  constructor(private readonly sampleRate: number) {
    this.steps = new KWeightedSteps(sampleRate);
  }

  /** Adds the next samples: floats as they are, 16-bit integers divided by 32768. */
  add(block: MeterSamples): void {
    const scale = block instanceof Int16Array ? 1 / 32768 : 1;
    this.peak = Math.max(this.peak, this.steps.add(block, scale));
    this.blocks.push({ block, scale });
  }

  /** The clip's figures; call once, after the last block. */
  finish(): ClipMeasurement {
    const peak = toDb(this.peak);
    // As leadingSilenceMs does: the threshold from the peak in dB, so both give the same figure.
    const threshold = Math.pow(10, peak / 20) * 0.01;
    let first = 0;
    search: for (const { block, scale } of this.blocks) {
      for (let i = 0; i < block.length; i++, first++) if (Math.abs((block[i] as number) * scale) >= threshold) break search;
    }
    return {
      peakDbfs: peak,
      loudness: this.steps.loudness(),
      leadingSilenceMs: (first / this.sampleRate) * 1000,
      duration: this.steps.samples / this.sampleRate,
    };
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Cuts the silence before and after the words, keeping `leadMs` before the first sound (so the
 * prompt starts promptly, well under the 300 ms allowed) and `tailMs` after the last. "Sound"
 * is anything within 40 dB of the clip's peak. Returns a view into `samples`, not a copy: the
 * builder shapes the result into a new array anyway.
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
  return samples.subarray(start, end);
}

/** Milliseconds of silence before the first sound (within 40 dB of the peak; pass the peak in dBFS when it is known). */
export function leadingSilenceMs(samples: Float32Array, sampleRate: number, knownPeakDbfs?: number): number {
  const peak = Math.pow(10, (knownPeakDbfs ?? peakDbfs(samples)) / 20);
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] ?? 0) < peak * 0.01) first++;
  return (first / sampleRate) * 1000;
}
