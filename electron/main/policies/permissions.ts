/**
 * Permission requests from web content (camera, microphone, location, notifications, …). Electron
 * grants every one by default; the kiosk denies all but the short allowlist below, and only to its
 * own pages in the top frame. Each allowed entry carries its reason.
 */
import { isAppUrl } from './app-origin.js';

/** What the kiosk grants, and why. Anything not here is denied. */
export const permissionAllowlist: Readonly<Record<string, string>> = {
  // The help call's WebSocket goes from app://paso to the hub on the library's network (or on
  // this machine in demo mode), which Chromium's Local Network Access treats as a permission.
  // The page's Content-Security-Policy (connect-src) lets it reach only its hub, so granting
  // these opens nothing else of the network.
  'local-network-access': 'the page must reach its hub on the local network; the CSP limits it to the hub',
  'local-network': 'the page must reach its hub on the local network; the CSP limits it to the hub',
  'loopback-network': 'the page must reach a hub on this same machine (demo mode); the CSP limits it to the hub',
  // The kiosk window is already full screen; a page's own requestFullscreen (e.g. a video in a
  // future procedure) must not fail with an error the senior would see. It cannot leave kiosk mode.
  fullscreen: 'the window is already full screen; granting it changes nothing a senior can see',
};

/** A permission request as the decision needs it. */
export interface PermissionRequest {
  permission: string;
  /** The URL of the page or frame that asks. */
  requestingUrl: string;
  /** Whether the asking frame is the top one (iframes get nothing). */
  isMainFrame: boolean;
}

/** True when the request may be granted. */
export function mayGrantPermission(request: PermissionRequest): boolean {
  if (!Object.hasOwn(permissionAllowlist, request.permission)) return false;
  return request.isMainFrame && isAppUrl(request.requestingUrl);
}
