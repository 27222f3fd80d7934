/**
 * The hub's WebSocket for the volunteer and staff consoles, the hub's tests and the benchmarks:
 * {@link connectHubSocket} with every message checked against the zod contract
 * (core/protocol/ws.ts). The kiosk uses connectHubSocket with its light reader instead.
 */
import { connectHubSocket, type HubConnection, type HubSocketOptions } from './hub-socket.js';
import { hubMessageSchema, type HubMessage } from './ws.js';

export type { ConnectionStatus, HubConnection, WebSocketLike } from './hub-socket.js';

/** Options of {@link connectToHub}. */
export type HubConnectionOptions = Omit<HubSocketOptions<HubMessage>, 'parseMessage'>;

/** Reads a hub message with the zod contract; undefined when it does not fit. */
export function parseHubMessage(raw: unknown): HubMessage | undefined {
  const message = hubMessageSchema.safeParse(raw);
  return message.success ? message.data : undefined;
}

/** Connects, and keeps connecting, until stopped or refused. */
export function connectToHub(options: HubConnectionOptions): HubConnection {
  return connectHubSocket({ ...options, parseMessage: parseHubMessage });
}
