/**
 * The load generator's clients of the hub: a keep-alive HTTP client for the JSON API, and raw
 * `ws` sockets that say hello like the real clients do. Raw `ws` rather than connectToHub: that
 * one validates every message with zod, which is right for one browser but would put 1,300
 * clients' parsing into the very process that takes the timestamps.
 *
 * A bench kiosk opens what a real kiosk page opens (core/protocol/kiosk-link.ts): one socket,
 * the same hello (its token and app version, built by the same functions), and, once the hub has
 * said which catalogue version is current, the same `kiosk.status` the page sends when it has
 * that version on screen.
 */
import http from 'node:http';
import WebSocket from 'ws';
import { helloMessage } from '../../core/protocol/hub-socket.js';
import { kioskHelloDetails, kioskStatusMessage, type KioskRunning } from '../../core/protocol/kiosk-link.js';
import { websocketPath } from '../../core/protocol/ws.js';

/** What a bench kiosk says it runs: the app version a kiosk page in a browser reports. */
const benchKioskApp: KioskRunning = { appVersion: 'browser' };

/** A JSON client for the hub's HTTP API; one keep-alive connection pool for every caller. */
export class HubHttp {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly port: number;

  constructor(readonly baseUrl: string) {
    this.port = Number(new URL(baseUrl).port);
  }

  /** Sends a request and returns the parsed JSON answer; any status outside 2xx is an error with the hub's own message. */
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, options: { token?: string; body?: unknown; from?: string } = {}): Promise<T> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: http.OutgoingHttpHeaders = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    return new Promise<T>((resolve, reject) => {
      const from = options.from ? { localAddress: options.from } : {};
      const request = http.request({ host: '127.0.0.1', port: this.port, path, method, agent: this.agent, headers, ...from }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const status = response.statusCode ?? 0;
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          if (status < 200 || status > 299) {
            const message = json && typeof json === 'object' && 'error' in json ? String(json.error) : text.slice(0, 200);
            reject(new Error(`${method} ${path} answered ${status}: ${message}`));
            return;
          }
          resolve(json as T);
        });
      });
      request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${path} took longer than 30 s`)));
      request.on('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** What a socket hands on for each message: the raw text frame and when it arrived (performance.now()). */
export type SocketListener = (data: WebSocket.RawData, at: number) => void;

/** One client's WebSocket to the hub, connected and past its hello snapshot. */
export class HubSocket {
  /** Replaced by the bench once the socket is ready. */
  listener: SocketListener = () => undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.listener(data, performance.now()));
  }

  /**
   * Opens `/ws`, says hello with `token` as the client of that role does, and resolves once the
   * hub's snapshot has arrived (`volunteer.calls`; for a kiosk its `kiosk.call`, then the catalogue
   * version, answered with its `kiosk.status`), so the client is registered at its site before
   * the bench starts.
   */
  static open(baseUrl: string, token: string, snapshotType: 'kiosk.call' | 'volunteer.calls', from?: string, timeoutMs = 20_000): Promise<HubSocket> {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + websocketPath, from ? { localAddress: from } : {});
    const client = new HubSocket(socket);
    const kiosk = snapshotType === 'kiosk.call';
    // A kiosk is ready once it has its call and the catalogue version; a console once it has its list.
    const awaited = new Set<string>(kiosk ? ['kiosk.call', 'procedures-changed'] : ['volunteer.calls']);
    return new Promise<HubSocket>((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        socket.terminate();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail(`no ${[...awaited].join(' and ')} within ${timeoutMs / 1000} s`), timeoutMs);
      socket.once('open', () => socket.send(JSON.stringify(helloMessage(token, kiosk ? kioskHelloDetails(benchKioskApp) : {}))));
      socket.once('error', (error) => fail(`the socket failed: ${error.message}`));
      socket.once('close', (code, reason) => fail(`the hub closed the socket (${code} ${reason.toString()})`));
      client.listener = (data) => {
        const message = JSON.parse(String(data)) as { type?: string; version?: number };
        if (message.type === undefined || !awaited.delete(message.type)) return;
        // The kiosk page reports the catalogue version it runs once it has it (hub-api/use-procedures.ts).
        if (message.type === 'procedures-changed')
          socket.send(JSON.stringify(kioskStatusMessage({ ...benchKioskApp, proceduresVersion: message.version ?? 0 })));
        if (awaited.size > 0) return;
        clearTimeout(timer);
        socket.removeAllListeners('close');
        socket.removeAllListeners('error');
        socket.on('error', () => undefined);
        client.listener = () => undefined;
        resolve(client);
      };
    });
  }

  terminate(): void {
    this.socket.terminate();
  }
}

/** When one volunteer's console got a call in a given state, and whether it was marked as offered to them. */
export interface Receipt {
  at: number;
  offeredToMe: boolean;
}

interface Waiter {
  needed: readonly string[];
  resolve: (receipts: Map<string, Receipt>) => void;
  timer: NodeJS.Timeout;
}

/**
 * Collects the `volunteer.call` messages every volunteer socket receives, by call and state.
 * Messages are kept even before the bench knows the call's id: the push may arrive before the
 * answer to the POST that created the call. When not tracking, messages are only counted.
 */
export class CallTracker {
  tracking = false;
  /** Messages received by volunteer sockets and by kiosk sockets. */
  readonly received = { volunteer: 0, kiosk: 0 };
  private readonly seen = new Map<string, Map<string, Receipt>>();
  private readonly waiters = new Map<string, Waiter>();

  /** The listener for the socket of volunteer `volunteerId`. */
  listenerFor(volunteerId: string): SocketListener {
    return (data, at) => {
      this.received.volunteer += 1;
      if (!this.tracking) return;
      const message = JSON.parse(String(data)) as { type?: string; call?: { id: string; state: string; offeredToMe: boolean } };
      if (message.type !== 'volunteer.call' || !message.call) return;
      const key = `${message.call.id} ${message.call.state}`;
      let receipts = this.seen.get(key);
      if (!receipts) this.seen.set(key, (receipts = new Map()));
      if (!receipts.has(volunteerId)) receipts.set(volunteerId, { at, offeredToMe: message.call.offeredToMe });
      this.check(key);
    };
  }

  /** The listener for a kiosk socket: counts only. */
  readonly countOnly: SocketListener = () => {
    this.received.kiosk += 1;
  };

  /** Resolves once every one of `volunteerIds` has received call `callId` in `state`. */
  waitFor(callId: string, state: string, volunteerIds: readonly string[], timeoutMs: number): Promise<Map<string, Receipt>> {
    const key = `${callId} ${state}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        const got = this.seen.get(key)?.size ?? 0;
        reject(new Error(`only ${got} of ${volunteerIds.length} volunteer consoles got call ${callId} as ${state} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(key, { needed: volunteerIds, resolve, timer });
      this.check(key);
    });
  }

  /** Drops what was kept about a call. */
  forget(callId: string): void {
    for (const key of [...this.seen.keys()]) if (key.startsWith(`${callId} `)) this.seen.delete(key);
  }

  private check(key: string): void {
    const waiter = this.waiters.get(key);
    const receipts = this.seen.get(key);
    if (!waiter || !receipts || receipts.size < waiter.needed.length) return;
    if (!waiter.needed.every((id) => receipts.has(id))) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(key);
    waiter.resolve(receipts);
  }
}

/** Runs `work` over `items` with at most `limit` at a time; results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}
