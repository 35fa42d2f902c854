import type { ChildProcess } from 'node:child_process';
import { ask, forkProcess, stop } from './child';
import { benchAuth as auth, holdToken, startAppServer, type AppServer } from './servers';
import { progress, time, type Measurement } from './report';

/*
 * 4. Fan-out: N chart clients subscribed to one event while changes are committed at 20 per second. Latency
 * runs from the moment the change is requested over HTTP until each client has it, for our server (API → SQLite
 * transaction → change feed → Socket.IO room) and, in the same run, for a bare Socket.IO server and a bare `ws`
 * server that broadcast as soon as they are asked.
 */

/** A server, or instances of one sharing the clients (`ports`); each answers IPC memory questions. */
export type Target = { name: string; kind: 'socketio' | 'ws'; ports: number[]; children: ChildProcess[]; trigger: (label: string) => Promise<void> };
type Result = { p50: number; p99: number; lost: number; deliveriesPerSecond: number; bytesPerClient?: number };

/** Heap and external memory after a GC, of all the target's processes: unlike RSS it goes down again when clients leave. */
async function memory(target: Target): Promise<number> {
  let bytes = 0;
  for (const child of target.children) bytes += (await ask<{ bytes: number }>(child, { type: 'memory' })).bytes;
  return bytes;
}

export async function measure(target: Target, clients: number, changes: number, labels: string[]): Promise<Result> {
  const before = await memory(target);
  const { child, first } = forkProcess<{ type: string }>('fanout-clients');
  child.send({ urls: target.ports.map((port) => `http://127.0.0.1:${port}`), count: clients, kind: target.kind });
  await first;
  await new Promise((r) => setTimeout(r, 500));
  const after = await memory(target);
  const sentAt = new Map<string, number>();
  const start = performance.now();
  for (let i = 0; i < changes; i++) {
    const label = labels[i]!;
    const due = start + i * 50; // 20 changes per second
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    progress(`[fanout] ${target.name}, ${clients.toLocaleString('en')} clients: change ${i + 1}/${changes}`);
    sentAt.set(label, performance.timeOrigin + performance.now());
    await target.trigger(label);
  }
  await new Promise((r) => setTimeout(r, 1000));
  const elapsed = (performance.now() - start) / 1000;
  const report = await ask<{ received: number; p50: number; p99: number }>(child, { type: 'report', sentAt: Object.fromEntries(sentAt) });
  await stop(child);
  return {
    p50: report.p50,
    p99: report.p99,
    lost: changes * clients - report.received,
    deliveriesPerSecond: report.received / elapsed,
    bytesPerClient: (after - before) / clients,
  };
}

export async function bareTarget(kind: 'socketio' | 'ws'): Promise<Target> {
  const { child, first } = forkProcess<{ port: number }>('bare-servers', [kind], {}, ['--expose-gc']);
  const { port } = await first;
  return {
    name: kind === 'ws' ? 'bare ws' : 'bare Socket.IO',
    kind,
    ports: [port],
    children: [child],
    trigger: async (label) => void (await fetch(`http://127.0.0.1:${port}/emit?label=${encodeURIComponent(label)}`, { method: 'POST' })),
  };
}

/** Tessera: its instances share the clients; changes are made through the first. */
export async function oursTarget(...instances: AppServer[]): Promise<Target> {
  const server = instances[0]!;
  const token = await holdToken(server.port);
  return {
    name: 'Tessera',
    kind: 'socketio',
    ports: instances.map((i) => i.port),
    children: instances.map((i) => i.child),
    trigger: async (label) => {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/events/fanout/actions/hold`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ objects: [label], holdToken: token }),
      });
      if (res.status !== 200) throw new Error(`fanout hold failed: ${res.status}`);
    },
  };
}

export async function fanoutBench(quick: boolean): Promise<Measurement[]> {
  const sizes = quick ? [1000] : [1000, 5000];
  const changes = quick ? 40 : 200;
  const measurements: Measurement[] = [];
  for (const clients of sizes) {
    const server = await startAppServer(changes * 4 + 1000);
    const ours = await oursTarget(server);
    // Each run uses fresh seats, so every change is a real hold.
    const labels = (offset: number) => server.labels.slice(offset, offset + changes);
    const bareIo = await bareTarget('socketio');
    const bareWs = await bareTarget('ws');
    try {
      // Alternating rounds (two in a full run), the better of each target's rounds: one busy second on a 2-core
      // box, where the clients alone can take a core, decides nothing.
      const rounds = quick ? 1 : 2;
      const runs: Result[][] = [[], [], []];
      for (let round = 0; round < rounds; round++) {
        runs[0]!.push(await measure(ours, clients, changes, labels(round * changes)));
        runs[1]!.push(await measure(bareIo, clients, changes, labels(round * changes)));
        runs[2]!.push(await measure(bareWs, clients, changes, labels(round * changes)));
      }
      const [o, b, w] = runs.map((r) => r.reduce((best, x) => (x.p99 < best.p99 ? x : best)));
      if (!o || !b || !w) throw new Error('no fan-out runs');
      const section = `4 fan-out ${clients / 1000}k`;
      const note = (r: Result) => `${r.lost} lost, ${Math.round(r.deliveriesPerSecond).toLocaleString('en')} deliveries/s`;
      measurements.push(
        { ...time(section, 'commit → client p50', o.p50, 'ms', { name: 'bare Socket.IO', value: b.p50 }), note: note(o) },
        { ...time(section, 'commit → client p99', o.p99, 'ms', { name: 'bare Socket.IO', value: b.p99 }, 1.2), note: note(b) + ' (bare Socket.IO)' },
        { ...time(section, 'commit → client p99 vs ws', o.p99, 'ms', { name: 'bare ws', value: w.p99 }), note: note(w) + ' (bare ws)' },
        {
          section,
          name: 'server memory per client',
          value: o.bytesPerClient! / 1024,
          unit: 'KiB',
          baseline: { name: 'bare Socket.IO', value: b.bytesPerClient! / 1024 },
          ratio: o.bytesPerClient! / b.bytesPerClient!,
        },
      );
      if (o.lost) measurements.at(-4)!.note = `${o.lost} MESSAGES LOST`;
    } finally {
      await Promise.all([stop(server.child), ...bareIo.children.map(stop), ...bareWs.children.map(stop)]);
    }
  }
  return measurements;
}
