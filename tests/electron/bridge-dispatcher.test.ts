import { describe, expect, it } from 'vitest';
import { bridgeMethods } from '../../core/shell/bridge-methods.js';
import { bridgeContract } from '../../core/shell/bridge.js';
import { BridgeRefusal, createBridgeDispatcher, type BridgeHandlers } from '../../electron/main/bridge-dispatcher.js';

const page = { webContentsId: 3, frameUrl: 'app://paso/kiosk/', isMainFrame: true };

function handlers(calls: string[]): BridgeHandlers {
  return {
    getConfig: async () => ({
      kioskId: 'k1',
      hubUrl: 'https://hub.example.org',
      deviceToken: 't'.repeat(20),
      languages: ['es'],
      idle: { idleSeconds: 120, warningSeconds: 60 },
      headphones: false,
      keypad: false,
      settleMs: 400,
    }),
    printSheet: async () => ({ printed: true }),
    cachedProcedures: async () => ({ procedures: [], savedAt: null }),
    cachedAudio: async (audioPath) => {
      calls.push(audioPath);
      return new Uint8Array([1, 2, 3]);
    },
    appVersion: async () => '0.1.0',
    restart: async () => undefined,
  };
}

describe('the bridge in the main process', () => {
  it('has one schema per method the preload exposes', () => {
    expect(Object.keys(bridgeContract).sort()).toEqual([...bridgeMethods].sort());
  });

  it('answers the kiosk page with checked values', async () => {
    const dispatch = createBridgeDispatcher(handlers([]), new Set([3]));
    await expect(dispatch('appVersion', page, [])).resolves.toBe('0.1.0');
    await expect(dispatch('cachedAudio', page, ['es/slow/ui__help.call.ogg'])).resolves.toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses a sender that is not the kiosk page, without calling the handler', async () => {
    const calls: string[] = [];
    const dispatch = createBridgeDispatcher(handlers(calls), new Set([3]));
    await expect(dispatch('cachedAudio', { ...page, frameUrl: 'https://evil.example/' }, ['a.ogg'])).rejects.toThrow(BridgeRefusal);
    await expect(dispatch('cachedAudio', { ...page, webContentsId: 4 }, ['a.ogg'])).rejects.toThrow(/not the kiosk's own page/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['a path that climbs out', ['../../kiosk-config.json']],
    ['an absolute path', ['/etc/passwd']],
    ['a backslash path', ['..\\..\\secret']],
    ['a NUL byte', ['a.ogg\u0000.png']],
    ['a number', [42]],
    ['an object', [{ toString: 'x' }]],
    ['no argument', []],
    ['an extra argument', ['a.ogg', 'b.ogg']],
  ])('refuses %s as an audio path', async (_what, args) => {
    const calls: string[] = [];
    const dispatch = createBridgeDispatcher(handlers(calls), new Set([3]));
    await expect(dispatch('cachedAudio', page, args)).rejects.toThrow(/kiosk:cachedAudio refused/);
    expect(calls).toEqual([]);
  });

  it('refuses arguments to a method that takes none', async () => {
    const dispatch = createBridgeDispatcher(handlers([]), new Set([3]));
    await expect(dispatch('restart', page, [{ now: true }])).rejects.toThrow(/kiosk:restart refused/);
  });

  it('does not hand the page an answer outside the contract', async () => {
    const broken = { ...handlers([]), appVersion: async () => 42 as unknown as string };
    const dispatch = createBridgeDispatcher(broken, new Set([3]));
    await expect(dispatch('appVersion', page, [])).rejects.toThrow();
  });
});
