import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, smallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* Events and charts from the box office, through the organiser API: signed in, with the CSRF token. */

let server: TestServer;
let headers: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['existing']);
  const { session, csrfToken } = await server.loginOrganiser();
  headers = { cookie: session, 'x-csrf-token': csrfToken };
});
afterAll(() => server.stop());

const post = (path: string, json: unknown, withHeaders = headers) => server.api(`/manage${path}`, { json, secretKey: null, headers: withHeaders });

describe('POST /api/manage/events/{key}/settings', () => {
  it("changes an event's custom statuses, name and sales settings, naming each wrong field, and only when signed in", async () => {
    const bad = await post('/events/existing/settings', { customStatuses: [{ status: 'booked', label: 'X', color: 'red' }] });
    expect([bad.status, ((await bad.json()) as { errors: unknown }).errors]).toEqual([
      400,
      {
        'customStatuses[0].status': ['a status of your own, not free, booked, reservedByToken or notForSale'],
        'customStatuses[0].color': ['a colour as #rrggbb'],
      },
    ]);
    const anonymous = await post('/events/existing/settings', { name: 'Taken over' }, {});
    expect(anonymous.status).toBe(401);
    const customStatuses = [
      { status: 'blocked', label: 'Blocked', color: '#64748b' },
      { status: 'house', label: 'House seats', color: '#0d9488' },
    ];
    const saved = await post('/events/existing/settings', { name: 'Renamed', customStatuses, salesSettings: { maxPlacesPerOrder: 6 } });
    expect(saved.status).toBe(204);
    expect(await server.app.booking.organiserEvent(server.app.defaultWorkspace.id, 'existing')).toMatchObject({
      name: 'Renamed',
      customStatuses,
      sales: { maxPlacesPerOrder: 6 },
    });
    expect((await post('/events/none/settings', { name: 'x' })).status).toBe(404);
  });
});

describe('POST /api/manage/events', () => {
  it('creates an event with its prices and sales settings', async () => {
    const res = await post('/events', {
      chartKey: 'small',
      key: 'from-the-box-office',
      name: 'Matinee',
      date: '2027-01-02',
      pricing: { currency: 'EUR', prices: { '1': 30 } },
      salesSettings: { checkoutMode: 'reservation', maxPlacesPerOrder: 4 },
    });
    expect([res.status, await res.json()]).toEqual([200, { key: 'from-the-box-office' }]);
    expect(await server.client.events.retrieve('from-the-box-office')).toMatchObject({ name: 'Matinee', date: { year: 2027, month: 1, day: 2 } });
    expect(await server.app.booking.publicEvent({ eventKey: 'from-the-box-office' })).toMatchObject({
      pricing: { currency: 'EUR', prices: { '1': 30 } },
      sales: { checkoutMode: 'reservation', maxPlacesPerOrder: 4 },
    });
  });

  it('names what is wrong, changing nothing', async () => {
    const cases: [unknown, number, Record<string, string[]>][] = [
      [{ chartKey: 'small', key: 'existing' }, 409, { key: ['taken by another event'] }],
      [{ chartKey: 'nope' }, 404, { chartKey: ['no such chart'] }],
      [{ chartKey: 'small', pricing: { currency: 'euro', prices: {} } }, 400, { 'pricing.currency': [expect.any(String)] }],
      [{ chartKey: 'small', salesSettings: { holdMinutes: 40 } }, 400, { 'salesSettings.holdMinutes': ['must not exceed maxHoldMinutes'] }],
    ];
    for (const [body, status, errors] of cases) {
      const before = await server.fingerprint();
      const res = await post('/events', body);
      expect([res.status, ((await res.json()) as { errors: unknown }).errors]).toEqual([status, errors]);
      expect(await server.fingerprint()).toEqual(before);
    }
  });

  it('is refused without the CSRF token', async () => {
    const before = await server.fingerprint();
    expect((await post('/events', { chartKey: 'small', key: 'csrf' }, { cookie: headers.cookie! })).status).toBe(403);
    expect(await server.fingerprint()).toEqual(before);
  });
});

describe('POST /api/manage/charts', () => {
  it('imports a chart file, or lists what is wrong with it field by field', async () => {
    const ok = await post('/charts', { key: 'studio', file: smallVenue() });
    expect([ok.status, await ok.json()]).toEqual([200, { key: 'studio', name: 'Small venue' }]);
    const before = await server.fingerprint();
    const broken = await post('/charts', { file: { subChart: { booths: [{ label: 'B1', center: { x: 0 } }] } } });
    expect([broken.status, ((await broken.json()) as { errors: unknown }).errors]).toEqual([400, { 'file.subChart.booths[0].center.y': [expect.any(String)] }]);
    expect(await server.fingerprint()).toEqual(before);
  });
});
