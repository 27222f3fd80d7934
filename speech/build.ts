/**
 * `npm run audio:build`'s work: renders every prompt at every speed into the build's store
 * (`<audioFolder>/files`, see store.ts) and writes `<audioFolder>/manifest.json`. A sound is
 * named by a hash of everything that shapes it (sound-id.ts), so a rebuild renders only what
 * changed, a rebuild with nothing changed renders nothing, and a build that was stopped resumes
 * where it stopped: each finished sound has its record in the store.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promptSpeeds, recordingFileStem, type AudioManifest, type PromptAudio, type PromptSpeed } from '../core/audio/manifest.js';
import type { PromptText } from '../core/audio/prompt-text.js';
import { ffmpegVersion } from './decode.js';
import type { SpeechEngine } from './engine.js';
import { recordingTempo, renderSounds, type SoundRequest } from './render.js';
import { engineSoundHash, recordingSoundHash, type SoundHash } from './sound-id.js';
import { folderSoundStore } from './store.js';

/** What to build and where. */
export interface BuildOptions {
  prompts: readonly PromptText[];
  audioFolder: string;
  /** `<recordingsFolder>/<language>/<prompt id with / as __>.<wav|ogg|mp3|flac>` overrides the engine. */
  recordingsFolder: string;
  engine: SpeechEngine;
  /** Batches rendered at once (default: one more than the cores). */
  concurrency?: number;
  /** Called once the work is known and after each rendered sound. */
  onStart?: (toRender: number) => void;
  onRendered?: () => void;
  now?: () => Date;
}

/** What a build did. */
export interface BuildResult {
  manifest: AudioManifest;
  /** Prompt × language pairs in the manifest. */
  prompts: number;
  /** Distinct rendered sounds (each an .ogg; its .mp3 is made on demand). */
  sounds: number;
  rendered: number;
  reused: number;
  /** Prompts whose rendering failed, with the reason. */
  failures: string[];
  /** Whether manifest.json was written (it is left alone when nothing changed). */
  manifestWritten: boolean;
}

/** The folder of the build's store inside an audio folder. */
export const storeFolderName = 'files';

const recordingExtensions = ['.wav', '.flac', '.ogg', '.mp3'];

/** Recordings by `<language>/<stem>` → file; the bytes' hash names the rendering. */
async function findRecordings(folder: string): Promise<Map<string, { file: string; sha256: string }>> {
  const found = new Map<string, { file: string; sha256: string }>();
  if (!existsSync(folder)) return found;
  for (const language of await readdir(folder, { withFileTypes: true })) {
    if (!language.isDirectory()) continue;
    for (const name of (await readdir(path.join(folder, language.name))).sort()) {
      const extension = path.extname(name).toLowerCase();
      if (!recordingExtensions.includes(extension)) continue;
      const file = path.join(folder, language.name, name);
      const sha256 = createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
      found.set(`${language.name}/${path.basename(name, path.extname(name))}`, { file, sha256 });
    }
  }
  return found;
}

/**
 * The manifest of the last build, if there is a readable one. Only its shape is looked at here,
 * not every field with zod: this file is the builder's own, and the full parse costs a third of
 * a second of a no-change rebuild. A manifest that was tampered with is rebuilt anyway, because
 * the new one is compared with it before anything is kept.
 */
