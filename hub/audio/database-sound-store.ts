/**
 * The hub's store for speech rendered on demand: the database. Several hubs of one city share
 * one PostgreSQL and may share no disk, so a sound any hub rendered (a publication's new
 * wording, above all) is served by every hub from the one place they all reach, and a claim row
 * makes sure only one hub renders it. SQLite (one hub) uses the same table.
 */
import type { Kysely } from 'kysely';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SoundFormat } from '../../speech/encode.js';
import { isSoundHash, type SoundHash } from '../../speech/sound-id.js';
import { formatsOf, parseSoundRecord, soundRecordJson, type SoundStore, type StoredSound } from '../../speech/store.js';
import type { HubDatabase } from '../db/schema.js';

/** How many sounds are kept; the oldest go first. Names and waits vary, so it would grow without end. */
export const maxStoredSounds = 3000;

/** A claim older than this is taken to belong to a hub that died while rendering. */
const staleClaimMs = 60_000;

/** The database store, with the claim the speaker uses to render each sound once. */
export interface DatabaseSoundStore extends SoundStore {
  /** True when this hub should render `hash` (no other hub is); false when another one is. */
  claim(hash: SoundHash): Promise<boolean>;
  /** Removes the temporary folder the encoder writes into. */
  close(): Promise<void>;
}

/** The store over `db`; `now` is the clock (tests move it). */
export function databaseSoundStore(db: Kysely<HubDatabase>, options: { limit?: number; now?: () => number } = {}): DatabaseSoundStore {
  const now = options.now ?? Date.now;
  const limit = options.limit ?? maxStoredSounds;
  let workFolder: Promise<string> | undefined;
  const folder = (): Promise<string> => (workFolder ??= mkdtemp(path.join(tmpdir(), 'paso-hub-speech-')));

  const prune = async (): Promise<void> => {
    const finished = await db
      .selectFrom('speech_sounds')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('record', 'is not', null)
      .executeTakeFirst();
    const excess = Number(finished?.count ?? 0) - limit;
    if (excess <= 0) return;
    const oldest = await db.selectFrom('speech_sounds').select('hash').where('record', 'is not', null).orderBy('created_at').limit(excess).execute();
    await db
      .deleteFrom('speech_sounds')
      .where(
        'hash',
        'in',
        oldest.map(({ hash }) => hash),
      )
      .execute();
  };

  return {
    get: async (hash) => {
      if (!isSoundHash(hash)) return undefined;
      const row = await db.selectFrom('speech_sounds').select('record').where('hash', '=', hash).executeTakeFirst();
      const sound = row?.record ? parseSoundRecord(row.record) : undefined;
      return sound?.hash === hash ? sound : undefined;
    },
    read: async (hash, format) => {
      if (!isSoundHash(hash)) return undefined;
      const row = await db.selectFrom('speech_sounds').select(format).where('hash', '=', hash).where('record', 'is not', null).executeTakeFirst();
      const bytes = row?.[format];
      return bytes ? Buffer.from(bytes) : undefined;
    },
    stemFor: async (hash) => {
      const base = await folder();
      await mkdir(base, { recursive: true });
      return path.join(base, hash);
    },
    claim: async (hash) => {
      const at = now();
      const inserted = await db
        .insertInto('speech_sounds')
        .values({ hash, record: null, ogg: null, mp3: null, claimed_at: at, created_at: at })
        .onConflict((conflict) => conflict.column('hash').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
      // Taken over only when the other hub's claim is stale and nothing was stored.
      const taken = await db
        .updateTable('speech_sounds')
        .set({ claimed_at: at })
        .where('hash', '=', hash)
        .where('record', 'is', null)
        .where('claimed_at', '<', at - staleClaimMs)
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    },
    commit: async (sound: StoredSound, written: readonly SoundFormat[] = formatsOf(sound)) => {
      const stem = path.join(await folder(), sound.hash);
      try {
        const bytes: Partial<Record<SoundFormat, Buffer>> = {};
        for (const format of written) bytes[format] = await readFile(`${stem}.${format}`);
        const record = soundRecordJson(sound);
        const at = now();
        if (bytes.ogg) {
          await db
            .insertInto('speech_sounds')
            .values({ hash: sound.hash, record, ogg: bytes.ogg, mp3: bytes.mp3 ?? null, claimed_at: at, created_at: at })
            .onConflict((conflict) => conflict.column('hash').doUpdateSet({ record, ogg: bytes.ogg ?? null, mp3: bytes.mp3 ?? null, created_at: at }))
            .execute();
        } else if (bytes.mp3) {
          // A fallback added to a stored sound: the record and its MP3 change together. A sound
          // pruned meanwhile stays gone (an MP3 alone would be a record without its Ogg); two
          // hubs adding the same fallback at once write the same kind of file, the last one wins.
          await db.updateTable('speech_sounds').set({ record, mp3: bytes.mp3 }).where('hash', '=', sound.hash).where('record', 'is not', null).execute();
        }
      } finally {
        await Promise.all(written.map((format) => rm(`${stem}.${format}`, { force: true })));
      }
      await prune();
    },
    close: async () => {
      // A render still finishing may write into it while it goes: retried, as rm's own ENOTEMPTY advice.
      if (workFolder) await rm(await workFolder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
