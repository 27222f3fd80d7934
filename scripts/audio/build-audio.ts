/**
 * Renders every prompt at every speed into `<audioFolder>/files/<hash>.ogg|.mp3` and writes
 * `<audioFolder>/manifest.json`. A file is named by a hash of everything that shapes its sound
 * (text, language, voice, speed, engine version, processing version, or a recording's bytes), so
 * a rebuild renders only what changed and a rebuild with nothing changed renders nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promptSpeeds, recordingFileStem, type AudioManifest, type PromptAudio, type PromptSpeed } from '../../core/audio/manifest.js';
import type { PromptText } from '../../core/audio/prompt-text.js';
import type { SpeechEngine } from '../../hub/audio/engine.js';
import { ffmpegVersion, pipelineVersion, recordingTempo, renderRecording, renderSpeech } from '../../hub/audio/render.js';
import { runPool } from './pool.js';

/** What to build and where. */
export interface BuildOptions {
  prompts: readonly PromptText[];
  audioFolder: string;
  /** `<recordingsFolder>/<language>/<prompt id with / as __>.<wav|ogg|mp3|flac>` overrides the engine. */
  recordingsFolder: string;
  engine: SpeechEngine;
  /** Renders at once (default: one per core). */
  concurrency?: number;
  /** Called once the work is known and after each rendered file. */
  onStart?: (toRender: number) => void;
  onRendered?: () => void;
  now?: () => Date;
}

/** What a build did. */
export interface BuildResult {
  manifest: AudioManifest;
  /** Prompt × language pairs in the manifest. */
  prompts: number;
  /** Distinct rendered sounds (each an .ogg and an .mp3). */
  sounds: number;
  rendered: number;
  reused: number;
  /** Prompts whose rendering failed, with the reason. */
  failures: string[];
  /** Whether manifest.json was written (it is left alone when nothing changed). */
  manifestWritten: boolean;
}

const recordingExtensions = ['.wav', '.flac', '.ogg', '.mp3'];

/** Where a sound comes from: the engine speaking a text, or a human recording. */
type Source = { kind: 'engine'; text: string; language: string } | { kind: 'recording'; file: string };

/** The sounds of one source still to render (its missing speeds), rendered together. */
interface Job {
  source: Source;
  targets: { speed: PromptSpeed; hash: string }[];
  /** Who needs it, for error messages. */
  label: string;
}

function hashOf(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

/** Recordings by `<language>/<stem>` → file; the bytes' hash names the rendering. */
async function findRecordings(folder: string): Promise<Map<string, { file: string; hash: string }>> {
  const found = new Map<string, { file: string; hash: string }>();
  if (!existsSync(folder)) return found;
  for (const language of await readdir(folder, { withFileTypes: true })) {
    if (!language.isDirectory()) continue;
    for (const name of (await readdir(path.join(folder, language.name))).sort()) {
      const extension = path.extname(name).toLowerCase();
      if (!recordingExtensions.includes(extension)) continue;
      const file = path.join(folder, language.name, name);
      const hash = createHash('sha256').update(await readFile(file)).digest('hex');
      found.set(`${language.name}/${path.basename(name, path.extname(name))}`, { file, hash });
    }
  }
  return found;
}

/**
 * The manifest of the last build, if there is a readable one. Only its shape is looked at here,
 * not every field with zod: this file is the builder's own, read on every `npm start`, and the
 * full parse costs a third of a second. A manifest that was tampered with is rebuilt anyway,
 * because the new one is compared with it before anything is kept.
 */
async function previousManifest(manifestFile: string): Promise<AudioManifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(manifestFile, 'utf8')) as Partial<Record<keyof AudioManifest, unknown>> | null;
    const looksRight = parsed?.format === 1 && typeof parsed.engine === 'string' && typeof parsed.builtAt === 'string' && typeof parsed.prompts === 'object' && parsed.prompts !== null;
    return looksRight ? (parsed as AudioManifest) : undefined;
  } catch {
    // None, or unreadable: what the journal remembers is still reused.
    return undefined;
  }
}

/**
 * Durations of the files already rendered, by `files/<hash>.ogg`: from the last manifest, and
 * from the journal each rendering appends to, so a build interrupted after an hour resumes
 * where it stopped instead of starting again.
 */
async function knownDurations(manifest: AudioManifest | undefined, journal: string): Promise<Map<string, number>> {
  const durations = new Map<string, number>();
  for (const byLanguage of Object.values(manifest?.prompts ?? {})) {
    for (const audio of Object.values(byLanguage ?? {})) {
      for (const file of Object.values(audio?.speeds ?? {})) {
        if (typeof file?.ogg === 'string' && typeof file.duration === 'number' && file.duration > 0) durations.set(file.ogg, file.duration);
      }
    }
  }
  const lines = await readFile(journal, 'utf8').then((text) => text.split('\n'), () => []);
  for (const line of lines) {
    const entry = /^([a-f0-9]{24}) ([0-9.]+)$/.exec(line);
    if (entry?.[1] && Number(entry[2]) > 0) durations.set(`files/${entry[1]}.ogg`, Number(entry[2]));
  }
  return durations;
}

