/**
 * `npm run audio:check`'s work: every spoken text has audio in every language and at every
 * speed; every file (each sound's Ogg, and its MP3 where a browser has had one made) is the one its record describes (the SHA-256 of its bytes); what the record
 * says it measured is within bounds (peaks under -1 dBFS, loudness within ±2 LU of the target,
 * under 300 ms of silence before the words, slow > normal > fast in length); and a random sample
 * of the files (at least 5 %, and every recording) is decoded and measured again with the same
 * BS.1770 meter, to prove the records honest. A file whose bytes no longer match its record is
 * decoded and measured too, so it is judged by what it is.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { loudnessTarget } from '../core/audio/loudness.js';
import { audioManifestSchema, promptSpeeds, type AudioManifest } from '../core/audio/manifest.js';
import type { PromptText } from '../core/audio/prompt-text.js';
import { measureAudioFiles, measureFile, type Measurement } from './measure.js';
import { runPool } from './pool.js';
import { parseSoundRecord, type StoredSound } from './store.js';

export { measureFile };

/** The most silence allowed before the first word. */
export const maxLeadingSilenceMs = 300;

/** The share of files decoded again to prove the stored figures, at the least. */
export const decodedShare = 0.05;

/** How far a decoded file may measure from its record and still be the same (codec decoders differ in the last bits). */
const agreement = { db: 0.1, ms: 5, seconds: 0.005 } as const;

/** The outcome of a check. */
export interface CheckResult {
  /** One plain line per problem; empty when everything is in order. */
  problems: string[];
  /** Prompt × language pairs expected. */
  expected: number;
  /** Files whose measurements were held to the bounds (from their records, or decoded). */
  measured: number;
  /** Files decoded and measured now. */
  decoded: number;
  /** Loudness of the quietest and loudest file. */
  loudnessRange?: [number, number];
}

/** Options of {@link checkAudio}. */
export interface CheckOptions {
  prompts: readonly PromptText[];
  audioFolder: string;
  concurrency?: number;
  /** Chooses the files to decode (default Math.random); tests pass a seeded one. */
  random?: () => number;
  /** Share of files decoded, at least {@link decodedShare}; 1 decodes every file. */
  share?: number;
  onStart?: (files: number) => void;
  onMeasured?: () => void;
}

interface FileToCheck {
  file: string;
  name: string;
  /** What its record says, when it has a readable one. */
  recorded?: Measurement;
  /** Why it must be decoded whatever the sample: a recording, or bytes that differ from the record. */
  mustDecode: boolean;
}

const agrees = (a: number, b: number, tolerance: number): boolean => (Number.isFinite(a) || Number.isFinite(b) ? Math.abs(a - b) <= tolerance : a === b);

