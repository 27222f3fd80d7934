/**
 * The kiosk's catch-up with the published catalogue, with a controlled world: downloads that the
 * test answers when it likes (in any order), and timers it runs by hand.
 */
import { describe, expect, it } from 'vitest';
import { createCatalogueSync } from '../../../core/kiosk/catalogue-sync.js';

function world(retryAfterMs = 30_000) {
  const downloads: { wanted: number; answer: (version: number | undefined) => void }[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const shown: number[] = [];
  const sync = createCatalogueSync<{ version: number }>({
    download: (wanted) => new Promise((resolve) => downloads.push({ wanted, answer: (version) => resolve(version === undefined ? undefined : { version }) })),
    onNewer: (set) => shown.push(set.version),
    setTimer: (callback, ms) => {
      const timer = { callback, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      const index = timers.findIndex((timer) => timer === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    retryAfterMs,
  });
  return { sync, downloads, timers, shown };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a kiosk catching up with the published catalogue', () => {
  it('downloads one at a time, and a version heard during a download is downloaded next, not dropped', async () => {
    const { sync, downloads, shown } = world();
    sync.heard(10);
    sync.heard(11);
    expect(downloads).toHaveLength(1);
    downloads[0]?.answer(10);
    await settle();
    expect(shown).toEqual([10]);
    expect(downloads).toHaveLength(2);
    expect(downloads[1]?.wanted).toBe(11);
    downloads[1]?.answer(11);
    await settle();
    expect(shown).toEqual([10, 11]);
    expect(sync.held()).toBe(11);
  });

  it('never goes back: an older catalogue arriving late, or an older version heard, changes nothing', async () => {
    const { sync, downloads, shown } = world();
    sync.loaded({ version: 12 });
    sync.heard(11);
    expect(downloads).toHaveLength(0);
    sync.heard(13);
    downloads[0]?.answer(13);
    await settle();
    sync.loaded({ version: 12 });
    expect(shown).toEqual([12, 13]);
    expect(sync.held()).toBe(13);
  });

  it('a failed download is tried again later; a hub answering an older catalogue than it named too', async () => {
    const { sync, downloads, timers, shown } = world();
    sync.heard(5);
    downloads[0]?.answer(undefined);
    await settle();
    expect(timers.map((timer) => timer.ms)).toEqual([30_000]);
    timers.shift()?.callback();
    expect(downloads).toHaveLength(2);
    downloads[1]?.answer(4);
    await settle();
    expect(shown).toEqual([4]);
    expect(timers).toHaveLength(1);
    timers.shift()?.callback();
    downloads[2]?.answer(5);
    await settle();
    expect(shown).toEqual([4, 5]);
    expect(timers).toHaveLength(0);
  });

  it('hearing the version it holds downloads nothing, and nothing happens after stop', async () => {
    const { sync, downloads } = world();
    sync.loaded({ version: 7 });
    sync.heard(7);
    expect(downloads).toHaveLength(0);
    sync.stop();
    sync.heard(8);
    expect(downloads).toHaveLength(0);
  });
});
