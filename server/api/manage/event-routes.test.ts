import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganiserChangeReply } from '../../../contracts/manage-api';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* The box office on one event: changes by hand with undo, place details, search, CSV exports. */

let server: TestServer;
let headers: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['show']);
  const { session, csrfToken } = await server.loginOrganiser();
  headers = { cookie: session, 'x-csrf-token': csrfToken };
  const priced = await server.api('/events/show', { json: { pricing: { currency: 'EUR', prices: { '1': 40, back: 25 } } } });
  expect(priced.status).toBe(204);
});
afterAll(() => server.stop());

const change = (steps: unknown[], withHeaders = headers) =>
  server.api('/manage/events/show/changes', { json: { steps }, secretKey: null, headers: withHeaders });
const get = (path: string, withHeaders = headers) => server.api(`/manage/events/show${path}`, { secretKey: null, headers: withHeaders });
const statusOf = (label: string) =>
  server.witness
    .prepare("select status, order_id as orderId from event_objects where label = ? and event_id = (select id from events where key = 'show')")
    .get(label) as {
    status: string;
    orderId: string | null;
  };
const buyerHold = async (objectLabels: string[]) => {
  const res = await server.api('/v1/events/show/seats/hold', { json: { objectLabels }, secretKey: null });
  return ((await res.json()) as { holdToken: string }).holdToken;
};

describe('the box office API, from the outside', () => {
  it('answers nothing and changes nothing without a session, or without the CSRF token', async () => {
    const before = await server.fingerprint();
    const anonymous = {};
    const responses = await Promise.all([
      change([{ action: 'book', places: [{ label: 'A-1' }], orderId: 'x' }], anonymous),
      change([{ action: 'book', places: [{ label: 'A-1' }], orderId: 'x' }], { cookie: headers.cookie! }),
      get('/places/A-1', anonymous),
      get('/search?q=A', anonymous),
      get('/places.csv', anonymous),
      get('/status-changes.csv', anonymous),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 403, 401, 401, 401, 401]);
    expect(await server.fingerprint()).toEqual(before);
  });

  it('names each wrong field of a bad change', async () => {
    const res = await change([{ action: 'setStatus', places: [{ label: 'A-1' }], status: 'booked', colour: 'red' }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      statusCode: 400,
      message: 'Invalid request',
      errors: { 'steps[0]': ['Unrecognized key: "colour"'], 'steps[0].status': ['a status of your own, not free, booked, reservedByToken or notForSale'] },
    });
  });
});

