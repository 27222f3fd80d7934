/**
 * A client's link to the hub's WebSocket: says hello with its token on every (re)connect, so the
 * hub answers with the current state; reconnects by itself with growing, jittered delays when
 * the hub goes away (a restart, a lost Wi-Fi); stops only when the hub refuses the token.
 * The socket, the timers and the reader of the hub's messages are passed in, so the same code
 * runs in the browser, in Node tests and in benchmarks, and the kiosk reads messages with its
 * light check (core/protocol/kiosk-answers.ts) while the other UIs use the zod contract
 * (hub-connection.ts): the kiosk ships no zod (issue 13).
 */
import { closeCodes } from './routes.js';
import type { ClientMessage } from './ws.js';

/**
 * An event handler property. Declared through a method so that its parameter is compared both
 * ways: the browser's handlers take a MessageEvent or CloseEvent, the `ws` package's its own
 * event classes, and both carry the fields read here.
 */
type Handler<E> = { handle(event: E): void }['handle'] | null;

/** The part of the WebSocket API this needs (the browser's and the `ws` package's both fit). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown>;
  onmessage: Handler<{ data: unknown }>;
  onclose: Handler<{ code: number; reason: string }>;
  onerror: Handler<unknown>;
}

/** Where the connection stands. `refused`: the hub rejected the token; sign in again. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'stopped';

/** Options of {@link connectHubSocket}; `M` is the messages the client acts on. */
export interface HubSocketOptions<M> {
  url: string;
  token: string;
  createSocket: (url: string) => WebSocketLike;
  /** Reads one message; undefined for one that does not fit or that this client ignores. */
  parseMessage: (raw: unknown) => M | undefined;
  onMessage: (message: M) => void;
  onStatus?: (status: ConnectionStatus, detail?: string) => void;
  setTimer: (callback: () => void, milliseconds: number) => unknown;
  clearTimer: (handle: unknown) => void;
  random?: () => number;
  /** What a kiosk adds to every hello: its app and catalogue version (read at each connect, so always current). */
  helloDetails?: () => { appVersion?: string; proceduresVersion?: number };
}

/** A live connection. */
export interface HubConnection {
  /** Asks the hub for the whole current state again. */
  resync(): void;
  /** Sends a message now if the socket is open; false when it is not (the next hello carries the news). */
  send(message: ClientMessage): boolean;
  /** Closes for good. */
  stop(): void;
}

const firstDelayMs = 250;
const maxDelayMs = 8000;

/**
 * How long to wait before reconnect number `attempt` (0 for the first after a close): 0.25 s,
 * 0.5 s, 1 s … up to 8 s, each with up to half again at random (`random` in [0, 1)) so a
 * restarted hub is not met by every client in the same millisecond.
 */
export function reconnectDelayMs(attempt: number, random: () => number): number {
  const base = Math.min(maxDelayMs, firstDelayMs * 2 ** attempt);
  return base + random() * base * 0.5;
}

/** The hello a client says on every (re)connect: its token, and what a kiosk runs. */
export function helloMessage(token: string, details: { appVersion?: string; proceduresVersion?: number } = {}): ClientMessage {
  return { type: 'hello', token, ...details };
}

/** Connects, and keeps connecting, until stopped or refused. */
export function connectHubSocket<M>(options: HubSocketOptions<M>): HubConnection {
  const random = options.random ?? Math.random;
  let socket: WebSocketLike | undefined;
  let attempt = 0;
  let timer: unknown;
  let stopped = false;

  const status = (value: ConnectionStatus, detail?: string): void => options.onStatus?.(value, detail);

  const open = (): void => {
    if (stopped) return;
    status(attempt === 0 ? 'connecting' : 'reconnecting');
    const current = options.createSocket(options.url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      current.send(JSON.stringify(helloMessage(options.token, options.helloDetails?.())));
      status('open');
    };
    current.onmessage = (event) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const message = options.parseMessage(parsed);
      if (message !== undefined) options.onMessage(message);
    };
    current.onerror = () => undefined;
    current.onclose = (event) => {
      if (socket !== current || stopped) return;
      if (event.code === closeCodes.unauthorized) {
        stopped = true;
        status('refused', event.reason);
        return;
      }
      const delay = reconnectDelayMs(attempt, random);
      attempt += 1;
      status('reconnecting', event.reason);
      timer = options.setTimer(open, delay);
    };
  };

  const send = (message: ClientMessage): boolean => {
    if (!socket || socket.readyState !== 1) return false;
    socket.send(JSON.stringify(message));
    return true;
  };

  open();
  return {
    resync: () => void send({ type: 'resync' }),
    send,
    stop: () => {
      stopped = true;
      options.clearTimer(timer);
      socket?.close(1000, 'bye');
      status('stopped');
    },
  };
}
