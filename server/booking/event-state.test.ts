import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['snap']);
});
afterAll(() => server.stop());

describe('eventSnapshot', () => {
  it('lists what is not plainly free, and every GA area with its places left', async () => {
    await server.api('/events/snap/actions/book', { json: { objects: ['A-2', { objectId: 'GA1', quantity: 4 }] } });
    await server.api('/events/snap/actions/change-object-status', { json: { objects: ['B-3'], status: 'blocked' } });
    expect(await server.app.booking.eventSnapshot({ eventKey: 'snap' })).toEqual({
      seq: 3,
      objects: [
        { label: 'A-2', status: 'booked' },
        { label: 'B-3', status: 'blocked' },
        { label: 'GA1', status: 'free', numFree: 6 },
      ],
    });
  });

  it('is built once per seq and shared until the next change', async () => {
    const first = await server.app.booking.eventSnapshot({ eventKey: 'snap' });
    expect(await server.app.booking.eventSnapshot({ eventKey: 'snap' })).toBe(first);
    await server.api('/events/snap/actions/release', { json: { objects: ['A-2'] } });
    const next = await server.app.booking.eventSnapshot({ eventKey: 'snap' });
    expect(next).not.toBe(first);
    expect(next!.objects.find((o) => o.label === 'A-2')).toBeUndefined();
  });
});
