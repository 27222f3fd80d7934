/**
 * A kiosk's one link to its hub: one WebSocket (the reconnecting client of hub-socket.ts, read
 * with the kiosk's light checks), one router that hands each message to the parts of the kiosk
 * that asked for its type, and what the kiosk says it runs. Made once per kiosk page; the help
 * call and the procedures both listen on it, so the hub counts one socket per kiosk and sends
 * each push once.
 *
 * What the kiosk holds (its app version and the catalogue version it downloaded last) goes in
 * every hello, in a `kiosk.status` when it changes while the socket is open, and again in a
 * `kiosk.status` every minute: the hub answers one that shows the kiosk behind with the current
 * version, so a kiosk that missed an announcement catches up within a minute (the staff fleet
 * page and the publish panel show what each kiosk confirmed). Version numbers only, never
 * anything of a senior's session. Pure: the socket, the timers and the randomness are passed in.
 */
import { connectHubSocket, type ConnectionStatus, type WebSocketLike } from './hub-socket.js';
import { readKioskHubMessage, type KioskHubMessage } from './kiosk-answers.js';
import { createMessageRouter, type MessageOfType } from './message-router.js';
import type { ClientMessage } from './ws.js';

/** What the kiosk runs, as it reports it to the hub. */
export interface KioskRunning {
  appVersion?: string;
  proceduresVersion?: number;
}

/** Options of {@link openKioskLink}. */
export interface KioskLinkOptions {
  url: string;
  token: string;
  createSocket: (url: string) => WebSocketLike;
  setTimer: (callback: () => void, milliseconds: number) => unknown;
  clearTimer: (handle: unknown) => void;
  random?: () => number;
  /** How often the kiosk confirms what it holds while connected (default a minute). */
  confirmEveryMs?: number;
}

/** How often a kiosk confirms its catalogue version to the hub, by default. */
export const kioskConfirmEveryMs = 60_000;

/** The kiosk's link, shared by every part of the kiosk page. */
export interface KioskLink {
  /** Calls `handler` with each message of `type` (and, for the call and the catalogue version, the latest one at once); returns the unsubscribe. */
  on<T extends KioskHubMessage['type']>(type: T, handler: (message: MessageOfType<KioskHubMessage, T>) => void): () => void;
  /** Calls `listener` with the link's status now and at every change; returns the unsubscribe. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Records what the kiosk runs; told to the hub now when it knows the catalogue version, and in every hello. */
  report(running: KioskRunning): void;
  /** Closes the link for good. */
  stop(): void;
}

/**
 * The hub messages whose latest copy a late subscriber gets: the kiosk's current call, the
 * catalogue version and its workshop (issue 18) are state the hub sends after every hello, the
 * welcome too. A take-over request is an event for the moment it came.
 */
const stateTypes = ['welcome', 'kiosk.call', 'procedures-changed', 'kiosk.workshop'] as const;

/** The `kiosk.status` for what the kiosk runs, or undefined while it does not know its catalogue version yet. */
export function kioskStatusMessage(running: KioskRunning): ClientMessage | undefined {
  if (running.proceduresVersion === undefined) return undefined;
  return {
    type: 'kiosk.status',
    proceduresVersion: running.proceduresVersion,
    ...(running.appVersion !== undefined ? { appVersion: running.appVersion } : {}),
  };
}

/** What a kiosk adds to its hello: whatever of its versions it knows. */
export function kioskHelloDetails(running: KioskRunning): KioskRunning {
  return {
    ...(running.appVersion !== undefined ? { appVersion: running.appVersion } : {}),
    ...(running.proceduresVersion !== undefined ? { proceduresVersion: running.proceduresVersion } : {}),
  };
}

/** Opens the kiosk's link; it reconnects by itself until stopped or refused. */
export function openKioskLink(options: KioskLinkOptions): KioskLink {
  const router = createMessageRouter<KioskHubMessage>(stateTypes);
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = 'connecting';
  const running: KioskRunning = {};
  const confirmEveryMs = options.confirmEveryMs ?? kioskConfirmEveryMs;
  let confirmTimer: unknown;
  let stopped = false;
  // Every minute while the link is up: what the kiosk holds, which the hub checks (see above).
  const confirmLater = (): void => {
    options.clearTimer(confirmTimer);
    if (stopped || status === 'refused') return;
    confirmTimer = options.setTimer(() => {
      const message = kioskStatusMessage(running);
      if (message && status === 'open') connection.send(message);
      confirmLater();
    }, confirmEveryMs);
  };
  const connection = connectHubSocket({
    url: options.url,
    token: options.token,
    createSocket: options.createSocket,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
    ...(options.random ? { random: options.random } : {}),
    parseMessage: readKioskHubMessage,
    helloDetails: () => kioskHelloDetails(running),
    onMessage: (message) => router.deliver(message),
    onStatus: (value) => {
      status = value;
      for (const listener of [...statusListeners]) listener(value);
    },
  });
  confirmLater();
  return {
    on: (type, handler) => router.subscribe(type, handler),
    onStatus: (listener) => {
      statusListeners.add(listener);
      listener(status);
      return () => {
        statusListeners.delete(listener);
      };
    },
    report: (update) => {
      if (update.appVersion !== undefined) running.appVersion = update.appVersion;
      if (update.proceduresVersion !== undefined) running.proceduresVersion = update.proceduresVersion;
      const message = kioskStatusMessage(running);
      // Not open: the next hello carries it.
      if (message) connection.send(message);
    },
    stop: () => {
      stopped = true;
      options.clearTimer(confirmTimer);
      connection.stop();
    },
  };
}
