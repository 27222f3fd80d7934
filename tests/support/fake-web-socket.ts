/**
 * A WebSocket that the test drives by hand (open, receive, close), for the reconnecting clients
 * of core/protocol: the network stands still until the test moves it.
 */
import type { WebSocketLike } from '../../core/protocol/hub-socket.js';

/** A socket whose opening, messages and closing the test decides. */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  send(data: string): void {
    this.sent.push(data);
  }
  close(code = 1000, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: unknown): void {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
}
