/**
 * Deciding whether an encoded sound is good enough to keep, and how to encode it again when it
 * is not. Codecs rebuild a waveform, not copy it: Opus and MP3 can put peaks back above the
 * limiter and very short sounds measure differently once the encoder has padded them, so the
 * builder measures each decoded file and corrects from what it measured.
 */
import { loudnessTarget } from './loudness.js';

/**
 * What every written file must measure once decoded, a little inside the bounds `audio:check`
 * holds it to, so that a file the encoder accepts always passes the check.
 */
export const encodedBounds = {
  maxPeakDbfs: loudnessTarget.maxPeakDbfs - 0.5,
  loudnessToleranceLu: loudnessTarget.toleranceLu - 0.75,
} as const;

/** The most gain the builder adds or takes away after its first encoding, in dB. */
export const maxGainDb = 6;

/** The two knobs the builder turns between encodings. */
export interface EncodingSettings {
  /** Gain applied before the limiter, in dB. */
  gainDb: number;
  /** The limiter's ceiling, in dBFS. */
  limiterCeilingDb: number;
}

/** How one encoding of a sound measured once decoded, every file it was encoded to together. */
export interface EncodedMeasurement {
  /** The highest of the files' sample peaks. */
  peakDbfs: number;
  /** Each file's integrated loudness (BS.1770). */
  loudness: readonly number[];
}

/** The settings for the next encoding, or `undefined` when `measured` is within bounds. */
export function nextEncoding(measured: EncodedMeasurement, current: EncodingSettings): EncodingSettings | undefined {
  const loudnessErrors = measured.loudness.map((loudness) => loudnessTarget.lufs - loudness).filter(Number.isFinite);
  // Correct by the file further from the target; a silent file has no loudness to correct.
  const worstError = loudnessErrors.reduce((worst, error) => (Math.abs(error) > Math.abs(worst) ? error : worst), 0);
  const tooLoud = measured.peakDbfs > encodedBounds.maxPeakDbfs;
  const offTarget = Math.abs(worstError) > encodedBounds.loudnessToleranceLu;
  if (!tooLoud && !offTarget) return undefined;
  const next = {
    // The gain moves the whole sound to the target loudness, within limits: past them the
    // limiter only flattens the speech (a sound whose loudness is all in its peaks cannot reach
    // the target), so the builder keeps what it has and audio:check names it.
    gainDb: offTarget ? Math.max(-maxGainDb, Math.min(maxGainDb, current.gainDb + worstError)) : current.gainDb,
    // The limiter comes down by the overshoot and half a decibel more, which lowers the peaks
    // the codec rebuilds without making the speech quieter.
    limiterCeilingDb: tooLoud ? current.limiterCeilingDb - (measured.peakDbfs - encodedBounds.maxPeakDbfs) - 0.5 : current.limiterCeilingDb,
  };
  // Encoding again with the same settings would give the same file.
  return next.gainDb === current.gainDb && next.limiterCeilingDb === current.limiterCeilingDb ? undefined : next;
}
