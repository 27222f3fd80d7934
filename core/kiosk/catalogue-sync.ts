/**
 * How a kiosk keeps the published catalogue it holds up to date: the hub names the current
 * catalogue version (after every hello, at every publication, and in answer to a kiosk that
 * confirms an older one), and the kiosk downloads it when it holds another.
 *
 * Why a kiosk could be left behind before (issue 16, one walk in 17), and what this holds to:
 * - one download at a time, and after it the newest version heard is compared again: a
 *   publication heard while a download was on its way is downloaded next, never dropped as a
 *   duplicate of the one in flight;
 * - what the kiosk holds only moves forward: two downloads finishing out of order can no longer
 *   put an older catalogue over a newer one (after which the next announcement, equal to the
 *   version that was overwritten, looked like nothing new);
 * - versions heard only move forward too: a hello's version can be newer than an announcement
 *   still on its way (the hub announces once a publication's audio is rendered);
 * - a download that fails, or that the hub answers with an older catalogue than it announced (a
 *   city's hubs a moment apart), is tried again after a while instead of being forgotten.
 *
 * Pure: the download, the timers and what to do with a new set are passed in.
 */

/** A downloaded catalogue: at least its version. */
export interface VersionedSet {
  version: number;
}

/** Options of {@link createCatalogueSync}. */
export interface CatalogueSyncOptions<S extends VersionedSet> {
  /** Downloads the current catalogue (`wanted`: the version the hub named); undefined when it could not. */
  download: (wanted: number) => Promise<S | undefined>;
  /** A newer catalogue than the one held arrived (from a download or {@link CatalogueSync.loaded}). */
  onNewer: (set: S) => void;
  setTimer: (callback: () => void, milliseconds: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** How long to wait before trying a failed or stale download again. */
  retryAfterMs?: number;
}

/** The catalogue a kiosk holds, kept up to date. */
export interface CatalogueSync<S extends VersionedSet> {
  /** The hub named the current catalogue version. */
  heard(version: number): void;
  /** A catalogue downloaded elsewhere (the page's first load): held if newer. */
  loaded(set: S): void;
  /** The version held, once known. */
  held(): number | undefined;
  /** Stops downloading and retrying. */
  stop(): void;
}

/** Keeps a catalogue up to date with the versions the hub names. */
export function createCatalogueSync<S extends VersionedSet>(options: CatalogueSyncOptions<S>): CatalogueSync<S> {
  const retryAfterMs = options.retryAfterMs ?? 30_000;
  let held: number | undefined;
  let wanted: number | undefined;
  let downloading = false;
  let retry: unknown;
  let stopped = false;

  const behind = (): boolean => wanted !== undefined && (held === undefined || held < wanted);
  const take = (set: S): void => {
    if (held !== undefined && set.version <= held) return;
    held = set.version;
    options.onNewer(set);
  };
  const later = (): void => {
    options.clearTimer(retry);
    retry = options.setTimer(() => void run(), retryAfterMs);
  };
  const run = async (): Promise<void> => {
    if (downloading || stopped) return;
    downloading = true;
    try {
      while (!stopped && behind()) {
        const asked = wanted ?? 0;
        const set = await options.download(asked);
        if (stopped) return;
        if (!set) return later();
        take(set);
        // The hub answered with an older catalogue than it named: ask again later, not in a loop.
        if (set.version < asked) return later();
      }
    } finally {
      downloading = false;
    }
  };

  return {
    heard: (version) => {
      if (wanted === undefined || version > wanted) wanted = version;
      options.clearTimer(retry);
      void run();
    },
    loaded: take,
    held: () => held,
    stop: () => {
      stopped = true;
      options.clearTimer(retry);
    },
  };
}
