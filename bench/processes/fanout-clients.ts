/**
 * Forked by the benchmark: many chart clients in one process. Each connects, subscribes to the event and
 * notes when each change arrives (wall-clock milliseconds, comparable across processes on one machine).
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

/** `urls`: the servers the clients are spread over, one after the other (instances behind a balancer). */
type Config = { urls: string[]; count: number; kind: 'socketio' | 'ws' };
type Message = { changes: { label: string }[] };

const config = await new Promise<Config>((resolve) => process.once('message', (m) => resolve(m as Config)));
const arrivals = new Map<string, number[]>();
const wallClock = () => performance.timeOrigin + performance.now();
const onMessage = (message: Message) => {
  const at = wallClock();
  for (const change of message.changes) {
    let list = arrivals.get(change.label);
    if (!list) arrivals.set(change.label, (list = []));
    list.push(at);
  }
};

const sockets: (Socket | WebSocket)[] = [];
async function connectOne(n: number): Promise<void> {
  const url = config.urls[n % config.urls.length]!;
  if (config.kind === 'ws') {
    const ws = new WebSocket(url.replace('http', 'ws'));
    sockets.push(ws);
    ws.on('message', (data) => onMessage(JSON.parse(String(data)) as Message));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return;
  }
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  socket.on('objects:changed', onMessage);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', () => socket.emit('chart:subscribe', { eventKey: 'fanout' }, () => resolve()));
  });
}

// Connect in waves of 100: a burst of thousands of handshakes at once only measures the accept queue.
for (let i = 0; i < config.count; i += 100) await Promise.all(Array.from({ length: Math.min(100, config.count - i) }, (_, j) => connectOne(i + j)));
process.send?.({ type: 'ready' });

process.on('message', (message: { type: string; sentAt?: Record<string, number> }) => {
  if (message.type !== 'report') return;
  // Latencies are worked out here: shipping every arrival of 5,000 clients back over IPC took longer than the run.
  const latencies: number[] = [];
  for (const [label, sent] of Object.entries(message.sentAt ?? {})) for (const at of arrivals.get(label) ?? []) latencies.push(at - sent);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  process.send?.({ type: 'report', received: latencies.length, p50: percentile(50), p99: percentile(99) });
  for (const s of sockets) s instanceof WebSocket ? s.terminate() : s.disconnect();
  setTimeout(() => process.exit(0), 200);
});
