/**
 * The bare WebSocket round trip on this machine in this run: one `ws` client in this process,
 * the echo server in its own process, 200-byte text messages sent one after the other.
 */
import WebSocket from 'ws';
import { freeLoopbackPort, printed, startNodeChild, waitUntilReady, type NodeChild } from './bench-processes.js';

/** Round-trip times in milliseconds. */
export interface EchoFloor {
  samples: number[];
  warmUp: number;
  bytes: number;
}

/** A running echo server and one connected client. */
export interface EchoBench {
  server: NodeChild;
  /** Measures `count` sequential echoes of `bytes` bytes after `warmUp` unmeasured ones. */
  measure(count: number, warmUp: number, bytes?: number): Promise<EchoFloor>;
  stop(): Promise<void>;
}

/** Starts the echo server in its own process and connects one client to it. */
export async function startEchoBench(): Promise<EchoBench> {
  const port = await freeLoopbackPort();
  const server = startNodeChild('the ws echo server', 'scripts/bench/ws-echo-server.ts', { ...process.env, PORT: String(port) });
  let socket: WebSocket | undefined;
  const stop = async (): Promise<void> => {
    socket?.terminate();
    await server.stop();
  };
  try {
    await waitUntilReady(server, printed(server, 'echo server listening'), 30_000);
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    socket = client;
    await new Promise<void>((resolve, reject) => {
      client.once('open', () => resolve());
      client.once('error', reject);
    });
    let answer: (() => void) | undefined;
    client.on('message', () => answer?.());
    const measure = async (count: number, warmUp: number, bytes = 200): Promise<EchoFloor> => {
      const payload = JSON.stringify({ type: 'echo', pad: 'x'.repeat(Math.max(0, bytes - 24)) });
      const samples: number[] = [];
      for (let i = 0; i < warmUp + count; i++) {
        const received = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('an echo took longer than 5 s')), 5000);
          answer = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        const start = performance.now();
        client.send(payload);
        await received;
        if (i >= warmUp) samples.push(performance.now() - start);
      }
      return { samples, warmUp, bytes: Buffer.byteLength(payload) };
    };
    return { server, measure, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
