/**
 * Reading and writing the socket's frames: a client's message checked against the contract
 * (core/protocol/ws.ts), a hub message sent only while the socket is open, and a close with a
 * reason that fits the frame.
 */
import type { WebSocket } from 'ws';
import { clientMessageSchema, type ClientMessage, type HubMessage } from '../../core/protocol/ws.js';

/** The largest message a client may send; hello with a token is well under 200 bytes. */
export const maxClientMessageBytes = 4096;

/** Reads one client frame: the message, or the plain reason it is refused. */
export function decode(data: unknown, isBinary: boolean): { ok: true; value: ClientMessage } | { ok: false; reason: string } {
  if (isBinary) return { ok: false, reason: 'Messages are JSON text.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(data));
  } catch {
    return { ok: false, reason: 'Messages are JSON text.' };
  }
  const result = clientMessageSchema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `Not a valid message: ${issue?.path.join('.') || 'type'} ${issue?.message ?? ''}`.trim() };
}

/** Sends a hub message if the socket is still open. */
export function send(socket: WebSocket, message: HubMessage): void {
  sendText(socket, JSON.stringify(message));
}

/** Sends a message already written as text (one text for many sockets), if the socket is still open. */
export function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState === socket.OPEN) socket.send(text);
}

/** Closes with a code and a plain reason. */
export function close(socket: WebSocket, code: number, reason: string): void {
  // A close reason may carry at most 123 bytes.
  const bytes = Buffer.from(reason);
  socket.close(code, bytes.length <= 123 ? reason : bytes.subarray(0, 120).toString() + '…');
}