/** Builds (or updates) the audio folder. Throws AudioToolMissing before rendering anything when a tool or voice is missing. */
export async function buildAudio(options: BuildOptions): Promise<BuildResult> {
  const { engine, audioFolder } = options;
  const engineVersion = await engine.version();

  const filesFolder = path.join(audioFolder, 'files');
  await mkdir(filesFolder, { recursive: true });
  const manifestFile = path.join(audioFolder, 'manifest.json');
  const previous = await previousManifest(manifestFile);
  const journal = path.join(audioFolder, 'build-journal.txt');
  const durations = await knownDurations(previous, journal);
  const present = new Set(await readdir(filesFolder));
  const recordings = await findRecordings(options.recordingsFolder);

  const prompts: AudioManifest['prompts'] = {};
  // By source (the same text in the same language is rendered once, whoever uses it).
  const jobs = new Map<string, Job>();
  const planned = new Set<string>();
  const failures: string[] = [];
  const entries: { prompt: PromptText; source: PromptAudio['source']; hashes: Record<PromptSpeed, string> }[] = [];
  for (const prompt of options.prompts) {
    const recording = recordings.get(`${prompt.language}/${recordingFileStem(prompt.id)}`);
    const source: Source = recording ? { kind: 'recording', file: recording.file } : { kind: 'engine', text: prompt.text, language: prompt.language };
    const sourceKey = recording ? `recording:${recording.hash}` : `engine:${prompt.language}:${prompt.text}`;
    const hashes = {} as Record<PromptSpeed, string>;
    for (const speed of promptSpeeds) {
      const hash = recording
        ? hashOf([pipelineVersion, 'recording', recording.hash, recordingTempo[speed]])
        : hashOf([pipelineVersion, engineVersion, engine.settings(prompt.language, speed), prompt.language, prompt.text]);
      hashes[speed] = hash;
      const done = present.has(`${hash}.ogg`) && present.has(`${hash}.mp3`) && durations.has(`files/${hash}.ogg`);
      if (done || planned.has(hash)) continue;
      planned.add(hash);
      const job = jobs.get(sourceKey) ?? { source, targets: [], label: `${prompt.id} (${prompt.language})` };
      job.targets.push({ speed, hash });
      jobs.set(sourceKey, job);
    }
    entries.push({ prompt, source: recording ? 'recording' : 'engine', hashes });
  }

  if (planned.size > 0) {
    // Checked only when something is to be rendered, so a rebuild with nothing changed starts no tool but the version probe.
    await ffmpegVersion();
    for (const language of new Set([...jobs.values()].flatMap((job) => (job.source.kind === 'engine' ? [job.source.language] : [])))) await engine.checkVoice(language);
  }
  options.onStart?.(planned.size);
  const failed = new Set<string>();
  await runPool([...jobs.values()], options.concurrency ?? availableParallelism(), async (job) => {
    const targets = job.targets.map(({ speed, hash }) => ({ speed, stem: path.join(filesFolder, hash) }));
    try {
      const rendered =
        job.source.kind === 'recording'
          ? await renderRecording(job.source.file, targets)
          : await renderSpeech(engine, job.source.text, job.source.language, targets);
      job.targets.forEach(({ hash }, i) => durations.set(`files/${hash}.ogg`, rendered[i] ?? 0));
      await appendFile(journal, job.targets.map(({ hash }, i) => `${hash} ${rendered[i] ?? 0}\n`).join(''));
    } catch (error) {
      for (const { hash } of job.targets) failed.add(hash);
      failures.push(`${job.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (let i = 0; i < job.targets.length; i++) options.onRendered?.();
  });

  const used = new Set<string>();
  for (const { prompt, source, hashes } of entries) {
    if (promptSpeeds.some((speed) => failed.has(hashes[speed]))) continue;
    const speeds = {} as PromptAudio['speeds'];
    for (const speed of promptSpeeds) {
      const hash = hashes[speed];
      used.add(hash);
      speeds[speed] = { ogg: `files/${hash}.ogg`, mp3: `files/${hash}.mp3`, duration: durations.get(`files/${hash}.ogg`) ?? 0 };
    }
    const byLanguage = (prompts[prompt.id] ??= {});
    if (byLanguage[prompt.language] && byLanguage[prompt.language]?.text !== prompt.text) {
      failures.push(`${prompt.id} (${prompt.language}) is named twice with different texts`);
    }
    byLanguage[prompt.language] = { text: prompt.text, sensitive: prompt.sensitive, source, speeds };
  }

  const sorted = Object.fromEntries(Object.entries(prompts).sort(([a], [b]) => a.localeCompare(b)));
  const unchanged = previous !== undefined && previous.engine === engineVersion && JSON.stringify(previous.prompts) === JSON.stringify(sorted);
  const manifest: AudioManifest = unchanged ? previous : { format: 1, engine: engineVersion, builtAt: (options.now ?? (() => new Date()))().toISOString(), prompts: sorted };
  if (!unchanged) {
    // Written beside and renamed over, so a hub never serves half a manifest.
    const partial = `${manifestFile}.partial-${process.pid}`;
    await writeFile(partial, JSON.stringify(manifest));
    await rename(partial, manifestFile);
  }
  // Files no prompt uses any more (and leftovers of an interrupted build) are removed once the
  // manifest no longer names them; the manifest now holds every duration the journal kept.
  if (failures.length === 0) {
    await rm(journal, { force: true });
    for (const name of await readdir(filesFolder)) {
      const hash = name.replace(/\.(ogg|mp3)$/, '');
      if (!used.has(hash)) await rm(path.join(filesFolder, name), { force: true });
    }
  }
  const pairs = Object.values(sorted).reduce((sum, byLanguage) => sum + Object.keys(byLanguage).length, 0);
  return { manifest, prompts: pairs, sounds: used.size, rendered: planned.size - failed.size, reused: used.size - (planned.size - failed.size), failures, manifestWritten: !unchanged };
}
