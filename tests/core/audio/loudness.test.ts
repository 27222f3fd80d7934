import { describe, expect, it } from 'vitest';
import { integratedLoudness, leadingSilenceMs, peakDbfs, trimSilence } from '../../../core/audio/loudness.js';

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