describe('changes by hand', () => {
  it("books with an order id all or nothing, naming each place it could not take; a buyer's hold stays theirs", async () => {
    await buyerHold(['A-2']);
    const before = await server.fingerprint();
    const refused = await change([{ action: 'book', places: [{ label: 'A-1' }, { label: 'A-2' }, { label: 'GA1', quantity: 11 }], orderId: 'box-1' }]);
    expect([refused.status, await refused.json()]).toEqual([
      409,
      {
        statusCode: 409,
        message: '2 places could not be changed; nothing was changed',
        errors: { 'A-2': ['is held by a buyer: their hold ends when they book or it expires'], GA1: ['has not enough free places'] },
      },
    ]);
    expect(await server.fingerprint()).toEqual(before);

    const booked = await change([{ action: 'book', places: [{ label: 'A-1' }, { label: 'GA1', quantity: 3 }], orderId: 'box-1' }]);
    expect(booked.status).toBe(200);
    const reply = (await booked.json()) as OrganiserChangeReply;
    expect(reply.changed).toEqual([
      { label: 'A-1', status: 'booked' },
      { label: 'GA1', status: 'free', numFree: 7, places: { booked: 3 } },
    ]);
    expect(reply.undo).toEqual({ steps: [{ action: 'release', places: [{ label: 'A-1' }, { label: 'GA1', quantity: 3 }], onlyIfStatus: 'booked' }] });
    expect(statusOf('A-1')).toEqual({ status: 'booked', orderId: 'box-1' });
    const origins = server.witness.prepare("select distinct origin from status_changes where order_id = 'box-1'").all();
    expect(origins).toEqual([{ origin: 'ORGANISER' }]);
  });

  it('blocks, releases and undoes: a release undone books the places again under their order', async () => {
    const blocked = (await (
      await change([{ action: 'setStatus', places: [{ label: 'B-1' }, { label: 'B-2' }], status: 'blocked' }])
    ).json()) as OrganiserChangeReply;
    expect([statusOf('B-1').status, statusOf('B-2').status]).toEqual(['blocked', 'blocked']);
    expect((await change(blocked.undo.steps)).status).toBe(200);
    expect([statusOf('B-1').status, statusOf('B-2').status]).toEqual(['free', 'free']);

    await change([{ action: 'book', places: [{ label: 'B-5' }], orderId: 'box-2' }]);
    await change([{ action: 'setStatus', places: [{ label: 'B-6' }], status: 'blocked' }]);
    const released = (await (await change([{ action: 'release', places: [{ label: 'B-5' }, { label: 'B-6' }] }])).json()) as OrganiserChangeReply;
    expect(released.undo.steps).toEqual([
      { action: 'book', places: [{ label: 'B-5' }], orderId: 'box-2' },
      { action: 'setStatus', places: [{ label: 'B-6' }], status: 'blocked' },
    ]);
    expect((await change(released.undo.steps)).status).toBe(200);
    expect([statusOf('B-5'), statusOf('B-6').status]).toEqual([{ status: 'booked', orderId: 'box-2' }, 'blocked']);
  });

  it('gives a seat back its ticket type and extra data when a release is undone', async () => {
    const booked = await server.api('/events/show/actions/book', {
      json: { objects: [{ objectId: 'A-7', ticketType: 'child', extraData: { buyer: 'Ada' } }], orderId: 'web-3' },
    });
    expect(booked.status).toBe(200);
    const released = (await (await change([{ action: 'release', places: [{ label: 'A-7' }] }])).json()) as OrganiserChangeReply;
    expect(released.undo.steps).toEqual([{ action: 'book', places: [{ label: 'A-7', ticketType: 'child', extraData: { buyer: 'Ada' } }], orderId: 'web-3' }]);
    expect((await change(released.undo.steps)).status).toBe(200);
    expect(await server.client.events.retrieveObjectInfo('show', 'A-7')).toMatchObject({
      status: 'booked',
      orderId: 'web-3',
      ticketType: 'child',
      extraData: { buyer: 'Ada' },
    });
  });

  it('refuses an undo once someone else has changed the place since', async () => {
    const booked = (await (await change([{ action: 'book', places: [{ label: 'B-8' }], orderId: 'box-3' }])).json()) as OrganiserChangeReply;
    await change([{ action: 'release', places: [{ label: 'B-8' }] }]);
    await change([{ action: 'setStatus', places: [{ label: 'B-8' }], status: 'blocked' }]);
    const undo = await change(booked.undo.steps);
    expect([undo.status, await undo.json()]).toMatchObject([409, { errors: { 'B-8': ['has changed since: its status is not the one expected'] } }]);
    expect(statusOf('B-8').status).toBe('blocked');
  });
});

