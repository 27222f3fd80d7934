import { describe, expect, it } from 'vitest';
import { applyLockdown } from '../../electron/main/lockdown-rules.js';
import { FakeEvent, FakeWebContents } from './support/fake-web-contents.js';

function locked(isDevelopment = false) {
  const contents = new FakeWebContents();
  const logs: string[] = [];
  applyLockdown(contents, { isDevelopment, log: (message) => logs.push(message) });
  return { contents, logs };
}

describe('the lockdown of every webContents', () => {
  it('stops navigation and redirects away from the kiosk, and says so in the log', () => {
    const { contents, logs } = locked();
    const away = new FakeEvent();
    contents.emit('will-navigate', away, 'https://evil.example/');
    const redirect = new FakeEvent();
    contents.emit('will-redirect', redirect, 'file:///etc/passwd');
    const frame = new FakeEvent('javascript:alert(1)');
    contents.emit('will-frame-navigate', frame);
    expect([away.prevented, redirect.prevented, frame.prevented]).toEqual([true, true, true]);
    expect(logs).toEqual([
      'navigation refused: https://evil.example/',
      'redirect refused: file:///etc/passwd',
      'frame navigation refused: javascript:alert(1)',
    ]);
  });

  it('lets the kiosk move between its own pages', () => {
    const { contents } = locked();
    const inside = new FakeEvent();
    contents.emit('will-navigate', inside, 'app://paso/kiosk/');
    expect(inside.prevented).toBe(false);
  });

  it('denies every new window and every webview', () => {
    const { contents } = locked();
    expect(contents.windowOpenHandler?.({ url: 'app://paso/kiosk/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('swallows blocked shortcuts and lets typing through', () => {
    const { contents } = locked();
    const reload = new FakeEvent();
    contents.emit('before-input-event', reload, { type: 'keyDown', key: 'r', control: true, meta: false, alt: false, shift: false });
    const letter = new FakeEvent();
    contents.emit('before-input-event', letter, { type: 'keyDown', key: 'ñ', control: false, meta: false, alt: false, shift: false });
    expect([reload.prevented, letter.prevented]).toEqual([true, false]);
  });

  it('closes developer tools at once outside development', () => {
    const { contents } = locked();
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('leaves reload and devtools to a developer running from the source tree', () => {
    const { contents } = locked(true);
    const reload = new FakeEvent();
    contents.emit('before-input-event', reload, { type: 'keyDown', key: 'F5', control: false, meta: false, alt: false, shift: false });
    contents.emit('devtools-opened');
    expect([reload.prevented, contents.devToolsClosed]).toEqual([false, 0]);
    // Navigation stays locked even in development.
    const away = new FakeEvent();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.prevented).toBe(true);
  });
});
