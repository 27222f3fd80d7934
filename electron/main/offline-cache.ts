/**
 * The last answers the hub gave to the kiosk's cacheable requests (who it is, the published
 * procedures, the spoken audio), kept in the app's data folder so the kiosk starts and runs when
 * the hub cannot be reached. Each entry is written to a temporary file and renamed, so a power cut
 * mid-write leaves the previous entry intact rather than half a file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** One cached answer. */
export interface CachedAnswer {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  savedAt: string;
}

/** Reads and writes cached answers by request path. */
export interface OfflineCache {
  get(pathAndQuery: string): Promise<CachedAnswer | undefined>;
  put(pathAndQuery: string, answer: CachedAnswer): Promise<void>;
}

const metaSchema = z.object({ path: z.string(), contentType: z.string(), savedAt: z.string() });

/** A cache in `folder` (created when first written). */
export function createOfflineCache(folder: string): OfflineCache {
  // File names are hashes of the path: no request path ever becomes a file path.
  const fileOf = (pathAndQuery: string): string => path.join(folder, createHash('sha256').update(pathAndQuery).digest('hex'));
  return {
    async get(pathAndQuery) {
      const base = fileOf(pathAndQuery);
      try {
        const meta = metaSchema.safeParse(JSON.parse(await readFile(`${base}.json`, 'utf8')));
        // A hash collision or a foreign file is treated as a miss, never served.
        if (!meta.success || meta.data.path !== pathAndQuery) return undefined;
        return { body: new Uint8Array(await readFile(`${base}.body`)), contentType: meta.data.contentType, savedAt: meta.data.savedAt };
      } catch {
        return undefined;
      }
    },
    async put(pathAndQuery, answer) {
      await mkdir(folder, { recursive: true });
      const base = fileOf(pathAndQuery);
      // A random name, not a counter: two caches on one folder (two windows, a test's handler
      // per request) write the same path at once, and a shared name made one rename fail.
      const temporary = `${base}.${randomUUID()}.tmp`;
      // Body first, then its description: a reader that finds the description finds the body it describes.
      await writeFile(temporary, answer.body);
      await rename(temporary, `${base}.body`);
      await writeFile(temporary, JSON.stringify({ path: pathAndQuery, contentType: answer.contentType, savedAt: answer.savedAt }));
      await rename(temporary, `${base}.json`);
    },
  };
}
