import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallVenue, startTestServer, type TestServer } from '../testing/test-server';

/* The organisers' home: places by status and booked revenue per event, in date order, and the charts. */

let server: TestServer;
const now = Date.UTC(2026, 10, 25, 12);
beforeAll(async () => {
  server = await startTestServer({ now: () => now });
  const pricing = { currency: 'EUR', prices: { '1': 40, back: 20 } };
  const result = await server.app.booking.importChart(server.app.defaultWorkspace.id, smallVenue(10), {
    key: 'small',
    events: [
      { key: 'past', date: '2026-01-10' },
      { key: 'undated' },
      { key: 'later', date: '2027-03-01' },
      { key: 'soon', date: '2026-12-01', name: 'Soon', pricing },
    ],
  });
  if (!result.ok) throw new Error(result.reason);
});
afterAll(() => server.stop());

describe('organiserOverview', () => {
  it('orders events: upcoming soonest first, then undated, then past', async () => {
    expect((await server.app.booking.organiserOverview(server.app.defaultWorkspace.id)).events.map((e) => e.key)).toEqual(['soon', 'later', 'undated', 'past']);
  });

  it('counts places by status, standing places one by one, and prices what is booked', async () => {
    const { holdToken } = await server.client.holdTokens.create();
    await server.client.events.hold('soon', ['A-1', 'A-2'], holdToken);
    await server.client.events.book('soon', [{ objectId: 'A-3' }, { objectId: 'B-1' }, { objectId: 'GA1', quantity: 3 }]);
    await server.client.events.changeObjectStatus('soon', ['B-2'], 'blocked');
    const soon = (await server.app.booking.organiserOverview(server.app.defaultWorkspace.id)).events.find((e) => e.key === 'soon')!;
    // 20 row seats, 2 table seats of T1 (sold per seat), T2 (whole), B1 (booth) and 10 standing places: 34.
    expect(soon.counts).toEqual({ free: 26, held: 2, booked: 5, other: 1, notForSale: 0, total: 34 });
    // A-3 (cat 1, €40) + B-1 (back, €20) + 3 standing (back, €20 each).
    expect([soon.revenue, soon.currency]).toEqual([120, 'EUR']);
  });

  it('lists the charts with their places and how many events use them', async () => {
    expect((await server.app.booking.organiserOverview(server.app.defaultWorkspace.id)).charts).toEqual([
      {
        key: 'small',
        name: 'Small venue',
        places: 34,
        events: 4,
        categories: [
          { key: '1', label: 'Front', color: '#ff0000' },
          { key: 'back', label: 'Back', color: '#0000ff' },
        ],
      },
    ]);
  });
});
