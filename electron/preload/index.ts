/**
 * The kiosk page's one door to the shell: `window.kiosk`, with exactly the methods of the bridge
 * contract (core/shell/bridge.ts), each a call over its own IPC channel. The page never gets
 * `ipcRenderer`, events or Node; it gets promises of checked answers. Bundled to CommonJS,
 * because sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeChannel, bridgeMethods } from '../../core/shell/bridge-methods.js';
import type { KioskBridge } from '../../core/shell/bridge.js';

const bridge = Object.fromEntries(
  bridgeMethods.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(bridgeChannel(method), ...args)]),
) as KioskBridge;

contextBridge.exposeInMainWorld('kiosk', Object.freeze(bridge));
