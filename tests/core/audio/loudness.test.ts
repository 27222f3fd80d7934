import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClipMeter, integratedLoudness, leadingSilenceMs, peakDbfs, trimSilence } from '../../../core/audio/loudness.js';

function sine(sampleRate: number, seconds: number, amplitude: number, frequency = 997): Float32Array {
  return Float32Array.from({ length: Math.round(sampleRate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
}

describe('loudness meter (BS.1770)', () => {
  it('reads a full-scale 997 Hz sine as -3.01 LUFS at 48 kHz and at 22.05 kHz', () => {
    expect(integratedLoudness(sine(48_000, 2, 1), 48_000)).toBeCloseTo(-3.01, 1);
    expect(integratedLoudness(sine(22_050, 2, 1), 22_050)).toBeCloseTo(-3.01, 1);
  });

  it('follows the level: half the amplitude is 6 dB quieter', () => {
    expect(integratedLoudness(sine(48_000, 2, 0.5), 48_000)).toBeCloseTo(-9.03, 1);
  });

  it('gates out silence, and calls pure silence -Infinity', () => {
    const withSilence = new Float32Array(48_000 * 4);
    withSilence.set(sine(48_000, 2, 0.5), 48_000);
    // Blocks half over the tone pass the relative gate and pull the figure down a little, as the standard says.
    const loudness = integratedLoudness(withSilence, 48_000);
    expect(loudness).toBeGreaterThan(-10);
    expect(loudness).toBeLessThan(-9);
    expect(integratedLoudness(new Float32Array(48_000), 48_000)).toBe(-Infinity);
  });

  it('measures a clip shorter than one block as a single block', () => {
    expect(integratedLoudness(sine(48_000, 0.3, 1), 48_000)).toBeCloseTo(-3.01, 0);
  });
});

describe('peaks and silence', () => {
  it('reads the sample peak in dBFS', () => {
    expect(peakDbfs(sine(48_000, 1, 0.5))).toBeCloseTo(-6.02, 1);
  });

  it('trims the silence before and after the words to a short margin', () => {
    const clip = new Float32Array(48_000 * 3);
    clip.set(sine(48_000, 1, 0.5), 48_000);
    expect(leadingSilenceMs(clip, 48_000)).toBeCloseTo(1000, -1);
    const trimmed = trimSilence(clip, 48_000, 60, 150);
    expect(leadingSilenceMs(trimmed, 48_000)).toBeLessThan(70);
    expect(trimmed.length / 48_000).toBeCloseTo(1 + 0.06 + 0.15, 1);
  });
});

describe('the clip meter (samples arriving in blocks, as from a decoder)', () => {
  /** 16-bit samples of a short "word" after some silence, at a low rate so runs stay quick. */
  const clip = fc
    .record({
      silence: fc.integer({ min: 0, max: 3000 }),
      word: fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 0, maxLength: 6000 }),
      sampleRate: fc.constantFrom(8000, 22_050, 48_000),
    })
    .map(({ silence, word, sampleRate }) => ({ samples: Int16Array.from([...new Array<number>(silence).fill(0), ...word]), sampleRate }));

  it('gives exactly the whole-clip figures, however the clip is cut into blocks', () => {
    fc.assert(
      fc.property(clip, fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 8 }), ({ samples, sampleRate }, cuts) => {
        const floats = Float32Array.from(samples, (value) => value / 32768);
        const peak = peakDbfs(floats);
        const meter = new ClipMeter(sampleRate);
        let at = 0;
        for (const size of cuts) {
          meter.add(samples.subarray(at, at + size));
          at = Math.min(samples.length, at + size);
        }
        meter.add(samples.subarray(at));
        expect(meter.finish()).toEqual({
          peakDbfs: peak,
          loudness: integratedLoudness(floats, sampleRate),
          leadingSilenceMs: leadingSilenceMs(floats, sampleRate, peak),
          duration: samples.length / sampleRate,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('reads floats as they are and 16-bit integers over 32768', () => {
    const floats = new ClipMeter(48_000);
    floats.add(Float32Array.from([0, 0.5, -0.25]));
    const integers = new ClipMeter(48_000);
    integers.add(Int16Array.from([0, 16384, -8192]));
    expect(integers.finish()).toEqual(floats.finish());
  });
});
