/**
 * Applies the kiosk's lockdown to one webContents: no navigation away, no new windows, no
 * webviews, no blocked shortcuts, no developer tools outside development. Written against the
 * small part of webContents it uses, so tests drive it with a stand-in and real event objects.
 */
import { mayNavigate, windowOpenDecision } from './policies/navigation.js';
import { blockedShortcut, type KeyInput } from './policies/shortcuts.js';

/** A cancellable Electron event. */
export interface Preventable {
  preventDefault(): void;
}

/** The part of Electron's webContents the lockdown uses. */
export interface LockableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: Preventable & { url?: string }, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  on(event: 'before-input-event', listener: (event: Preventable, input: KeyInput) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

/** What happened, for the log: every refusal is written down for staff. */
export type LockdownLog = (message: string) => void;

/** Locks one webContents down. */
export function applyLockdown(contents: LockableContents, options: { isDevelopment: boolean; log: LockdownLog }): void {
  const guardNavigation = (kind: string) => (event: Preventable & { url?: string }, url?: string) => {
    // Electron passes the URL as the second argument (will-navigate, will-redirect) or on the event (will-frame-navigate).
    const target = url ?? event.url ?? '';
    if (!mayNavigate(target)) {
      event.preventDefault();
      options.log(`${kind} refused: ${target.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.setWindowOpenHandler((details) => {
    options.log(`new window refused: ${details.url.slice(0, 200)}`);
    return windowOpenDecision();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('webview refused');
  });
  contents.on('before-input-event', (event, input) => {
    // In development the reload and devtools keys are what a developer needs.
    if (options.isDevelopment) return;
    if (blockedShortcut(input) !== undefined) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (options.isDevelopment) return;
    // Belt and braces: devTools is false in webPreferences, so this should never run.
    contents.closeDevTools();
    options.log('developer tools closed');
  });
}
