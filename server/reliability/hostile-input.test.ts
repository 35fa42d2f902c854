import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venueWithSeats } from '../charts/generate-venue';
import { smallVenue, startTestServer, type TestServer } from '../testing/test-server';

/*
 * Input built to hurt: megabytes of extra data, JSON nested until the stack overflows, and labels, order ids and
 * statuses named after Object.prototype's members. Each is refused in the dialect's shape with nothing changed,
 * or works like any other name.
 */

let server: TestServer;
let labels: string[];
beforeAll(async () => {
  server = await startTestServer();
  const venue = await server.app.booking.importChart(server.app.defaultWorkspace.id, venueWithSeats(500), { key: 'big', events: [{ key: 'big' }] });
  if (!venue.ok) throw new Error(venue.reason);
  labels = venue.definition.objects.filter((o) => o.type === 'seat').map((o) => o.label);
});
afterAll(() => server.stop());

/** Expects a 400 in the seats.io shape whose first message starts with `message`, and nothing changed. */
async function expectInvalid(path: string, json: unknown, message: string) {
  const before = await server.fingerprint();
  const res = await server.api(path, { json });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { messages: string[] }).messages[0]).toContain(message);
  expect(await server.fingerprint()).toEqual(before);
}

describe('extra data', () => {
  it('over 10 KB is refused on every route that takes it, before anything is written', async () => {
    const big = { x: 'x'.repeat(100_000) };
    await expectInvalid(
      '/events/big/actions/book',
      { objects: [{ objectId: labels[0], extraData: big }] },
      'objects[0].extraData: must be at most 10240 bytes',
    );
    await expectInvalid('/events/big/actions/update-extra-data', { extraData: { [labels[0]!]: big } }, 'must be at most 10240 bytes');
    await expectInvalid(`/events/big/objects/${labels[0]}/actions/update-extra-data`, { extraData: big }, 'extraData: must be at most 10240 bytes');
    await expectInvalid('/events/big/actions/book', { bestAvailable: { number: 1, extraData: [big] } }, 'bestAvailable.extraData[0]: must be at most');
    // The attack as found: one 900 KB value for 200 seats in one buyer-API booking (it used to be copied 400 times).
    const before = await server.fingerprint();
    const res = await server.api('/v1/events/big/seats/book', {
      json: { objectLabels: labels.slice(0, 200), holdToken: 'x', extraData: { x: 'x'.repeat(900_000) } },
    });
    expect([res.status, ((await res.json()) as { errors: unknown }).errors]).toEqual([400, { extraData: ['must be at most 10240 bytes as JSON'] }]);
    expect(await server.fingerprint()).toEqual(before);
  });

  it('nested until serialising it would overflow the stack is refused with a 400, not a 500', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const before = await server.fingerprint();
    const res = await server.api('/events/big/actions/book', {
      method: 'POST',
      body: `{"objects":[{"objectId":"${labels[0]}","extraData":${deep}}]}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { messages: string[] }).messages).toEqual(['objects[0].extraData: must not nest deeper than 10 levels']);
    expect(await server.fingerprint()).toEqual(before);
    await expectInvalid(
      '/events/big/actions/book',
      { objects: [{ objectId: labels[0], extraData: { a: [[[[[[[[[[1]]]]]]]]]] } }] },
      'must not nest deeper than 10 levels',
    );
  });

  it('is stored once per change, however many places it goes on, and still shows in reports and the log', async () => {
    const data = { buyer: 'Ada', note: 'n'.repeat(9_000) };
    const seats = labels.slice(200, 400);
    const hold = await server.api('/v1/events/big/seats/hold', { json: { objectLabels: seats } });
    const { holdToken } = (await hold.json()) as { holdToken: string };
    const res = await server.api('/v1/events/big/seats/book', { json: { objectLabels: seats, holdToken, extraData: data, orderId: 'bulk' } });
    expect(res.status).toBe(200);
    // Echoed per place, as documented: the reply is bounded by the cap on extra data (only the venue sets it).
    const reply = (await res.json()) as { booked: { extraData: unknown }[] };
    expect(reply.booked[199]!.extraData).toEqual(data);
    expect(JSON.stringify(reply).length).toBeLessThan(seats.length * (JSON.stringify(data).length + 200));
    const rows = server.witness.prepare('select count(*) as n, max(length(json)) as size from extra_data').get();
    expect(rows).toEqual({ n: 1, size: JSON.stringify(data).length });
    const info = await server.client.events.retrieveObjectInfo('big', seats[199]!);
    expect(info.extraData).toEqual(data);
    const changes = await server.api(`/events/big/status-changes?filter=${encodeURIComponent(seats[0]!)}`);
    expect(((await changes.json()) as { items: { extraData?: unknown }[] }).items[0]!.extraData).toEqual(data);
  });
});

describe('names from Object.prototype', () => {
  const hostile = ['__proto__', 'constructor', 'toString'];

  it('work as labels, order ids and custom statuses, in every report', async () => {
    const venue = smallVenue();
    const subChart = venue.subChart as Record<string, unknown[]>;
    subChart.booths = hostile.map((label, i) => ({ label, center: { x: 500 + i * 40, y: 50 }, width: 30, height: 30, categoryKey: 1 }));
    const imported = await server.app.booking.importChart(server.app.defaultWorkspace.id, venue, { key: 'hostile', events: [{ key: 'hostile' }] });
    expect(imported.ok).toBe(true);

    expect((await server.api('/events/hostile/actions/book', { json: { objects: ['__proto__', 'A-1'], orderId: 'constructor' } })).status).toBe(200);
    expect((await server.api('/events/hostile/actions/book', { json: { objects: ['constructor'], orderId: '__proto__' } })).status).toBe(200);
    expect((await server.api('/events/hostile/actions/change-object-status', { json: { objects: ['toString'], status: 'toString' } })).status).toBe(200);

    const report = async (path: string) => {
      const res = await server.api(`/reports/events/hostile/${path}`);
      expect(res.status, path).toBe(200);
      return JSON.parse(await res.text(), (key, value) => value) as Record<string, { label: string }[]>;
    };
    const labelsOf = (groups: Record<string, { label: string }[]>, key: string) => (Object.hasOwn(groups, key) ? groups[key]!.map((o) => o.label) : undefined);
    const byOrder = await report('byOrderId');
    expect([labelsOf(byOrder, 'constructor'), labelsOf(byOrder, '__proto__')]).toEqual([['A-1', '__proto__'], ['constructor']]);
    const byStatus = await report('byStatus');
    expect(labelsOf(byStatus, 'toString')).toEqual(['toString']);
    const byLabel = await report('byLabel');
    for (const label of hostile) expect(labelsOf(byLabel, label)).toEqual([label]);
    expect(labelsOf(await report('byOrderId/constructor'), 'constructor')).toEqual(['A-1', '__proto__']);
    expect(labelsOf(await report('byStatus/toString'), 'toString')).toEqual(['toString']);
    const info = await server.api('/events/hostile/objects?label=__proto__&label=toString');
    expect(info.status).toBe(200);
  });
});
