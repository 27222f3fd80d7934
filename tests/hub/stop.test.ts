/**
 * A hub that is stopped stops: a client that never answers its goodbye cannot keep it running. (A kiosk page that reconnected just before the listener closed
 * used to hold `close()` for 72 s, Fastify's keep-alive timeout.)
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestHub } from './support/test-hub.js';

/** A raw TCP client that upgrades to a WebSocket on /ws and then ignores everything, the close frame included. */
function deafSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        [
          'GET /ws HTTP/1.1',
          `Host: ${hostname}:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.once('data', (data: Buffer) =>
      data.toString().startsWith('HTTP/1.1 101') ? resolve(socket) : reject(new Error(`no upgrade: ${data.toString().split('\r\n')[0] ?? ''}`)),
    );
    socket.once('error', reject);
  });
}

describe('stopping a hub', () => {
  it('cuts a socket that never answers the goodbye instead of waiting for it', async () => {
    const test = await startTestHub();
    const deaf = await deafSocket(test.url);
    const ended = new Promise<void>((resolve) => deaf.once('close', () => resolve()));
    const stopped = test.close().then(() => 'stopped' as const);
    // Well under Fastify's 72 s keep-alive and ws's 30 s close timeout: the hub's own 2 s grace.
    const outcome = await Promise.race([stopped, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
    expect(outcome).toBe('stopped');
    await ended;
    expect(deaf.destroyed).toBe(true);
  }, 30_000);
});
