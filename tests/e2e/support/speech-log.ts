/**
 * The browser tests' log of what the kiosk's real player did: the kiosk announces every player
 * event on `window` (renderer/kiosk/audio/player-announce.ts) and keeps nothing; this script,
 * added to a page before it loads, collects them on `window.__pasoSpeech.events`, where the tests
 * read them. Each page load starts a new log. Test-only: the kiosk's build holds none of it
 * (tests/e2e/kiosk-build.e2e.ts).
 */
import type { Page } from '@playwright/test';
import { playerEventType } from '../../../renderer/kiosk/audio/player-announce.js';

/** Keeps the kiosk player's events on `window.__pasoSpeech.events` in every page `page` loads from now on. */
export async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript((type) => {
    const log: { events: unknown[] } = { events: [] };
    (window as unknown as { __pasoSpeech?: typeof log }).__pasoSpeech = log;
    window.addEventListener(type, (event) => void log.events.push((event as CustomEvent<unknown>).detail));
  }, playerEventType);
}
