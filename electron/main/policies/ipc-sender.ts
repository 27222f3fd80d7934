/**
 * Who may talk to the main process over IPC: only the kiosk window's own webContents, from its
 * top frame, showing one of the kiosk's own pages. A page that somehow navigated elsewhere, an
 * iframe, or another webContents gets nothing (Electron security checklist, item 17).
 */
import { isAppUrl } from './app-origin.js';

/** The facts about an IPC message's sender that the check reads. */
export interface IpcSender {
  /** `event.sender.id`. */
  webContentsId: number;
  /** `event.senderFrame?.url`, undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** Whether `event.senderFrame` is the top frame (`senderFrame.parent === null`). */
  isMainFrame: boolean;
}

/** True when the message comes from the kiosk window's own page. */
export function isTrustedSender(sender: IpcSender, trustedWebContentsIds: ReadonlySet<number>): boolean {
  if (!trustedWebContentsIds.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame || sender.frameUrl === undefined) return false;
  return isAppUrl(sender.frameUrl);
}