/** Checks `audioFolder` against the prompts that must be there. */
export async function checkAudio(options: CheckOptions): Promise<CheckResult> {
  const problems: string[] = [];
  const folder = path.resolve(options.audioFolder);
  const manifestFile = path.join(folder, 'manifest.json');
  let manifest: AudioManifest;
  try {
    manifest = audioManifestSchema.parse(JSON.parse(await readFile(manifestFile, 'utf8')));
  } catch (error) {
    const reason = existsSync(manifestFile)
      ? `it is not a valid manifest (${error instanceof Error ? error.message.slice(0, 300) : String(error)})`
      : 'it does not exist';
    return { problems: [`${manifestFile}: ${reason}; run "npm run audio:build"`], expected: options.prompts.length, measured: 0, decoded: 0 };
  }

  const files = new Map<string, FileToCheck>();
  const records = new Map<string, StoredSound | undefined>();
  const durationChecks: { label: string; files: Record<string, string> }[] = [];
  for (const prompt of options.prompts) {
    const label = `${prompt.id} (${prompt.language})`;
    const audio = manifest.prompts[prompt.id]?.[prompt.language];
    if (!audio) {
      problems.push(`missing: ${label} has no audio`);
      continue;
    }
    if (audio.text !== prompt.text) problems.push(`out of date: ${label} was rendered from "${audio.text}" but the text is now "${prompt.text}"`);
    if (audio.sensitive !== prompt.sensitive)
      problems.push(`out of date: ${label} is ${prompt.sensitive ? '' : 'no longer '}sensitive but the manifest says otherwise`);
    const byFormat: Record<string, string> = {};
    for (const speed of promptSpeeds) {
      const rendered = audio.speeds[speed];
      for (const [format, relative] of [
        ['ogg', rendered.ogg],
        ['mp3', rendered.mp3],
      ] as const) {
        const file = path.resolve(folder, relative);
        if (!file.startsWith(folder + path.sep)) {
          problems.push(`bad path: ${label} ${speed} points outside the audio folder (${relative})`);
          continue;
        }
        if (!existsSync(file)) {
          // The MP3 is made when a browser without Opus first asks for it: until then it is not there.
          if (format === 'mp3') continue;
          problems.push(`missing file: ${label} at ${speed} speed needs ${relative}`);
          continue;
        }
        if (files.has(file)) continue;
        const recordFile = file.replace(/\.(ogg|mp3)$/, '.json');
        if (!records.has(recordFile)) records.set(recordFile, await readFile(recordFile, 'utf8').then(parseSoundRecord, () => undefined));
        const record = records.get(recordFile);
        const figures = record?.files[format];
        let mustDecode = audio.source === 'recording';
        if (!figures) {
          problems.push(`no record: ${relative} has no readable measurements beside it (${path.relative(folder, recordFile)}); run "npm run audio:build"`);
          mustDecode = true;
        } else {
          const bytes = await readFile(file);
          if (bytes.length !== figures.bytes || createHash('sha256').update(bytes).digest('hex') !== figures.sha256) {
            problems.push(`changed: ${relative} is not the file its record describes (its bytes differ); run "npm run audio:build"`);
            mustDecode = true;
          }
        }
        files.set(file, {
          file,
          name: relative,
          ...(figures && !mustDecode ? { recorded: figures } : {}),
          mustDecode: mustDecode || audio.source === 'recording',
        });
        if (format === 'ogg') byFormat[speed] = file;
      }
    }
    durationChecks.push({ label, files: byFormat });
  }

  // The sample: every file that must be decoded, and a random share of the rest (at least one).
  const random = options.random ?? Math.random;
  const share = Math.max(decodedShare, Math.min(1, options.share ?? decodedShare));
  const candidates = [...files.values()].filter((entry) => !entry.mustDecode);
  const sampleSize = candidates.length === 0 ? 0 : Math.max(1, Math.ceil(candidates.length * share));
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j] as FileToCheck, candidates[i] as FileToCheck];
  }
  const toDecode = [...[...files.values()].filter((entry) => entry.mustDecode), ...candidates.slice(0, sampleSize)];

  const measurements = new Map<string, Measurement>();
  for (const entry of files.values()) if (entry.recorded) measurements.set(entry.file, entry.recorded);
  options.onStart?.(toDecode.length);
  const decodedFiles = new Set<string>();
  const record = (entry: FileToCheck, decoded: Measurement): void => {
    decodedFiles.add(entry.file);
    const stored = entry.recorded;
    if (stored) {
      const differs =
        !agrees(decoded.peakDbfs, stored.peakDbfs, agreement.db) ||
        !agrees(decoded.loudness, stored.loudness, agreement.db) ||
        !agrees(decoded.leadingSilenceMs, stored.leadingSilenceMs, agreement.ms) ||
        !agrees(decoded.duration, stored.duration, agreement.seconds);
      if (differs) {
        problems.push(
          `dishonest record: ${entry.name} measures ${decoded.peakDbfs.toFixed(2)} dBFS peak, ${decoded.loudness.toFixed(2)} LUFS, ${Math.round(decoded.leadingSilenceMs)} ms lead, ${decoded.duration.toFixed(3)} s ` +
            `but its record says ${stored.peakDbfs.toFixed(2)}, ${stored.loudness.toFixed(2)}, ${Math.round(stored.leadingSilenceMs)}, ${stored.duration.toFixed(3)}`,
        );
      }
    }
    // What the file really is is what gets judged.
    measurements.set(entry.file, decoded);
  };
  const groups = Array.from({ length: Math.ceil(toDecode.length / 24) }, (_, i) => toDecode.slice(i * 24, (i + 1) * 24));
  await runPool(groups, options.concurrency ?? availableParallelism(), async (group) => {
    try {
      const measured = await measureAudioFiles(group.map((entry) => entry.file));
      group.forEach((entry, i) => {
        const figures = measured[i];
        if (figures) record(entry, figures);
      });
    } catch {
      // One bad file spoils the whole ffmpeg run: measure the group one by one to name it.
      for (const entry of group) {
        try {
          record(entry, await measureFile(entry.file));
        } catch (error) {
          measurements.delete(entry.file);
          problems.push(`unreadable: ${entry.name} does not decode (${error instanceof Error ? error.message : String(error)})`);
        }
      }
    }
    for (let i = 0; i < group.length; i++) options.onMeasured?.();
  });

  let quietest = Infinity;
  let loudest = -Infinity;
  const names = new Map([...files.values()].map((entry) => [entry.file, entry.name]));
  for (const [file, measured] of [...measurements].sort(([a], [b]) => a.localeCompare(b))) {
    const name = names.get(file) ?? path.relative(folder, file);
    quietest = Math.min(quietest, measured.loudness);
    loudest = Math.max(loudest, measured.loudness);
    if (measured.peakDbfs > loudnessTarget.maxPeakDbfs)
      problems.push(`too loud: ${name} peaks at ${measured.peakDbfs.toFixed(1)} dBFS (at most ${loudnessTarget.maxPeakDbfs})`);
    if (!(Math.abs(measured.loudness - loudnessTarget.lufs) <= loudnessTarget.toleranceLu)) {
      problems.push(`loudness: ${name} is ${measured.loudness.toFixed(1)} LUFS (expected ${loudnessTarget.lufs} ± ${loudnessTarget.toleranceLu})`);
    }
    if (measured.leadingSilenceMs > maxLeadingSilenceMs)
      problems.push(`slow start: ${name} has ${Math.round(measured.leadingSilenceMs)} ms of silence before the words (at most ${maxLeadingSilenceMs})`);
  }
  for (const { label, files: bySpeed } of durationChecks) {
    const [slow, normal, fast] = promptSpeeds.map((speed) => measurements.get(bySpeed[speed] ?? '')?.duration);
    if (slow === undefined || normal === undefined || fast === undefined) continue;
    if (!(slow > normal && normal > fast))
      problems.push(
        `speeds: ${label} lasts ${slow.toFixed(2)} s slow, ${normal.toFixed(2)} s normal, ${fast.toFixed(2)} s fast (each should be shorter than the one before)`,
      );
  }
  return {
    problems,
    expected: options.prompts.length,
    measured: measurements.size,
    decoded: decodedFiles.size,
    ...(measurements.size > 0 ? { loudnessRange: [quietest, loudest] as [number, number] } : {}),
  };
}
