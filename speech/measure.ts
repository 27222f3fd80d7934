/**
 * What a decoded file measures: sample peak, integrated loudness (BS.1770, the meter in
 * core/audio/loudness.ts), silence before the words and length. The builder stores these beside
 * every file it writes; `audio:check` holds them to the bounds and decodes a sample again to
 * prove them honest.
 */
import { integratedLoudness, leadingSilenceMs, peakDbfs } from '../core/audio/loudness.js';
import { decodeAudioFiles } from './decode.js';
import type { Pcm } from './pcm.js';

/** What one file measured once decoded. */
export interface Measurement {
  peakDbfs: number;
  /** LUFS; -Infinity (stored as null in JSON) for silence. */
  loudness: number;
  leadingSilenceMs: number;
  /** Seconds. */
  duration: number;
}

/** Measures decoded samples. */
export function measure({ samples, sampleRate }: Pcm): Measurement {
  const peak = peakDbfs(samples);
  return { peakDbfs: peak, loudness: integratedLoudness(samples, sampleRate), leadingSilenceMs: leadingSilenceMs(samples, sampleRate, peak), duration: samples.length / sampleRate };
}

/** Decodes and measures one file. */
export async function measureFile(file: string): Promise<Measurement> {
  const [pcm] = await decodeAudioFiles([file]);
  if (!pcm) throw new Error(`${file} gave no sound`);
  return measure(pcm);
}
