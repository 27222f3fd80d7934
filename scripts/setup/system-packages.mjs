/**
 * The Debian packages Paso a Paso needs beyond npm, each with the command that shows it is there
 * and why it is needed. The one list that `npm test`, `npm start` and `.ci/run` all install from.
 */

/** @typedef {{ command: string, debianPackage: string, purpose: string, neededFor: ('tests' | 'start')[] }} SystemPackage */

/** @type {SystemPackage[]} */
export const systemPackages = [
  { command: 'chromium', debianPackage: 'chromium', purpose: 'the browser the end-to-end tests drive and the kiosk opens in', neededFor: ['tests'] },
  { command: 'espeak-ng', debianPackage: 'espeak-ng', purpose: 'the voice that speaks every prompt (npm run audio:build)', neededFor: ['tests', 'start'] },
  { command: 'ffmpeg', debianPackage: 'ffmpeg', purpose: 'encodes and measures the spoken prompts (Ogg/Opus and MP3)', neededFor: ['tests', 'start'] },
];