describe('off sale', () => {
  it('takes seats and standing places off sale, where no buyer can take them, and puts them back; undo reverses both', async () => {
    const off = await change([{ action: 'markNotForSale', places: [{ label: 'B-9' }, { label: 'GA1', quantity: 2 }] }]);
    const reply = (await off.json()) as OrganiserChangeReply;
    expect([off.status, statusOf('B-9').status]).toEqual([200, 'notForSale']);
    expect(reply.changed).toContainEqual(expect.objectContaining({ label: 'GA1', places: expect.objectContaining({ notForSale: 2 }) }));
    const hold = await server.api('/v1/events/show/seats/hold', { json: { objectLabels: ['B-9'] }, secretKey: null });
    expect(hold.status).toBe(409);
    // A venue's status cannot take the reserved name.
    expect((await change([{ action: 'setStatus', places: [{ label: 'B-10' }], status: 'notForSale' }])).status).toBe(400);

    const on = (await (await change([{ action: 'markForSale', places: [{ label: 'B-9' }, { label: 'GA1', quantity: 2 }] }])).json()) as OrganiserChangeReply;
    expect(statusOf('B-9').status).toBe('free');
    expect(on.undo.steps).toEqual([{ action: 'markNotForSale', places: [{ label: 'B-9' }, { label: 'GA1', quantity: 2 }] }]);
    expect((await change(on.undo.steps)).status).toBe(200);
    expect(statusOf('B-9').status).toBe('notForSale');
    expect((await change(reply.undo.steps)).status).toBe(200);
    expect(statusOf('B-9').status).toBe('free');
  });
});

describe('looking places up', () => {
  it("shows a held place's expiry but never its hold token, and a standing area's places per status", async () => {
    const token = await buyerHold(['A-9']);
    const res = await get('/places/A-9');
    const details = (await res.json()) as { holdExpiresAt: number };
    expect(details).toMatchObject({ label: 'A-9', status: 'reservedByToken', orderId: null });
    expect(details.holdExpiresAt).toBeGreaterThan(Date.now());
    expect(JSON.stringify(details)).not.toContain(token);
    expect(await (await get('/places/GA1')).json()).toMatchObject({ label: 'GA1', places: { booked: 3 } });
    expect((await get('/places/Z-99')).status).toBe(404);
  });

  it('finds places by order id and by label', async () => {
    expect(await (await get('/search?q=box-1')).json()).toEqual({ labels: ['A-1', 'GA1'], truncated: false });
    expect(await (await get('/search?q=t2')).json()).toEqual({ labels: ['T2'], truncated: false });
    expect((await get('/search?q=')).status).toBe(400);
  });
});

describe('exports', () => {
  it('streams every place with its status, price, order id and hold expiry as CSV', async () => {
    await change([{ action: 'book', places: [{ label: 'A-3' }], orderId: '=HYPERLINK("x")' }]);
    const res = await get('/places.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="show-places.csv"');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('label,type,section,category,status,quantity,price,ticketType,orderId,holdExpiresAt');
    expect(lines).toContain('A-1,seat,,Front,booked,1,40,,box-1,');
    // A cell a spreadsheet would run as a formula is escaped.
    expect(lines).toContain(`A-3,seat,,Front,booked,1,40,,"'=HYPERLINK(""x"")",`);
    expect(lines.find((l) => l.startsWith('A-9,'))).toMatch(/^A-9,seat,,Front,reservedByToken,1,40,,,\d{4}-\d\d-\d\dT/);
    expect(lines.filter((l) => l.startsWith('GA1,'))).toEqual(['GA1,generalAdmission,,Back,free,7,25,,,', 'GA1,generalAdmission,,Back,booked,3,25,,,']);
    // Every bookable object once (a standing area once per status): A and B rows, T1's seats, T2 whole, the booth.
    expect(lines.length - 1).toBe(20 + 2 + 1 + 1 + 2);
  });

  it('streams the status-change log, oldest first, with who made each change', async () => {
    const lines = (await (await get('/status-changes.csv')).text()).trim().split('\n');
    expect(lines[0]).toBe('seq,time,label,status,quantity,orderId,origin,extraData');
    expect(lines[1]).toMatch(/^1,\d{4}-\d\d-\d\dT[\d:.]+Z,A-2,reservedByToken,1,,BUYER,$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\d+,[^,]+,A-1,booked,1,box-1,ORGANISER,$/));
  });
});
