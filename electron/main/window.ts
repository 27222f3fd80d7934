/**
 * Creates the one kiosk window: full screen, kiosk mode, hardened (window-options.ts), shown once
 * painted. A second launch of the app brings this window forward instead of opening another.
 */
import { app, BrowserWindow } from 'electron';
import { kioskWindowOptions } from './window-options.js';

/** Creates the window and loads `url`. */
export function createKioskWindow(url: string, preloadPath: string | undefined, isDevelopment: boolean): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(preloadPath, isDevelopment));
  window.removeMenu();
  window.once('ready-to-show', () => window.show());
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  void window.loadURL(url);
  return window;
}
