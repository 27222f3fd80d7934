/**
 * The floor of the hub benchmark: a bare `ws` server (defaults, no compression) that sends every
 * message straight back. Runs as its own process on 127.0.0.1:$PORT, like the hub does.
 */
import { WebSocketServer } from 'ws';

const port = Number(process.env['PORT']);
if (!Number.isInteger(port) || port <= 0) {
  console.error('PORT must be a port number');
  process.exit(2);
}
const server = new WebSocketServer({ host: '127.0.0.1', port });
server.on('connection', (socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })));
server.on('listening', () => console.log('echo server listening'));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
