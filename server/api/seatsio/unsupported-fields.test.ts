import { BestAvailableParams, CreateEventParams, ForSaleConfig, StatusChangeRequest, TableBookingConfig, UpdateEventParams } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/*
 * Nothing the official client sends is silently ignored: every documented optional field of create event, update
 * event, hold, book, change-object-status and best available either has its effect or answers 400 naming it, and a
 * refused request changes nothing.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['fields']);
});
afterAll(() => server.stop());

/** The client's call is refused with 400 INVALID_REQUEST naming `field`, and nothing changed. */
async function refusedNaming(call: () => Promise<unknown>, field: string) {
  const before = await server.fingerprint();
  const refusal = await call().then(
    () => undefined,
    (e: unknown) => e as { status: number; errors: { code: string; message: string }[] },
  );
  expect(refusal, `${field} was accepted`).toBeDefined();
  expect(refusal!.status).toBe(400);
  expect(refusal!.errors.map((e) => e.code)).toEqual(refusal!.errors.map(() => 'INVALID_REQUEST'));
  expect(refusal!.errors.map((e) => e.message).join(' ')).toContain(field);
  expect(await server.fingerprint()).toEqual(before);
}

describe('create and update event', () => {
  it('refuses what Tessera does not implement or what does not fit the chart, naming the field', async () => {
    const create = (params: CreateEventParams) => () => server.client.events.create('small', params);
    await refusedNaming(
      create(new CreateEventParams().withKey('c1').withChannels([{ key: 'vip', name: 'VIP', color: '#f00', index: 1, areaPlaces: { GA1: 3 } }])),
      'channels[0].areaPlaces',
    );
    await refusedNaming(create(new CreateEventParams().withKey('c2').withForSaleConfig(new ForSaleConfig(false, ['A-1'], {}, []))), 'forSaleConfig');
    // Event-level categories and table booking (event-chart.test.ts has their effect): what does not fit the chart is named.
    await refusedNaming(create(new CreateEventParams().withKey('c3').withObjectCategories({ 'Z-99': 'back' })), 'objectCategories.Z-99');
    await refusedNaming(
      create(new CreateEventParams().withKey('c4').withCategories([{ key: 1, label: 'Again', color: '#000' }] as never)),
      'categories[0].key',
    );
    await refusedNaming(
      create(new CreateEventParams().withKey('c5').withTableBookingConfig(TableBookingConfig.custom({ B1: 'BY_TABLE' }))),
      'tableBookingConfig.tables.B1',
    );
    await refusedNaming(
      () =>
        server.client.events.createMultiple('small', [new CreateEventParams().withKey('c6').withChannels([{ key: 'vip', name: 'VIP', objects: ['Z-99'] }])]),
      'Z-99',
    );

    const event = await server.client.events.create(
      'small',
      new CreateEventParams().withKey('c7').withName('Gala').withTableBookingConfig(TableBookingConfig.inherit()),
    );
    expect(event).toMatchObject({ key: 'c7', name: 'Gala', tableBookingConfig: { mode: 'INHERIT' } });
    await refusedNaming(() => server.client.events.update('c7', new UpdateEventParams().withIsInThePast(true)), 'isInThePast');
    await refusedNaming(() => server.client.events.update('c7', new UpdateEventParams().withObjectCategories({ 'A-1': 'nope' })), 'objectCategories.A-1');
    await server.client.events.update('c7', new UpdateEventParams().withName('Gala night').withIsInThePast(false));
    expect((await server.client.events.retrieve('c7')).name).toBe('Gala night');
  });

  it('names a field seats.io does not have either', async () => {
    const before = await server.fingerprint();
    const res = await server.api('/events', { json: { chartKey: 'small', eventKey: 'typo', nmae: 'Gala' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { messages: string[] }).messages.join(' ')).toContain('nmae');
    expect(await server.fingerprint()).toEqual(before);
  });
});

describe('hold, book and change status', () => {
  it('refuses resale listings and seasons; takes channel keys and ignoreChannels (channels.test.ts has their effect)', async () => {
    const { holdToken } = await server.client.holdTokens.create();
    await refusedNaming(() => server.client.events.putUpForResale('fields', ['A-1'], 'listing-1'), 'resaleListingId');
    await refusedNaming(
      () =>
        server.client.events.changeObjectStatusInBatch([
          new StatusChangeRequest().withEventKey('fields').withObjects(['A-1']).withStatus('booked').withSeasonKey('s1'),
        ]),
      'season',
    );
    await server.client.events.hold('fields', ['A-1'], holdToken, null, null, true, ['vip']);
    expect((await server.client.events.retrieveObjectInfo('fields', 'A-1')).status).toBe('reservedByToken');
    await server.client.events.book('fields', ['A-1'], holdToken, 'order-7', true, true);
    expect((await server.client.events.retrieveObjectInfo('fields', 'A-1')).orderId).toBe('order-7');
  });

  it('keeps the order id a release names', async () => {
    await server.client.events.book('fields', ['A-3'], null, 'order-8');
    await server.client.events.release('fields', ['A-3'], null, 'refund-8');
    expect(await server.client.events.retrieveObjectInfo('fields', 'A-3')).toMatchObject({ status: 'free', orderId: 'refund-8' });
    const [latest] = (await server.client.events.statusChanges('fields').firstPage()).items;
    expect(latest).toMatchObject({ objectLabel: 'A-3', status: 'free', orderId: 'refund-8' });
  });

  it('treats a change to "free" as a release', async () => {
    await server.client.events.book('fields', ['A-2']);
    const result = await server.client.events.changeObjectStatus('fields', ['A-2'], 'free');
    expect(result.objects['A-2']!.status).toBe('free');
    expect((await server.client.events.retrieveObjectInfo('fields', 'A-2')).status).toBe('free');
  });
});

describe('best available', () => {
  it('takes sections, categories by key or label and tryToPreventOrphanSeats; refuses zones', async () => {
    await refusedNaming(() => server.client.events.holdBestAvailable('fields', new BestAvailableParams().withNumber(2).withZone('north'), 'token'), 'zone');
    const { holdToken } = await server.client.holdTokens.create();
    // Row B is category "Back" (key "back"); by label, as by key.
    const byLabel = await server.client.events.holdBestAvailable('fields', new BestAvailableParams().withNumber(2).withCategories(['Back']), holdToken);
    expect(byLabel.objects.every((label) => label.startsWith('B-'))).toBe(true);
    // The small venue has no sections: asking for one finds nothing.
    await expect(
      server.client.events.holdBestAvailable('fields', new BestAvailableParams().withNumber(1).withSections(['Balcony']), holdToken),
    ).rejects.toMatchObject({ status: 400, errors: [{ code: 'BEST_AVAILABLE_NOT_FOUND' }] });
  });

  it('strands a single seat only when told not to try to prevent it', async () => {
    await server.client.events.create('small', new CreateEventParams().withKey('orphans'));
    // Row A (category 1) keeps free (A-1 is a wheelchair space, left out unless asked for); A-6 is
    // the closest to the focal point, and taking it would strand. A-5 strands nobody.
    await server.client.events.book('orphans', ['A-2', 'A-3', 'A-4', 'A-8', 'A-9', 'A-10']);
    const { holdToken } = await server.client.holdTokens.create();
    const careful = await server.client.events.holdBestAvailable('orphans', new BestAvailableParams().withNumber(1).withCategories(['1']), holdToken);
    await server.client.events.release('orphans', careful.objects, holdToken);
    const careless = await server.client.events.holdBestAvailable(
      'orphans',
      new BestAvailableParams().withNumber(1).withCategories(['1']).withTryToPreventOrphanSeats(false),
      holdToken,
    );
    expect([careful.objects, careless.objects]).toEqual([['A-5'], ['A-6']]);
  });
});

describe('what is not served', () => {
  it('answers seasons with a clean 404, not a wrong 200', async () => {
    await expect(server.client.seasons.create('small')).rejects.toMatchObject({ status: 404 });
  });
});
