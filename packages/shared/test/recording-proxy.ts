/**
 * An HTTP proxy on loopback that records where clients ask to go and refuses to take them there:
 * lets tests see which real host a connector would reach without leaving the machine.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const startRecordingProxy = async () => {
  const targets: string[] = [];
  const server = http.createServer((request, response) => {
    targets.push(String(request.url));
    response.writeHead(403).end();
  });
  server.on('connect', (request: http.IncomingMessage, socket) => {
    targets.push(String(request.url));
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
};
