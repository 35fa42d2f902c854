import Database from 'better-sqlite3';
import { expect, test } from './support/fixtures';
import { authHeader } from './support/server-env';
import { ServerProcess } from './support/server-process';

/*
 * Crash: SIGKILL the server while clients are booking, start it again on the same file. Every acknowledged
 * booking is there, no batch is half applied, holds that expired meanwhile are released, the log has no gap.
 */

type Batch = { orderId: string; labels: string[] };

test('a server killed under load loses nothing it acknowledged', async () => {
  test.setTimeout(90_000);
  const server = new ServerProcess(3102);
  try {
    await server.start();
    const api = (path: string, data: unknown) =>
      fetch(`${server.baseUrl}/api${path}`, { method: 'POST', headers: { ...authHeader, 'content-type': 'application/json' }, body: JSON.stringify(data) });

    expect((await api('/events', { chartKey: 'demo-hall', eventKey: 'crash' })).status).toBe(200);

    // Holds that will expire while the server is down.
    const token = (await (await api('/hold-tokens', { expiresInMinutes: 0.05 })).json()) as { holdToken: string };
    expect((await api('/events/crash/actions/hold', { objects: ['Section D-O-1', 'Section D-O-2'], holdToken: token.holdToken })).status).toBe(200);

    // 8 clients book 3-seat batches as fast as they can; the server is killed while they do.
    const acknowledged: Batch[] = [];
    const attempted: Batch[] = [];
    let stop = false;
    const clients = Array.from({ length: 8 }, async (_, client) => {
      // Client c books in section c % 4, the left half of each row for clients 0-3, the right half for 4-7.
      const section = String.fromCharCode(65 + (client % 4));
      const firstSeat = client < 4 ? 1 : 16;
      for (let i = 0; !stop && i < 75; i++) {
        const row = String.fromCharCode(65 + (i % 15));
        const seat = firstSeat + 3 * Math.floor(i / 15);
        const batch = { orderId: `crash-${client}-${i}`, labels: [0, 1, 2].map((d) => `Section ${section}-${row}-${seat + d}`) };
        attempted.push(batch);
        try {
          const res = await api('/events/crash/actions/book', { objects: batch.labels, orderId: batch.orderId });
          if (res.status === 200) acknowledged.push(batch);
        } catch {
          return; // the server is gone
        }
      }
    });
    // Kill it in the middle of the load: after 100 acknowledged batches, with most still to come.
    while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 2));
    await server.kill();
    stop = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeLessThan(attempted.length);

    await new Promise((r) => setTimeout(r, 3500)); // the 3-second hold expires while the server is down
    await server.start();

    const db = new Database(server.databaseFile, { readonly: true });
    try {
      const booked = new Map(
        (db.prepare("select label, order_id from event_objects where status = 'booked'").all() as { label: string; order_id: string }[]).map((r) => [
          r.label,
          r.order_id,
        ]),
      );
      for (const batch of acknowledged) for (const label of batch.labels) expect(booked.get(label), label).toBe(batch.orderId);
      // All or nothing, also for the batch that was in flight at the kill.
      for (const batch of attempted) {
        const present = batch.labels.filter((l) => booked.get(l) === batch.orderId).length;
        expect([0, 3], batch.orderId).toContain(present);
      }
      const held = db.prepare("select label from event_objects where status = 'reservedByToken'").all();
      expect(held).toEqual([]);
      const { seq } = db.prepare("select seq from events where key = 'crash'").get() as { seq: number };
      const seqs = (
        db.prepare('select s.seq from status_changes s join events e on e.id = s.event_id where e.key = ? order by s.seq').all('crash') as {
          seq: number;
        }[]
      ).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
      const expired = db.prepare("select count(*) as n from status_changes where origin = 'HOLD_EXPIRED'").get();
      expect(expired).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  } finally {
    await server.dispose();
  }
});
