/**
 * Locks every webContents the app ever creates (registered before the first window, so none is
 * missed), and removes the default menu with its reload and devtools accelerators.
 */
import { app, Menu } from 'electron';
import { applyLockdown } from './lockdown-rules.js';
import { log } from './log.js';

/** Installs the lockdown for the app's whole life. */
export function setupLockdown(isDevelopment: boolean): void {
  Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_event, contents) => applyLockdown(contents, { isDevelopment, log }));
}
