import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../testing/databases';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

/*
 * Concurrency is the heart of the product: many real HTTP clients at once against one real server, then a
 * witness query over the database. On each database the server runs on.
 */

describe.each(await testDatabases('the races'))('on %s', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
    await seedSmallVenue(server.app, ['race-one-seat', 'race-random'], 25);
  });
  afterAll(() => server.stop());

  async function newToken(): Promise<string> {
    const res = await server.api('/hold-tokens', { json: {} });
    return ((await res.json()) as { holdToken: string }).holdToken;
  }

  describe('holding one seat from 200 clients at once', () => {
    it('lets exactly one of them have it', async () => {
      const tokens = await Promise.all(Array.from({ length: 200 }, newToken));
      const statuses = await Promise.all(
        tokens.map((holdToken) => server.api('/events/race-one-seat/actions/hold', { json: { objects: ['A-1'], holdToken } }).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 400)).toHaveLength(199);
      const winner = tokens[statuses.indexOf(200)];
      const rows = await server.query(
        "select status, hold_token from event_objects e join events v on v.id = e.event_id where v.key = 'race-one-seat' and e.label = 'A-1'",
      );
      expect(rows).toEqual([{ status: 'reservedByToken', hold_token: winner }]);
    });
  });

  describe('random overlapping holds and books from many clients', () => {
    it('never books a seat twice nor a GA area over capacity, and every success is in the database', async () => {
      const labels = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'B-1', 'B-2', 'B-3', 'B-4', 'B1', 'T2'];
      let seed = 42;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const pick = (n: number) => [...new Set(Array.from({ length: n }, () => labels[Math.floor(random() * labels.length)]!))];

      const successes: { orderId: string; objects: string[]; ga: number }[] = [];
      const clients = Array.from({ length: 40 }, async (_, client) => {
        for (let i = 0; i < 5; i++) {
          const objects = pick(1 + Math.floor(random() * 3));
          const ga = 1 + Math.floor(random() * 4);
          const orderId = `order-${client}-${i}`;
          const body = { objects: [...objects, { objectId: 'GA1', quantity: ga }], orderId };
          if (random() < 0.5) {
            const res = await server.api('/events/race-random/actions/book', { json: body });
            expect([200, 400]).toContain(res.status);
            if (res.status === 200) successes.push({ orderId, objects, ga });
          } else {
            const holdToken = await newToken();
            const held = await server.api('/events/race-random/actions/hold', { json: { ...body, holdToken } });
            expect([200, 400]).toContain(held.status);
            if (held.status !== 200) continue;
            const res = await server.api('/events/race-random/actions/book', { json: { ...body, holdToken } });
            expect(res.status).toBe(200);
            successes.push({ orderId, objects, ga });
          }
        }
      });
      await Promise.all(clients);
      expect(successes.length).toBeGreaterThan(3);

      // Witness 1: no label appears in two successful bookings, and each booked row carries its one order.
      const bookedBy = new Map<string, string>();
      for (const s of successes) {
        for (const label of s.objects) {
          expect(bookedBy.has(label), `${label} booked twice`).toBe(false);
          bookedBy.set(label, s.orderId);
        }
      }
      const rows = await server.query<{ label: string; order_id: string }>(
        "select e.label, e.order_id from event_objects e join events v on v.id = e.event_id where v.key = 'race-random' and e.status = 'booked'",
      );
      expect(new Map(rows.map((r) => [r.label, r.order_id]))).toEqual(bookedBy);

      // Witness 2: the log never has two bookings of one seat, and GA is within capacity and matches the successes.
      const twice = await server.query(
        "select label from status_changes s join events v on v.id = s.event_id where v.key = 'race-random' and s.status = 'booked' and label <> 'GA1' group by label having count(*) > 1",
      );
      expect(twice).toEqual([]);
      const [ga] = await server.query<{ booked: number | string; total: number | string }>(
        "select coalesce(sum(case when status = 'booked' then quantity end), 0) as booked, coalesce(sum(quantity), 0) as total from ga_allocations g join events v on v.id = g.event_id where v.key = 'race-random'",
      );
      // PostgreSQL's sums are bigints, as text.
      expect(Number(ga!.total)).toBeLessThanOrEqual(25);
      expect(Number(ga!.booked)).toBe(successes.reduce((sum, s) => sum + s.ga, 0));
    });
  });
});
