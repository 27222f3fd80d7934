/**
 * The kiosk window's options, as a plain value so a test can check every security setting
 * without Electron. Each `webPreferences` entry repeats a safe default on purpose: an Electron
 * upgrade that changed a default must not change the kiosk.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The options of the one kiosk window. */
export function kioskWindowOptions(preloadPath: string | undefined, isDevelopment: boolean): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    // Shown once the page has painted, so the senior never sees a white flash or a half page.
    show: false,
    backgroundColor: '#ffffff',
    title: 'Paso a Paso',
    webPreferences: {
      ...(preloadPath === undefined ? {} : { preload: preloadPath }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A middle click must not try to open a link in a new window (denied anyway, but never asked).
      disableBlinkFeatures: 'Auxclick',
      // Developer tools exist only when running from the source tree, never in a packaged kiosk.
      devTools: isDevelopment,
    },
  };
}