async function previousManifest(manifestFile: string): Promise<AudioManifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(manifestFile, 'utf8')) as Partial<Record<keyof AudioManifest, unknown>> | null;
    const looksRight =
      parsed?.format === 1 &&
      typeof parsed.engine === 'string' &&
      typeof parsed.builtAt === 'string' &&
      typeof parsed.prompts === 'object' &&
      parsed.prompts !== null;
    return looksRight ? (parsed as AudioManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** Durations the last manifest already knows, by sound name (saves reading a record per sound). */
function manifestDurations(manifest: AudioManifest | undefined): Map<SoundHash, number> {
  const durations = new Map<SoundHash, number>();
  for (const byLanguage of Object.values(manifest?.prompts ?? {})) {
    for (const audio of Object.values(byLanguage ?? {})) {
      for (const file of Object.values(audio?.speeds ?? {})) {
        const hash = /^files\/([a-f0-9]{24})\.ogg$/.exec(file?.ogg ?? '')?.[1];
        if (hash && typeof file?.duration === 'number' && file.duration > 0) durations.set(hash, file.duration);
      }
    }
  }
  return durations;
}

/** Builds (or updates) the audio folder. Throws AudioToolMissing before rendering anything when a tool or voice is missing. */
export async function buildAudio(options: BuildOptions): Promise<BuildResult> {
  const { engine, audioFolder } = options;
  const engineVersion = await engine.version();
  const store = folderSoundStore(path.join(audioFolder, storeFolderName));
  const manifestFile = path.join(audioFolder, 'manifest.json');
  const previous = await previousManifest(manifestFile);
  const durations = manifestDurations(previous);
  const finished = await store.list();
  const recordings = await findRecordings(options.recordingsFolder);

  const requests: SoundRequest[] = [];
  // Who needs each sound, for error messages: the first prompt that asked for it.
  const labels = new Map<SoundHash, string>();
  const entries: { prompt: PromptText; source: PromptAudio['source']; hashes: Record<PromptSpeed, SoundHash> }[] = [];
  for (const prompt of options.prompts) {
    const recording = recordings.get(`${prompt.language}/${recordingFileStem(prompt.id)}`);
    const hashes = {} as Record<PromptSpeed, SoundHash>;
    for (const speed of promptSpeeds) {
      const hash = recording
        ? recordingSoundHash(recording.sha256, recordingTempo[speed])
        : engineSoundHash(engineVersion, engine.settings(prompt.language, speed), prompt.language, prompt.text);
      hashes[speed] = hash;
      if (finished.has(hash) || labels.has(hash)) continue;
      labels.set(hash, `${prompt.id} (${prompt.language})`);
      requests.push({
        hash,
        source: recording
          ? { kind: 'recording', file: recording.file, tempo: recordingTempo[speed] }
          : { kind: 'engine', text: prompt.text, language: prompt.language, speed },
      });
    }
    entries.push({ prompt, source: recording ? 'recording' : 'engine', hashes });
  }

  if (requests.length > 0) {
    // Checked only when something is to be rendered, so a rebuild with nothing changed starts no tool but the version probe.
    await ffmpegVersion();
    for (const language of new Set(requests.flatMap(({ source }) => (source.kind === 'engine' ? [source.language] : [])))) await engine.checkVoice(language);
  }
  options.onStart?.(requests.length);
  const outcomes = await renderSounds(requests, {
    engine,
    store,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    onRendered: () => options.onRendered?.(),
  });
  const failed = new Set<SoundHash>();
  const failures = new Map<string, string>();
  // Every request must have come back one way or the other; one that did not is a failure, never a silent gap.
  for (const { hash } of requests) if (!outcomes.has(hash)) outcomes.set(hash, { ok: false, error: new Error('it was never rendered') });
  for (const [hash, outcome] of outcomes) {
    if (outcome.ok) {
      durations.set(hash, outcome.sound.duration);
      continue;
    }
    failed.add(hash);
    const label = labels.get(hash) ?? hash;
    // A prompt's three speeds fail for the same reason: it is named once.
    if (!failures.has(label)) failures.set(label, `${label}: ${outcome.error.message}`);
  }

  const prompts: AudioManifest['prompts'] = {};
  const used = new Set<SoundHash>();
  const problems = [...failures.values()];
  for (const { prompt, source, hashes } of entries) {
    if (promptSpeeds.some((speed) => failed.has(hashes[speed]))) continue;
    const speeds = {} as PromptAudio['speeds'];
    for (const speed of promptSpeeds) {
      const hash = hashes[speed];
      used.add(hash);
      let duration = durations.get(hash);
      if (duration === undefined) {
        duration = (await store.get(hash))?.duration ?? 0;
        durations.set(hash, duration);
      }
      speeds[speed] = { ogg: `${storeFolderName}/${hash}.ogg`, mp3: `${storeFolderName}/${hash}.mp3`, duration };
    }
    const byLanguage = (prompts[prompt.id] ??= {});
    if (byLanguage[prompt.language] && byLanguage[prompt.language]?.text !== prompt.text)
      problems.push(`${prompt.id} (${prompt.language}) is named twice with different texts`);
    byLanguage[prompt.language] = { text: prompt.text, sensitive: prompt.sensitive, source, speeds };
  }

  const sorted = Object.fromEntries(Object.entries(prompts).sort(([a], [b]) => a.localeCompare(b)));
  const unchanged = previous !== undefined && previous.engine === engineVersion && JSON.stringify(previous.prompts) === JSON.stringify(sorted);
  const manifest: AudioManifest = unchanged
    ? previous
    : { format: 1, engine: engineVersion, builtAt: (options.now ?? (() => new Date()))().toISOString(), prompts: sorted };
  if (!unchanged) {
    // Written beside and renamed over, so a hub never serves half a manifest.
    const partial = `${manifestFile}.partial-${process.pid}`;
    await writeFile(partial, JSON.stringify(manifest));
    await rename(partial, manifestFile);
  }
  // Sounds no prompt uses any more (and leftovers of an interrupted build) are removed once the
  // manifest no longer names them; after a failure they are kept for the next attempt.
  if (problems.length === 0) {
    await store.prune(used);
    // The journal of builds before the store kept records.
    await rm(path.join(audioFolder, 'build-journal.txt'), { force: true });
  }
  const pairs = Object.values(sorted).reduce((sum, byLanguage) => sum + Object.keys(byLanguage).length, 0);
  const rendered = requests.length - failed.size;
  return { manifest, prompts: pairs, sounds: used.size, rendered, reused: used.size - rendered, failures: problems, manifestWritten: !unchanged };
}
