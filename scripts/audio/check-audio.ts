/**
 * `npm run audio:check`: every spoken text has audio in every language and at every speed, each
 * file decodes, peaks stay under -1 dBFS, loudness stays within ±2 LU of the target, silence
 * before the words stays under 300 ms, and slow > normal > fast in duration. Files are decoded
 * with ffmpeg and measured with the same BS.1770 meter the builder uses (held against ffmpeg's
 * own ebur128 in the tests).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { integratedLoudness, leadingSilenceMs, loudnessTarget, peakDbfs } from '../../core/audio/loudness.js';
import { audioManifestSchema, promptSpeeds, type AudioManifest } from '../../core/audio/manifest.js';
import type { PromptText } from '../../core/audio/prompt-text.js';
import type { Pcm } from '../../hub/audio/pcm.js';
import { decodeAudioFiles } from '../../hub/audio/render.js';
import { runPool } from './pool.js';

/** The most silence allowed before the first word. */
export const maxLeadingSilenceMs = 300;

/** What one file measured. */
export interface Measurement {
  peakDbfs: number;
  loudness: number;
  leadingSilenceMs: number;
  duration: number;
}

/** The outcome of a check. */
export interface CheckResult {
  /** One plain line per problem; empty when everything is in order. */
  problems: string[];
  /** Prompt × language pairs expected. */
  expected: number;
  /** Files decoded and measured. */
  measured: number;
  /** Loudness of the quietest and loudest file. */
  loudnessRange?: [number, number];
}

function measure({ samples, sampleRate }: Pcm): Measurement {
  return { peakDbfs: peakDbfs(samples), loudness: integratedLoudness(samples, sampleRate), leadingSilenceMs: leadingSilenceMs(samples, sampleRate), duration: samples.length / sampleRate };
}

/** Decodes and measures one file. */
export async function measureFile(file: string): Promise<Measurement> {
  const [pcm] = await decodeAudioFiles([file]);
  if (!pcm) throw new Error(`${file} gave no sound`);
  return measure(pcm);
}

// Files decoded per ffmpeg: the six files of a prompt (three speeds, two formats) sit side by side.
const filesPerDecode = 6;

/** Checks `audioFolder` against the prompts that must be there. */
export async function checkAudio(options: { prompts: readonly PromptText[]; audioFolder: string; concurrency?: number; onStart?: (files: number) => void; onMeasured?: () => void }): Promise<CheckResult> {
  const problems: string[] = [];
  const manifestFile = path.join(options.audioFolder, 'manifest.json');
  let manifest: AudioManifest;
  try {
    manifest = audioManifestSchema.parse(JSON.parse(await readFile(manifestFile, 'utf8')));
  } catch (error) {
    const reason = existsSync(manifestFile) ? `it is not a valid manifest (${error instanceof Error ? error.message.slice(0, 300) : String(error)})` : 'it does not exist';
    return { problems: [`${manifestFile}: ${reason}; run "npm run audio:build"`], expected: options.prompts.length, measured: 0 };
  }

  const toMeasure = new Set<string>();
  const durationChecks: { label: string; files: Record<string, string> }[] = [];
  for (const prompt of options.prompts) {
    const label = `${prompt.id} (${prompt.language})`;
    const audio = manifest.prompts[prompt.id]?.[prompt.language];
    if (!audio) {
      problems.push(`missing: ${label} has no audio`);
      continue;
    }
    if (audio.text !== prompt.text) problems.push(`out of date: ${label} was rendered from "${audio.text}" but the text is now "${prompt.text}"`);
    if (audio.sensitive !== prompt.sensitive) problems.push(`out of date: ${label} is ${prompt.sensitive ? '' : 'no longer '}sensitive but the manifest says otherwise`);
    const files: Record<string, string> = {};
    for (const speed of promptSpeeds) {
      const rendered = audio.speeds[speed];
      for (const relative of [rendered.ogg, rendered.mp3]) {
        const file = path.resolve(options.audioFolder, relative);
        if (!file.startsWith(path.resolve(options.audioFolder) + path.sep)) problems.push(`bad path: ${label} ${speed} points outside the audio folder (${relative})`);
        else if (!existsSync(file)) problems.push(`missing file: ${label} at ${speed} speed needs ${relative}`);
        else toMeasure.add(file);
      }
      files[speed] = path.resolve(options.audioFolder, rendered.ogg);
    }
    durationChecks.push({ label, files });
  }

  const measurements = new Map<string, Measurement>();
  options.onStart?.(toMeasure.size);
  const files = [...toMeasure];
  const groups = Array.from({ length: Math.ceil(files.length / filesPerDecode) }, (_, i) => files.slice(i * filesPerDecode, (i + 1) * filesPerDecode));
  const measureOne = async (file: string): Promise<void> => {
    try {
      measurements.set(file, await measureFile(file));
    } catch (error) {
      problems.push(`unreadable: ${path.relative(options.audioFolder, file)} does not decode (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  await runPool(groups, options.concurrency ?? availableParallelism(), async (group) => {
    try {
      const decoded = await decodeAudioFiles(group);
      group.forEach((file, i) => {
        const pcm = decoded[i];
        if (pcm) measurements.set(file, measure(pcm));
      });
    } catch {
      // One bad file spoils the whole ffmpeg run: measure the group one by one to name it.
      for (const file of group) await measureOne(file);
    }
    for (let i = 0; i < group.length; i++) options.onMeasured?.();
  });

  let quietest = Infinity;
  let loudest = -Infinity;
  for (const [file, measured] of [...measurements].sort(([a], [b]) => a.localeCompare(b))) {
    const name = path.relative(options.audioFolder, file);
    quietest = Math.min(quietest, measured.loudness);
    loudest = Math.max(loudest, measured.loudness);
    if (measured.peakDbfs > loudnessTarget.maxPeakDbfs) problems.push(`too loud: ${name} peaks at ${measured.peakDbfs.toFixed(1)} dBFS (at most ${loudnessTarget.maxPeakDbfs})`);
    if (!(Math.abs(measured.loudness - loudnessTarget.lufs) <= loudnessTarget.toleranceLu)) {
      problems.push(`loudness: ${name} is ${measured.loudness.toFixed(1)} LUFS (expected ${loudnessTarget.lufs} ± ${loudnessTarget.toleranceLu})`);
    }
    if (measured.leadingSilenceMs > maxLeadingSilenceMs) problems.push(`slow start: ${name} has ${Math.round(measured.leadingSilenceMs)} ms of silence before the words (at most ${maxLeadingSilenceMs})`);
  }
  for (const { label, files } of durationChecks) {
    const [slow, normal, fast] = promptSpeeds.map((speed) => measurements.get(files[speed] ?? '')?.duration);
    if (slow === undefined || normal === undefined || fast === undefined) continue;
    if (!(slow > normal && normal > fast)) problems.push(`speeds: ${label} lasts ${slow.toFixed(2)} s slow, ${normal.toFixed(2)} s normal, ${fast.toFixed(2)} s fast (each should be shorter than the one before)`);
  }
  return { problems, expected: options.prompts.length, measured: measurements.size, ...(measurements.size > 0 ? { loudnessRange: [quietest, loudest] as [number, number] } : {}) };
}
