/**
 * Where the kiosk's audio comes from: the hub, through Cache Storage. A file fetched once is
 * kept, so a kiosk whose hub went away keeps speaking every prompt it has played or preloaded,
 * and the manifest itself is kept for the same reason. Only the pre-rendered prompts (texts of
 * the scripts and of the screens, the same for everyone) are kept; the hub's dynamic sentences
 * (a volunteer's name) are never stored.
 *
 * Cache Storage exists only in a secure context (https, or the hub on localhost / the Electron
 * shell's own origin). Elsewhere the store falls back to plain addresses and the browser's HTTP
 * cache: speech still works, but not once the hub is gone.
 */
import { readAudioManifest } from '../../../core/audio/light-manifest.js';
import type { AudioManifest } from '../../../core/audio/manifest.js';

/** A file ready for howler: its address (a blob: one when it came from the cache) and how to free it. */
export interface OpenedFile {
  src: string;
  release: () => void;
}

/** Opens audio files by address. */
export interface AudioFileStore {
  open(url: string): Promise<OpenedFile>;
}

/** Where the kiosk's audio lives on the hub. */
export const audioBase = '/audio/';
/** The manifest's address. */
export const manifestUrl = `${audioBase}manifest.json`;

const cachePrefix = 'paso-audio-';
const manifestCacheName = `${cachePrefix}manifest`;
const filesCacheName = `${cachePrefix}files`;

function hasCacheStorage(): boolean {
  return typeof caches !== 'undefined';
}

/**
 * A store over Cache Storage. The builder names every file by a hash of what shapes its sound,
 * so a kept file never goes stale; files the current manifest no longer uses are dropped
 * (see {@link pruneAudioCache}).
 */
export function cachedAudioFileStore(): AudioFileStore {
  return {
    open: async (url) => {
      if (!hasCacheStorage()) return { src: url, release: () => undefined };
      const cache = await caches.open(filesCacheName);
      let response = await cache.match(url);
      if (!response) {
        const fresh = await fetch(url);
        if (!fresh.ok) throw new Error(`the hub answered ${fresh.status} for ${url}`);
        await cache.put(url, fresh.clone());
        response = fresh;
      }
      const src = URL.createObjectURL(await response.blob());
      return { src, release: () => URL.revokeObjectURL(src) };
    },
  };
}

/** Drops kept files that `inUse` (addresses the manifest names) no longer has. */
export async function pruneAudioCache(inUse: ReadonlySet<string>): Promise<number> {
  if (!hasCacheStorage()) return 0;
  const cache = await caches.open(filesCacheName);
  let dropped = 0;
  for (const request of await cache.keys()) {
    if (inUse.has(new URL(request.url).pathname)) continue;
    await cache.delete(request);
    dropped += 1;
  }
  return dropped;
}

/** A store that always asks the network: for the hub's dynamic sentences, which are never kept. */
export const networkAudioFileStore: AudioFileStore = {
  open: (url) => Promise.resolve({ src: url, release: () => undefined }),
};

/** The manifest as last read, with what the hub said about it. */
export interface LoadedManifest {
  /** Undefined when there is none: no build yet, and none kept from before. */
  manifest: AudioManifest | undefined;
  /** The hub answered (with the manifest, or that none is built yet). */
  hubAnswered: boolean;
  /** The hub's validator of the manifest read, to know it unchanged without parsing it again. */
  etag: string | null;
}

/**
 * The manifest: from the hub when it has one (and then kept), else the kept copy, else none
 * (the hub then speaks each prompt on demand). Checked against the contract either way. Read
 * again with `previous`, the browser revalidates it with its ETag and an unchanged one is not
 * parsed again, so a kiosk can read it at every new session for the cost of a 304.
 */
export async function loadAudioManifest(previous?: LoadedManifest, timeoutMs = 10_000): Promise<LoadedManifest> {
  const parse = async (response: Response): Promise<AudioManifest | undefined> => {
    const manifest = readAudioManifest(await response.json());
    if (!manifest) console.warn('the audio manifest does not have the shape this kiosk plays from: speaking through the hub instead');
    return manifest;
  };
  let hubAnswered = false;
  try {
    const response = await fetch(manifestUrl, { cache: 'no-cache', signal: AbortSignal.timeout(timeoutMs) });
    hubAnswered = true;
    const etag = response.headers.get('etag');
    if (response.ok && previous?.manifest && etag !== null && etag === previous.etag) return { ...previous, hubAnswered };
    if (response.ok) {
      const manifest = await parse(response.clone());
      if (manifest && hasCacheStorage()) await (await caches.open(manifestCacheName)).put(manifestUrl, response).catch(() => undefined);
      if (manifest) return { manifest, hubAnswered, etag };
    }
  } catch {
    // The hub cannot be reached: the kept copy below.
  }
  const none: LoadedManifest = { manifest: previous?.manifest, hubAnswered, etag: previous?.etag ?? null };
  if (previous?.manifest || !hasCacheStorage()) return none;
  try {
    const kept = await (await caches.open(manifestCacheName)).match(manifestUrl);
    return kept ? { manifest: await parse(kept), hubAnswered, etag: kept.headers.get('etag') } : none;
  } catch {
    return none;
  }
}
