/**
 * The kiosk page's one link to the hub (core/protocol/kiosk-link.ts), made once by the page
 * (main.tsx) and given to the parts that need it through context: the help call listens for
 * `kiosk.call` and `kiosk.take-over`, the procedures for `procedures-changed`. A refusal of
 * the device token (4401) is reported here once, for the whole page.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { openKioskLink, type KioskLink } from '../../../core/protocol/kiosk-link.js';
import { isAppVersion } from '../../../core/protocol/kiosk-answers.js';
import { hubWebSocketUrl } from '../shell/kiosk-shell.js';
import { reportSocketRefused } from '../unauthorised/device-access.js';

/** The shell's app version when the page runs in the Electron shell, else "browser". */
async function readAppVersion(): Promise<string> {
  try {
    const version = (await window.kiosk?.appVersion()) ?? 'browser';
    // A version the hub would refuse must not cost the kiosk its socket.
    return isAppVersion(version) ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Opens the page's link to its hub with the device token (once per page). */
export function openBrowserKioskLink(token: string): KioskLink {
  const link = openKioskLink({
    url: hubWebSocketUrl(window.location),
    token,
    createSocket: (url) => new WebSocket(url),
    setTimer: (callback, milliseconds) => window.setTimeout(callback, milliseconds),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  });
  // The hub closed the socket for the device token (4401): the kiosk is not authorised.
  link.onStatus((status) => {
    if (status === 'refused') reportSocketRefused();
  });
  void readAppVersion().then((appVersion) => link.report({ appVersion }));
  return link;
}

const LinkContext = createContext<KioskLink | undefined>(undefined);

/** Gives the page's link to the kiosk below it. */
export function KioskLinkProvider({ link, children }: { link: KioskLink; children: ReactNode }) {
  return <LinkContext.Provider value={link}>{children}</LinkContext.Provider>;
}

/** The page's link to the hub; only inside {@link KioskLinkProvider}. */
export function useKioskLink(): KioskLink {
  const link = useContext(LinkContext);
  if (!link) throw new Error('useKioskLink needs a KioskLinkProvider above it (renderer/kiosk/main.tsx).');
  return link;
}
