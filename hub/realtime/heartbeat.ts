/**
 * Finds sockets whose other end vanished without a close (a phone losing its network): each
 * beat pings every socket, and one that has not answered the previous ping is cut.
 */
import type { WebSocket, WebSocketServer } from 'ws';

type Watched = WebSocket & { isAlive?: boolean };

/** Liveness of every socket of a server. */
export interface Heartbeat {
  /** Cuts sockets that missed the last ping and pings the rest. */
  beat(): void;
}

/** Watches every socket the server accepts from now on. */
export function watchLiveness(server: WebSocketServer): Heartbeat {
  server.on('connection', (socket: Watched) => {
    socket.isAlive = true;
    socket.on('pong', () => (socket.isAlive = true));
  });
  return {
    beat: () => {
      for (const socket of server.clients as Set<Watched>) {
        if (socket.isAlive === false) {
          socket.terminate();
          continue;
        }
        socket.isAlive = false;
        socket.ping();
      }
    },
  };
}
