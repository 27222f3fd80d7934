import { describe, expect, it } from 'vitest';
import { encodedBounds, maxGainDb, nextEncoding } from '../../../core/audio/encoding-correction.js';
import { loudnessTarget } from '../../../core/audio/loudness.js';

const start = { gainDb: 0, limiterCeilingDb: -3 };
const onTarget = [loudnessTarget.lufs, loudnessTarget.lufs];

describe('nextEncoding', () => {
  it('keeps an encoding whose peaks and loudness are within the bounds', () => {
    expect(nextEncoding({ peakDbfs: encodedBounds.maxPeakDbfs, loudness: onTarget }, start)).toBeUndefined();
    expect(nextEncoding({ peakDbfs: -6, loudness: [loudnessTarget.lufs - 1, loudnessTarget.lufs + 1] }, start)).toBeUndefined();
  });

  it('lowers the limiter by the overshoot and half a decibel, leaving the gain alone', () => {
    // A decoded peak of +2.7 dBFS (what Opus once made of a -3 dB limiter) is 4.2 dB over the -1.5 bound.
    const next = nextEncoding({ peakDbfs: 2.7, loudness: onTarget }, start);
    expect(next?.gainDb).toBe(0);
    expect(next?.limiterCeilingDb).toBeCloseTo(-3 - 4.2 - 0.5, 6);
  });

  it('corrects the gain by the file furthest from the target loudness', () => {
    // The MP3 of a very short sound measured 4 LU quiet while its Opus was 1 LU quiet.
    const next = nextEncoding({ peakDbfs: -4, loudness: [loudnessTarget.lufs - 1, loudnessTarget.lufs - 4] }, { gainDb: 1, limiterCeilingDb: -3 });
    expect(next).toEqual({ gainDb: 5, limiterCeilingDb: -3 });
    const tooLoud = nextEncoding({ peakDbfs: -4, loudness: [loudnessTarget.lufs + 3, loudnessTarget.lufs] }, start);
    expect(tooLoud?.gainDb).toBeCloseTo(-3, 6);
  });

  it('corrects both at once, and never chases the loudness of silence', () => {
    const both = nextEncoding({ peakDbfs: -0.5, loudness: [loudnessTarget.lufs - 4, loudnessTarget.lufs - 4] }, start);
    expect(both?.gainDb).toBeCloseTo(4, 6);
    expect(both?.limiterCeilingDb).toBeCloseTo(-4.5, 6);
    expect(nextEncoding({ peakDbfs: -Infinity, loudness: [-Infinity, -Infinity] }, start)).toBeUndefined();
  });

  it('stops adding gain at its limit and stops when there is nothing left to change', () => {
    const quiet = { peakDbfs: -3, loudness: [loudnessTarget.lufs - 4, loudnessTarget.lufs - 4] };
    expect(nextEncoding(quiet, { gainDb: 4, limiterCeilingDb: -3 })?.gainDb).toBe(maxGainDb);
    expect(nextEncoding(quiet, { gainDb: maxGainDb, limiterCeilingDb: -3 })).toBeUndefined();
    const loud = { peakDbfs: -3, loudness: [loudnessTarget.lufs + 9, loudnessTarget.lufs + 9] };
    expect(nextEncoding(loud, start)?.gainDb).toBe(-maxGainDb);
  });

  it('keeps inside the bounds audio:check enforces, so an accepted file always passes it', () => {
    expect(encodedBounds.maxPeakDbfs).toBeLessThan(loudnessTarget.maxPeakDbfs);
    expect(encodedBounds.loudnessToleranceLu).toBeLessThan(loudnessTarget.toleranceLu);
  });
});
