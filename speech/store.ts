/**
 * Where rendered sounds are kept: each sound's files (its Ogg, and its MP3 once a browser has
 * asked for one) and, beside them, a record of what
 * every file measured and the SHA-256 of its bytes. The record is written last, so a sound
 * without one is unfinished and is rendered again. The build keeps its sounds in a folder
 * (`dist/audio/files`); the hub keeps what it renders on demand in its database (hub/audio),
 * behind the same interface.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EncodedSound, SoundFormat } from './encode.js';
import { isSoundHash, type SoundHash } from './sound-id.js';

/** A finished sound: its name and what {@link EncodedSound} says of it. */
export interface StoredSound extends EncodedSound {
  hash: SoundHash;
}

/** A place that keeps sounds. */
export interface SoundStore {
  /** The finished sound named `hash`, or undefined. */
  get(hash: SoundHash): Promise<StoredSound | undefined>;
  /** Where the encoder writes `<stem>.<format>` for `hash` before {@link commit}. */
  stemFor(hash: SoundHash): Promise<string>;
  /**
   * Keeps the files written at `stemFor(hash)` with their figures; the sound is finished from
   * now on. `written` names the files written just now (default: every file `sound` lists);
   * the others are kept already (an MP3 added to a stored sound).
   */
  commit(sound: StoredSound, written?: readonly SoundFormat[]): Promise<void>;
  /** One file's bytes, or undefined when the store has no finished sound of that name. */
  read(hash: SoundHash, format: SoundFormat): Promise<Buffer | undefined>;
  /**
   * For a store several processes share: true when this one should render `hash`, false when
   * another one is rendering it already (then wait for it to appear). Absent: always render.
   */
  claim?(hash: SoundHash): Promise<boolean>;
}

// JSON has no -Infinity: a silent file's loudness is stored as null.
const loudnessSchema = z
  .number()
  .nullable()
  .transform((value) => value ?? -Infinity);
const fileFiguresSchema = z.object({
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  bytes: z.number().int().nonnegative(),
  peakDbfs: z
    .number()
    .nullable()
    .transform((value) => value ?? -Infinity),
  loudness: loudnessSchema,
  leadingSilenceMs: z.number().nonnegative(),
  duration: z.number().nonnegative(),
});

/** A stored sound's record, as JSON: what `audio:check` reads. */
export const soundRecordSchema = z.object({
  format: z.literal(1),
  hash: z.string().refine(isSoundHash, 'a sound hash is 24 hex digits'),
  duration: z.number().nonnegative(),
  files: z.object({ ogg: fileFiguresSchema, mp3: fileFiguresSchema.optional() }),
});

/** The record of `sound` as JSON text. */
export function soundRecordJson(sound: StoredSound): string {
  return JSON.stringify({ format: 1, hash: sound.hash, duration: sound.duration, files: sound.files }, (_, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? null : value,
  );
}

/** Reads a record; undefined when it is missing or unreadable (the sound is then rendered again). */
export function parseSoundRecord(json: string): StoredSound | undefined {
  try {
    const parsed = soundRecordSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return undefined;
    const { ogg, mp3 } = parsed.data.files;
    return { hash: parsed.data.hash, duration: parsed.data.duration, files: mp3 ? { ogg, mp3 } : { ogg } };
  } catch {
    return undefined;
  }
}

/** The formats `sound` has files in. */
export function formatsOf(sound: EncodedSound): SoundFormat[] {
  return sound.files.mp3 ? ['ogg', 'mp3'] : ['ogg'];
}

/** An unfinished file older than this was left by a build that stopped. */
const abandonedAfterMs = 60 * 60_000;

/** A store in a folder: `<hash>.ogg`, `<hash>.json` and, once made, `<hash>.mp3` side by side. */
export interface FolderSoundStore extends SoundStore {
  folder: string;
  /** Names of the finished sounds, read from the folder once. */
  list(): Promise<Set<SoundHash>>;
  /** Removes every file (finished or not) whose sound is not in `keep`. */
  prune(keep: ReadonlySet<SoundHash>): Promise<number>;
}

/** The folder store at `folder` (created on first write). */
export function folderSoundStore(folder: string): FolderSoundStore {
  const file = (hash: SoundHash, extension: string): string => path.join(folder, `${hash}.${extension}`);
  const get = async (hash: SoundHash): Promise<StoredSound | undefined> => {
    if (!isSoundHash(hash)) return undefined;
    const record = await readFile(file(hash, 'json'), 'utf8').then(parseSoundRecord, () => undefined);
    if (!record || record.hash !== hash) return undefined;
    if (!existsSync(file(hash, 'ogg'))) return undefined;
    // A fallback that has gone missing is made again when next asked for.
    return record.files.mp3 && !existsSync(file(hash, 'mp3')) ? { ...record, files: { ogg: record.files.ogg } } : record;
  };
  return {
    folder,
    get,
    stemFor: async (hash) => {
      await mkdir(folder, { recursive: true });
      return path.join(folder, hash);
    },
    commit: async (sound) => {
      const partial = `${file(sound.hash, 'json')}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
      await writeFile(partial, soundRecordJson(sound));
      await rename(partial, file(sound.hash, 'json'));
    },
    read: async (hash, format) => ((await get(hash))?.files[format] ? readFile(file(hash, format)) : undefined),
    list: async () => {
      const names = existsSync(folder) ? await readdir(folder) : [];
      const present = new Set(names);
      const finished = new Set<SoundHash>();
      for (const name of names) {
        const hash = name.slice(0, -'.json'.length);
        // Its record lists its files, but reading every record would cost the no-change build
        // its second: the Ogg every sound has is enough to count it (get() checks the rest).
        if (name.endsWith('.json') && isSoundHash(hash) && present.has(`${hash}.ogg`)) finished.add(hash);
      }
      return finished;
    },
    prune: async (keep) => {
      let removed = 0;
      for (const name of existsSync(folder) ? await readdir(folder) : []) {
        if (keep.has(name.slice(0, 24)) && /^[a-f0-9]{24}\.(ogg|mp3|json)$/.test(name)) continue;
        // Another build may be writing into the same store right now (two test workers): its
        // unfinished files are left alone unless they are old enough to be a crash's leftovers.
        if (name.includes('.partial-')) {
          const modified = (await stat(path.join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0;
          if (Date.now() - modified < abandonedAfterMs) continue;
        }
        await rm(path.join(folder, name), { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}
