/**
 * Brings the kiosk page back after a crash or a hang, following the pure policy in
 * policies/recovery.ts: reload first, relaunch the whole app after repeated failures. A crash of
 * the main process itself is the OS supervisor's job (docs/kiosk-lockdown.md).
 */
import { app, type BrowserWindow } from 'electron';
import { log } from './log.js';
import { initialRecovery, nextRecovery, type RecoveryAction, type RecoveryEvent } from './policies/recovery.js';

/** Watches the window's page for the app's whole life. */
export function setupRecovery(window: BrowserWindow, startUrl: string): void {
  let state = initialRecovery;
  const contents = window.webContents;
  const act = (action: RecoveryAction, why: string): void => {
    if (action === 'nothing') return;
    log(`page ${why}: ${action}`);
    if (action === 'relaunch') {
      app.relaunch();
      app.exit(0);
      return;
    }
    // A hung page cannot be reloaded from inside; once crashed, render-process-gone reloads it.
    if (action === 'crash-renderer') {
      contents.forcefullyCrashRenderer();
      return;
    }
    void window.loadURL(startUrl);
  };
  const handle = (event: RecoveryEvent, why: string): void => {
    const next = nextRecovery(state, event);
    state = next.state;
    act(next.action, why);
  };
  contents.on('render-process-gone', (_event, details) => handle({ type: 'gone', reason: details.reason, at: Date.now() }, `gone (${details.reason})`));
  window.on('unresponsive', () => handle({ type: 'unresponsive', at: Date.now() }, 'unresponsive'));
  window.on('responsive', () => handle({ type: 'responsive', at: Date.now() }, 'responsive'));
  const timer = setInterval(() => handle({ type: 'tick', at: Date.now() }, 'hung'), 1000);
  window.on('closed', () => clearInterval(timer));
}
