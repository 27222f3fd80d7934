import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/policies/ipc-sender.js';

const trusted = new Set([7]);

describe('who may use the bridge', () => {
  it("accepts the kiosk window's own page", () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'app://paso/kiosk/', isMainFrame: true }, trusted)).toBe(true);
  });

  it.each([
    ['another webContents', { webContentsId: 8, frameUrl: 'app://paso/kiosk/', isMainFrame: true }],
    ['an iframe of the kiosk page', { webContentsId: 7, frameUrl: 'app://paso/kiosk/', isMainFrame: false }],
    ['a frame that is gone', { webContentsId: 7, frameUrl: undefined, isMainFrame: true }],
    ['our window showing another site', { webContentsId: 7, frameUrl: 'https://evil.example/', isMainFrame: true }],
    ['a look-alike origin', { webContentsId: 7, frameUrl: 'app://paso.evil.example/kiosk/', isMainFrame: true }],
    ['a user-name trick', { webContentsId: 7, frameUrl: 'app://paso@evil.example/', isMainFrame: true }],
    ['a file page', { webContentsId: 7, frameUrl: 'file:///home/kiosk/index.html', isMainFrame: true }],
    ['a data page', { webContentsId: 7, frameUrl: 'data:text/html,hi', isMainFrame: true }],
    ['the error screen', { webContentsId: 7, frameUrl: 'about:blank', isMainFrame: true }],
  ])('refuses %s', (_what, sender) => {
    expect(isTrustedSender(sender, trusted)).toBe(false);
  });

  it('refuses everyone when no window is trusted', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'app://paso/kiosk/', isMainFrame: true }, new Set())).toBe(false);
  });
});
