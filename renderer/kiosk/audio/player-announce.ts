/**
 * The kiosk's player says what it did (load, play, end, stop, error, with the file's address,
 * howler's decoded duration and the time) as a DOM event on `window`. Nothing in the kiosk listens
 * and nothing is kept: the browser tests and the audio bench add a listener before the page loads
 * (tests/e2e/support/speech-log.ts), so the kiosk itself ships no test log. An event holds a file
 * address only, never a text or an answer.
 */
import type { PlayerEvent } from './howler-player.js';

/** The type of the event on `window`; its `detail` is a {@link PlayerEvent}. */
export const playerEventType = 'paso:player';

/** Dispatches one player event on `window`, for whoever listens. */
export function announcePlayerEvent(event: PlayerEvent): void {
  window.dispatchEvent(new CustomEvent<PlayerEvent>(playerEventType, { detail: event }));
}
