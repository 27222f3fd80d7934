/**
 * Test-only: when the kiosk is opened with `speechtest=1` in its URL fragment, every event the
 * real howler player reports (load, play, end, stop, error, with the file's address, howler's
 * decoded duration and the time) is pushed onto `window.__pasoSpeech.events`, so a browser test
 * can check that a prompt really played. Without the flag nothing is recorded. It holds file
 * addresses only, never a text or an answer.
 */
import type { PlayerEvent } from './howler-player.js';

/** What the test reads. */
export interface SpeechTestLog {
  events: PlayerEvent[];
}

declare global {
  interface Window {
    __pasoSpeech?: SpeechTestLog;
  }
}

/** The fragment flag that turns the log on. */
export const speechTestFlag = 'speechtest';

/** Whether a URL fragment like `#token=…&speechtest=1` asks for the log. */
export function wantsSpeechTestLog(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).get(speechTestFlag) === '1';
}

/** Starts the log on `window` and returns the player's event handler. */
export function speechTestLog(): (event: PlayerEvent) => void {
  const log: SpeechTestLog = { events: [] };
  window.__pasoSpeech = log;
  return (event) => void log.events.push(event);
}
