/**
 * The `app://` protocol the kiosk's pages load from, instead of `file://` (which would give the
 * page the whole disk). Registered as privileged before the app is ready; the handler itself is
 * `app-request-handler.ts`.
 */
import { net, protocol, type Session } from 'electron';
import { createAppRequestHandler } from './app-request-handler.js';
import type { OfflineCache } from './offline-cache.js';
import { appScheme } from './policies/app-origin.js';

/** Must run before `app` is ready: makes `app://` a secure, standard origin that may use fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
}

/** Serves the kiosk build and the hub's answers on the window's session. */
export function setupAppProtocol(session: Session, options: { uiRoot: string; hubOrigin: string; cache: OfflineCache }): void {
  session.protocol.handle(appScheme, createAppRequestHandler({ ...options, fetch: (url, init) => net.fetch(url, init) }));
}
