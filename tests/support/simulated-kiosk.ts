/**
 * A kiosk without its screen, for tests that need more kiosks than browser pages are cheap: the
 * kiosk's own link (core/protocol/kiosk-link.ts) over a real socket and its own catalogue catch-up
 * (core/kiosk/catalogue-sync.ts) over real HTTP, confirming what it holds as the kiosk page does.
 */
import WebSocket from 'ws';
import { createCatalogueSync, type CatalogueSync } from '../../core/kiosk/catalogue-sync.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import type { WebSocketLike } from '../../core/protocol/hub-socket.js';
import { openKioskLink, type KioskLink } from '../../core/protocol/kiosk-link.js';
import { websocketPath } from '../../core/protocol/ws.js';

/** A running simulated kiosk. */
export interface SimulatedKiosk {
  link: KioskLink;
  sync: CatalogueSync<{ version: number }>;
  stop(): void;
}

/** Starts a kiosk with `token` against the hub at `hubUrl` (http://…). */
export function startSimulatedKiosk(hubUrl: string, token: string): SimulatedKiosk {
  const setTimer = (callback: () => void, milliseconds: number): unknown => setTimeout(callback, milliseconds);
  const clearTimer = (handle: unknown): void => clearTimeout(handle as NodeJS.Timeout);
  const link = openKioskLink({
    url: hubUrl.replace(/^http/, 'ws') + websocketPath,
    token,
    createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    setTimer,
    clearTimer,
  });
  link.report({ appVersion: 'browser' });
  const sync = createCatalogueSync<{ version: number }>({
    download: async () => {
      const response = await fetch(hubUrl + apiRoutes.procedures.path, { headers: { authorization: `Bearer ${token}` } });
      return response.ok ? { version: ((await response.json()) as { version: number }).version } : undefined;
    },
    onNewer: (set) => link.report({ proceduresVersion: set.version }),
    setTimer,
    clearTimer,
    retryAfterMs: 500,
  });
  const unsubscribe = link.on('procedures-changed', (message) => sync.heard(message.version));
  return {
    link,
    sync,
    stop: () => {
      unsubscribe();
      sync.stop();
      link.stop();
    },
  };
}
