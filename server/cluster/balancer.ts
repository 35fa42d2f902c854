import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import httpProxy from 'http-proxy';

/*
 * A load balancer for trying several instances on one machine (`npm run start:cluster`), with the http-proxy package:
 * requests go round-robin; Socket.IO's requests (`/socket.io/`, long polling and the websocket upgrade) stick to one
 * instance per client address, because a polling session lives on the instance that opened it. It tells the
 * instances who the client is in X-Forwarded-For (they trust loopback). In production, put nginx or a cloud balancer
 * with the same rule (sticky for /socket.io/) in front instead.
 */

/** The instance a client's Socket.IO session sticks to: the same for every request from one address. */
function stickyTarget(targets: readonly string[], req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return targets[createHash('sha256').update(address).digest().readUInt32BE(0) % targets.length]!;
}

const isSocketIo = (req: IncomingMessage) => (req.url ?? '').startsWith('/socket.io/');

export function createBalancer(targets: readonly string[]): Server {
  if (!targets.length) throw new Error('a balancer needs at least one instance');
  const proxy = httpProxy.createProxyServer({ xfwd: true });
  let next = 0;
  const pick = (req: IncomingMessage) => (isSocketIo(req) ? stickyTarget(targets, req) : targets[next++ % targets.length]!);
  proxy.on('error', (cause, _req, res) => {
    // An instance that is down or restarting: the client hears 502, the balancer stays up.
    console.error('balancer:', cause.message);
    if ('writeHead' in res && !res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway');
    else res.destroy();
  });
  const server = createServer((req, res) => proxy.web(req, res, { target: pick(req) }));
  server.on('upgrade', (req, socket, head) => proxy.ws(req, socket, head, { target: stickyTarget(targets, req) }));
  server.on('close', () => proxy.close());
  return server;
}
