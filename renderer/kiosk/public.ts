/**
 * What the kiosk lets another app use, and the only way in: the staff console's preview draws a
 * step with the kiosk's own screen, bar, strings and styles, so a preview can never drift from
 * what a senior sees. Lint keeps staff to this file (paso/renderer-app-boundaries in
 * eslint.config.js); export here what the preview needs, nothing the kiosk keeps to itself.
 */
export { SessionBar } from './app/session-bar.js';
export { PreviewSpeechProvider } from './audio/speech-context.js';
export { useSpeechControls } from './audio/speech-controls.js';
export { kioskScreens, mostPartsBeforeWarning, type KioskScreen } from './fit/kiosk-screens.js';
export { createKioskI18n } from './i18n/every-language.js';
export { textSizes } from './session/kiosk-session.js';
export { StepScreen } from './steps/step-screen.js';
/** The kiosk's style sheet's address, for a frame that draws the kiosk. */
export { default as kioskCssUrl } from './kiosk.css?url';
/** The speech controls' style sheet's address, for the same frame. */
export { default as speechCssUrl } from './audio/speech.css?url';
