/**
 * The kiosk page's only contact with the Electron shell: `window.kiosk`, present when the page
 * runs in the shell and absent in a browser. In the shell the page is served from `app://paso/`,
 * its HTTP calls to the hub go through the shell (same origin), and only the WebSocket goes to
 * the hub's own address, which the shell's configuration gives.
 */
import type { KioskBridge, PageConfig } from '../../../core/shell/bridge.js';
import { websocketPath } from '../../../core/protocol/routes.js';

declare global {
  interface Window {
    /** The shell's bridge (electron/preload); undefined in a browser. */
    readonly kiosk?: KioskBridge;
  }
}

let shellHubUrl: string | undefined;

/** The shell's bridge, when the page runs in the shell. */
export function shellBridge(): KioskBridge | undefined {
  return window.kiosk;
}

/**
 * Reads the shell's configuration once at start. In the shell, the "print" buttons go to the
 * shell's silent printing on the configured printer instead of a print dialog a senior would
 * have to understand; every `window.print()` in the page takes that road.
 */
export async function connectToShell(bridge: KioskBridge): Promise<PageConfig> {
  const config = await bridge.getConfig();
  shellHubUrl = config.hubUrl;
  window.print = () => {
    void bridge.printSheet().then((result) => {
      if (!result.printed) console.warn(`the sheet was not printed: ${result.reason}`);
    });
  };
  return config;
}

/** The hub's WebSocket address: the hub named by the shell, or the page's own host in a browser. */
export function hubWebSocketUrl(location: Location): string {
  if (shellHubUrl !== undefined) return `${shellHubUrl.replace(/^http/, 'ws')}${websocketPath}`;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${websocketPath}`;
}
