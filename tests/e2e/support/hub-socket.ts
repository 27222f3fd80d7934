/**
 * A client of the hub's WebSocket driven from a test: the same reconnecting client the UIs use
 * (core/protocol/hub-connection.ts) over the `ws` package, recording every message so a test can
 * wait for the one it expects or check that one never came.
 */
import { WebSocket } from 'ws';
import { connectToHub, type WebSocketLike } from '../../../core/protocol/hub-connection.js';
import { websocketPath, type HubMessage } from '../../../core/protocol/ws.js';

/** A live link to the hub, with what it has heard. */
export interface HubSocket {
  /** Every message heard so far, oldest first. */
  readonly messages: readonly HubMessage[];
  /** Resolves with the first message (already heard or still to come) that matches. */
  waitFor<T extends HubMessage>(matches: (message: HubMessage) => message is T, timeoutMs?: number): Promise<T>;
  waitFor(matches: (message: HubMessage) => boolean, timeoutMs?: number): Promise<HubMessage>;
  stop(): void;
}

/** Opens a WebSocket to the hub at `hubUrl` (http://…) and says hello with `token`. */
export function openHubSocket(hubUrl: string, token: string): HubSocket {
  const messages: HubMessage[] = [];
  const waiters = new Set<() => void>();
  const connection = connectToHub({
    url: hubUrl.replace(/^http/, 'ws') + websocketPath,
    token,
    // The `ws` package's handler types name its own event classes; at run time its events
    // carry what the client reads (data, code, reason).
    createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    setTimer: (callback, milliseconds) => setTimeout(callback, milliseconds),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    onMessage: (message) => {
      messages.push(message);
      for (const wake of waiters) wake();
    },
  });
  const waitFor = (matches: (message: HubMessage) => boolean, timeoutMs = 10_000): Promise<HubMessage> =>
    new Promise((resolve, reject) => {
      const wake = (): void => {
        const found = messages.find(matches);
        if (!found) return;
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`no matching message in ${timeoutMs} ms; heard ${JSON.stringify(messages)}`));
      }, timeoutMs);
      waiters.add(wake);
      wake();
    });
  return { messages, waitFor, stop: () => connection.stop() };
}
