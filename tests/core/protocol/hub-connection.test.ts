/**
 * The reconnecting client with a controlled world: a fake socket and fake timers stand in for
 * the network and the clock (the real hub is exercised in tests/hub/).
 */
import { describe, expect, it } from 'vitest';
import { connectToHub, type ConnectionStatus } from '../../../core/protocol/hub-connection.js';
import type { HubMessage } from '../../../core/protocol/ws.js';
import { FakeSocket } from '../../support/fake-web-socket.js';

function world() {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const messages: HubMessage[] = [];
  const statuses: ConnectionStatus[] = [];
  const connection = connectToHub({
    url: 'ws://hub/ws',
    token: 'a'.repeat(43),
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    onMessage: (message) => messages.push(message),
    onStatus: (status) => statuses.push(status),
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    clearTimer: () => undefined,
    random: () => 0,
  });
  return { sockets, timers, messages, statuses, connection };
}

describe('the hub connection', () => {
  it('says hello with its token as soon as the socket opens, every time', () => {
    const { sockets, timers } = world();
    sockets[0]?.open();
    expect(sockets[0]?.sent).toEqual([JSON.stringify({ type: 'hello', token: 'a'.repeat(43) })]);
    sockets[0]?.close(1006, 'gone');
    timers.shift()?.callback();
    sockets[1]?.open();
    expect(sockets[1]?.sent).toEqual([JSON.stringify({ type: 'hello', token: 'a'.repeat(43) })]);
  });

  it('reconnects with growing delays, and starts over once connected', () => {
    const { sockets, timers, statuses } = world();
    for (let i = 0; i < 7; i++) {
      sockets[i]?.close(1006, 'down');
      timers[i]?.callback();
    }
    expect(timers.map((timer) => timer.ms)).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000]);
    sockets[7]?.open();
    sockets[7]?.close(1006, 'again');
    expect(timers[7]?.ms).toBe(250);
    expect(statuses).toContain('reconnecting');
  });

  it('stops when the hub refuses the token', () => {
    const { sockets, timers, statuses } = world();
    sockets[0]?.open();
    sockets[0]?.close(4401, 'This token is not valid');
    expect(timers).toEqual([]);
    expect(statuses[statuses.length - 1]).toBe('refused');
  });

  it('passes on valid hub messages and ignores garbage', () => {
    const { sockets, messages } = world();
    sockets[0]?.open();
    sockets[0]?.receive('not json');
    sockets[0]?.receive({ type: 'explode' });
    sockets[0]?.receive({ type: 'kiosk.call', call: null });
    expect(messages).toEqual([{ type: 'kiosk.call', call: null }]);
  });

  it('asks for the whole state on resync, and closes for good on stop', () => {
    const { sockets, timers, connection, statuses } = world();
    sockets[0]?.open();
    connection.resync();
    expect(sockets[0]?.sent[1]).toBe(JSON.stringify({ type: 'resync' }));
    connection.stop();
    expect(timers).toEqual([]);
    expect(statuses[statuses.length - 1]).toBe('stopped');
  });
});
