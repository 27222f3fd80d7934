/**
 * The kiosk's one link to its hub, with a controlled world (a fake socket, fake timers): one
 * socket carries the help call, the take-over requests and the catalogue version to whichever
 * part of the kiosk listens, and says what the kiosk runs in every hello and when it changes.
 */
import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, type ConnectionStatus } from '../../../core/protocol/hub-socket.js';
import { kioskConfirmEveryMs, kioskStatusMessage, openKioskLink } from '../../../core/protocol/kiosk-link.js';
import { FakeSocket } from '../../support/fake-web-socket.js';

const token = 'k'.repeat(43);

function world() {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  // The minute's confirmation apart from the reconnect delays (0.25 s to 12 s).
  const confirms: { callback: () => void; ms: number }[] = [];
  const link = openKioskLink({
    url: 'ws://hub/ws',
    token,
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    setTimer: (callback, ms) => (ms === kioskConfirmEveryMs ? confirms : timers).push({ callback, ms }),
    clearTimer: () => undefined,
    random: () => 0,
  });
  const sent = (index: number): unknown[] => (sockets[index]?.sent ?? []).map((text) => JSON.parse(text) as unknown);
  return { sockets, timers, confirms, link, sent };
}

const call = { id: 'call-1', state: 'offered', position: 1, estimatedWaitSeconds: 60 };

describe('the kiosk link', () => {
  it('opens one socket however many parts of the kiosk listen', () => {
    const { sockets, link } = world();
    link.on('kiosk.call', () => undefined);
    link.on('kiosk.take-over', () => undefined);
    link.on('procedures-changed', () => undefined);
    link.onStatus(() => undefined);
    expect(sockets).toHaveLength(1);
  });

  it('hands the help call and the catalogue version each to the part that listens for it', () => {
    const { sockets, link } = world();
    const calls: unknown[] = [];
    const versions: number[] = [];
    const takeOvers: string[] = [];
    link.on('kiosk.call', (message) => calls.push(message.call));
    link.on('procedures-changed', (message) => versions.push(message.version));
    link.on('kiosk.take-over', (message) => takeOvers.push(message.volunteerName));
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'welcome', role: 'kiosk', name: 'Quiosco', demo: false });
    sockets[0]?.receive({ type: 'kiosk.call', call });
    sockets[0]?.receive({ type: 'procedures-changed', version: 7 });
    sockets[0]?.receive({ type: 'kiosk.take-over', callId: 'call-1', volunteerName: 'Ana' });
    // A volunteer's message is not the kiosk's business, and garbage is dropped.
    sockets[0]?.receive({ type: 'volunteer.calls', calls: [], serverNow: 0, available: true });
    sockets[0]?.receive('not json');
    expect(calls).toEqual([call]);
    expect(versions).toEqual([7]);
    expect(takeOvers).toEqual(['Ana']);
  });

  it('a part mounted after the snapshot still learns the current call and catalogue version, but not an old take-over', () => {
    const { sockets, link } = world();
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'kiosk.call', call: null });
    sockets[0]?.receive({ type: 'procedures-changed', version: 7 });
    sockets[0]?.receive({ type: 'kiosk.take-over', callId: 'call-1', volunteerName: 'Ana' });
    const heard: string[] = [];
    link.on('kiosk.call', (message) => heard.push(`call ${String(message.call)}`));
    link.on('procedures-changed', (message) => heard.push(`version ${message.version}`));
    link.on('kiosk.take-over', (message) => heard.push(`take-over ${message.volunteerName}`));
    expect(heard).toEqual(['call null', 'version 7']);
  });

  it('says hello with the token and whatever the kiosk knows it runs, at every connect', () => {
    const { sockets, timers, link, sent } = world();
    link.report({ appVersion: 'browser' });
    sockets[0]?.open();
    expect(sent(0)).toEqual([{ type: 'hello', token, appVersion: 'browser' }]);
    link.report({ proceduresVersion: 7 });
    expect(sent(0)[1]).toEqual({ type: 'kiosk.status', proceduresVersion: 7, appVersion: 'browser' });
    sockets[0]?.close(1006, 'gone');
    timers.shift()?.callback();
    sockets[1]?.open();
    expect(sent(1)).toEqual([{ type: 'hello', token, appVersion: 'browser', proceduresVersion: 7 }]);
  });

  it('tells the hub what it runs only once it knows its catalogue version, and not while the socket is down', () => {
    const { sockets, link, sent } = world();
    sockets[0]?.open();
    link.report({ appVersion: 'browser' });
    expect(sent(0)).toEqual([{ type: 'hello', token }]);
    sockets[0]?.close(1006, 'gone');
    link.report({ proceduresVersion: 8 });
    expect(sent(0)).toHaveLength(1);
    expect(kioskStatusMessage({ appVersion: 'browser' })).toBeUndefined();
  });

  it('tells every status listener the status now and at each change: reconnecting, then refused for good', () => {
    const { sockets, timers, link } = world();
    const early: ConnectionStatus[] = [];
    link.onStatus((status) => early.push(status));
    sockets[0]?.open();
    sockets[0]?.close(1006, 'gone');
    const late: ConnectionStatus[] = [];
    link.onStatus((status) => late.push(status));
    timers.shift()?.callback();
    sockets[1]?.close(4401, 'This token is not valid');
    expect(early).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting', 'refused']);
    expect(late).toEqual(['reconnecting', 'reconnecting', 'refused']);
    expect(timers).toEqual([]);
  });

  it('confirms the catalogue version it holds every minute while connected, so the hub can tell a kiosk behind', () => {
    const { sockets, confirms, link, sent } = world();
    sockets[0]?.open();
    // Nothing to confirm before the first download.
    confirms.shift()?.callback();
    expect(sent(0)).toEqual([{ type: 'hello', token }]);
    link.report({ proceduresVersion: 12 });
    confirms.shift()?.callback();
    confirms.shift()?.callback();
    expect(sent(0).slice(1)).toEqual([
      { type: 'kiosk.status', proceduresVersion: 12 },
      { type: 'kiosk.status', proceduresVersion: 12 },
      { type: 'kiosk.status', proceduresVersion: 12 },
    ]);
    // Only version numbers ever leave: nothing of a session.
    expect(JSON.stringify(sent(0).slice(1))).not.toMatch(/answer|dni|value/i);
  });

  it('closes its one socket for good on stop', () => {
    const { sockets, timers, link } = world();
    sockets[0]?.open();
    link.stop();
    expect(sockets[0]?.readyState).toBe(3);
    expect(timers).toEqual([]);
  });
});

describe('the reconnect delay', () => {
  it('doubles from a quarter of a second up to eight seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => reconnectDelayMs(attempt, () => 0))).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('adds up to half again at random, so a restarted hub is not met by every kiosk at once', () => {
    expect(reconnectDelayMs(0, () => 0.5)).toBe(312.5);
    expect(reconnectDelayMs(0, () => 0.999)).toBeLessThan(375);
    expect(reconnectDelayMs(10, () => 0.999)).toBeLessThan(12_000);
    expect(reconnectDelayMs(10, () => 0.999)).toBeGreaterThan(11_990);
  });
});
