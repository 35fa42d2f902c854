/**
 * Forked by the benchmark: the baselines for fan-out. A bare Socket.IO server (room per event, like ours) or a
 * bare `ws` server that broadcasts a message of the same shape as soon as POST /emit asks, with no database.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';

const kind = process.argv[2] as 'socketio' | 'ws';
let seq = 0;
let broadcast: (message: string | object) => void;

const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'POST' || url.pathname !== '/emit') return void res.writeHead(404).end();
  seq++;
  const message = { eventKey: 'fanout', fromSeq: seq, toSeq: seq, changes: [{ label: url.searchParams.get('label'), status: 'reservedByToken' }] };
  broadcast(message);
  res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});

if (kind === 'socketio') {
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on('chart:subscribe', (payload: { eventKey: string }, ack: (r: unknown) => void) => {
      void socket.join(`event:${payload.eventKey}`);
      ack({ ok: true, seq, objects: [] });
    });
  });
  broadcast = (m) => io.to('event:fanout').emit('objects:changed', m);
} else {
  const wss = new WebSocketServer({ server: http });
  broadcast = (m) => {
    const data = JSON.stringify(m);
    for (const client of wss.clients) client.send(data);
  };
}

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    global.gc?.();
    const { heapUsed, external } = process.memoryUsage();
    process.send?.({ type: 'memory', bytes: heapUsed + external });
  }
});
process.on('disconnect', () => process.exit(0));
