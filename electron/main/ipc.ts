/**
 * Connects the bridge to `ipcMain`: one handler per contract method, each going through the
 * dispatcher's sender check and payload validation. The only module that touches `ipcMain`.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { bridgeChannel, bridgeMethods } from '../../core/shell/bridge-methods.js';
import { createBridgeDispatcher, type BridgeHandlers } from './bridge-dispatcher.js';
import { log } from './log.js';

function senderOf(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return { webContentsId: event.sender.id, frameUrl: frame?.url, isMainFrame: frame !== null && frame.parent === null };
}

/** Registers the bridge for the given trusted webContents (the kiosk window's). */
export function setupIpc(handlers: BridgeHandlers, trustedWebContentsIds: ReadonlySet<number>): void {
  const dispatch = createBridgeDispatcher(handlers, trustedWebContentsIds);
  for (const method of bridgeMethods) {
    ipcMain.handle(bridgeChannel(method), async (event, ...args: unknown[]) => {
      try {
        return await dispatch(method, senderOf(event), args);
      } catch (error) {
        log(error instanceof Error ? error.message : String(error));
        throw error;
      }
    });
  }
}
