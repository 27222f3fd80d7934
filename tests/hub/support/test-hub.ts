/**
 * Real hubs for tests: a hub in this process on a free loopback port with its own SQLite file
 * (or a fresh PostgreSQL database), plus small HTTP and WebSocket clients. Nothing is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { connectToHub, type ConnectionStatus, type HubConnection, type WebSocketLike } from '../../../core/protocol/hub-connection.js';
import type { HubMessage } from '../../../core/protocol/ws.js';
import type { StorageConfig } from '../../../hub/db/connect.js';
import { demoAccounts } from '../../../hub/demo/seed.js';
import { startHub, type HubConfig, type RunningHub } from '../../../hub/server.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** A clock tests can move forward. */
export interface TestClock {
  now(): number;
  advance(milliseconds: number): void;
}

/** A clock starting at the real time that only moves when told to (plus real time, so order holds). */
export function testClock(): TestClock {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (milliseconds) => (offset += milliseconds) };
}

/** A running test hub and what tests use to talk to it. */
export interface TestHub {
  hub: RunningHub;
  url: string;
  wsUrl: string;
  logs: string[];
  close(): Promise<void>;
}

/** Starts a demo hub on SQLite in a fresh folder (or on the given storage). */
export async function startTestHub(options: Partial<HubConfig> & { storage?: StorageConfig } = {}): Promise<TestHub> {
  const folder = mkdtempSync(path.join(tmpdir(), 'paso-hub-'));
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const hub = await startHub({
    port: 0,
    host: '127.0.0.1',
    storage: options.storage ?? { kind: 'sqlite', file: path.join(folder, 'hub.sqlite') },
    demo: true,
    proceduresFolder: path.join(root, 'assets/procedures'),
    uiFolder: path.join(root, 'dist/renderer'),
    sweepIntervalMs: 25,
    expireAfterMs: 2 * 60 * 60_000,
    logger: { level: 'info', stream },
    ...options,
  });
  return {
    hub,
    url: hub.url,
    wsUrl: hub.url.replace('http', 'ws') + '/ws',
    logs,
    close: async () => {
      await hub.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** An HTTP answer. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Sends one request; `body` may be an object (sent as JSON) or a raw string. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(baseUrl + route, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed as T };
}

/** The demo kiosk's token. */
export const kioskToken = demoAccounts.kioskToken;
/** The demo site. */
export const demoSiteId = demoAccounts.site.id;

/** Signs a demo volunteer in and returns the token. */
export async function volunteerToken(baseUrl: string, name: 'Ana' | 'Luis', available = true): Promise<string> {
  const pin = demoAccounts.volunteers.find((volunteer) => volunteer.name === name)?.pin ?? '';
  const login = await call<{ token: string }>(baseUrl, 'POST', '/api/volunteer/login', { body: { siteId: demoSiteId, name, pin } });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  if (available) await call(baseUrl, 'PUT', '/api/volunteer/availability', { token: login.body.token, body: { available: true } });
  return login.body.token;
}

/** Signs the demo staff account in and returns the token. */
export async function staffToken(baseUrl: string): Promise<string> {
  const login = await call<{ token: string }>(baseUrl, 'POST', '/api/staff/login', {
    body: { email: demoAccounts.staff.email, password: demoAccounts.staff.password },
  });
  if (login.status !== 200) throw new Error(`staff login failed: ${JSON.stringify(login.body)}`);
  return login.body.token;
}

let keyCounter = 0;
/** A fresh idempotency key. */
export function newKey(): string {
  keyCounter += 1;
  return `test-key-${Date.now()}-${keyCounter}`;
}

/** Creates a call from the demo kiosk (or another kiosk token). */
export function createCall(baseUrl: string, overrides: Record<string, unknown> = {}, token = kioskToken) {
  return call<{ callId: string; call: Record<string, unknown> }>(baseUrl, 'POST', '/api/kiosk/calls', {
    token,
    body: { idempotencyKey: newKey(), procedureId: 'cita-previa', stepId: 'escribir-dni', language: 'es', ...overrides },
  });
}

/** A WebSocket client that records every message and can wait for one. */
export interface RecordingClient {
  messages: HubMessage[];
  statuses: ConnectionStatus[];
  waitFor<T extends HubMessage>(predicate: (message: HubMessage) => message is T, timeoutMs?: number): Promise<T>;
  waitFor(predicate: (message: HubMessage) => boolean, timeoutMs?: number): Promise<HubMessage>;
  connection: HubConnection;
}

/** Connects with the reconnecting client the UIs use, over the `ws` package. */
export function connectClient(wsUrl: string, token: string): RecordingClient {
  const messages: HubMessage[] = [];
  const statuses: ConnectionStatus[] = [];
  const waiters: { predicate: (message: HubMessage) => boolean; resolve: (message: HubMessage) => void }[] = [];
  const connection = connectToHub({
    url: wsUrl,
    token,
    createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    onMessage: (message) => {
      messages.push(message);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(message)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    },
    onStatus: (status) => statuses.push(status),
    setTimer: (callback, milliseconds) => setTimeout(callback, milliseconds),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  const waitFor = (predicate: (message: HubMessage) => boolean, timeoutMs = 5000): Promise<HubMessage> => {
    const already = messages.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.type))}`)),
        timeoutMs,
      );
      waiters.push({
        predicate,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
  };
  return { messages, statuses, waitFor: waitFor as RecordingClient['waitFor'], connection };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
