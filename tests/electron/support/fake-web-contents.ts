/**
 * The one stand-in for Electron's webContents in the shell's tests: a real EventEmitter with the
 * few methods the lockdown calls, and events that record whether they were prevented. Electron's
 * binary cannot run here; everything else in those tests is the real code.
 */
import { EventEmitter } from 'node:events';
import type { LockableContents } from '../../../electron/main/lockdown-rules.js';

/** A cancellable event like Electron's. */
export class FakeEvent {
  prevented = false;
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.prevented = true;
  }
}

/** A webContents stand-in. */
export class FakeWebContents extends EventEmitter implements LockableContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  devToolsClosed = 0;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  closeDevTools(): void {
    this.devToolsClosed += 1;
  }
}
