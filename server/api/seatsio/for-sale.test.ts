import { BestAvailableParams } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* seats.io's for-sale config through the official client: places off sale are nobody's to hold or book. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedSmallVenue(server.app, ['sale']);
});
afterAll(() => server.stop());

describe('editForSaleConfig', () => {
  it('takes seats and standing places off sale and back, reported as seats.io reports them', async () => {
    const result = await server.client.events.editForSaleConfig('sale', null, [{ object: 'A-3' }, { object: 'GA1', quantity: 4 }]);
    expect(result.forSaleConfig).toMatchObject({ forSale: false, objects: ['A-3'], areaPlaces: { GA1: 4 }, categories: [] });
    expect((await server.client.events.retrieve('sale')).forSaleConfig).toMatchObject({ objects: ['A-3'], areaPlaces: { GA1: 4 } });
    expect(await server.client.events.retrieveObjectInfo('sale', 'A-3')).toMatchObject({
      status: 'free',
      forSale: false,
      isAvailable: false,
      availabilityReason: 'not_for_sale',
    });
    expect(await server.client.events.retrieveObjectInfo('sale', 'GA1')).toMatchObject({ numNotForSale: 4, numFree: 6, forSale: true });
    const reasons = await server.client.eventReports.byAvailabilityReason('sale', 'not_for_sale');
    expect(reasons.not_for_sale!.map((o) => o.label)).toEqual(['A-3']);

    // Nobody holds it: not the API, not a buyer, not best available.
    await expect(server.client.events.book('sale', ['A-3'])).rejects.toMatchObject({ status: 400 });
    expect((await server.api('/v1/events/sale/seats/hold', { json: { objectLabels: ['A-3'] }, secretKey: null })).status).toBe(409);
    await expect(server.client.events.book('sale', [{ objectId: 'GA1', quantity: 7 }])).rejects.toMatchObject({ status: 400 });
    const { holdToken } = await server.client.holdTokens.create();
    const best = await server.client.events.holdBestAvailable('sale', new BestAvailableParams().withNumber(8).withCategories(['1']), holdToken);
    expect(best.objects).not.toContain('A-3');
    await server.client.events.release('sale', best.objects, holdToken);

    const back = await server.client.events.editForSaleConfig('sale', [{ object: 'A-3' }], null);
    expect(back.forSaleConfig).toMatchObject({ objects: [], areaPlaces: { GA1: 4 } });
    await server.client.events.markEverythingAsForSale('sale');
    expect((await server.client.events.retrieve('sale')).forSaleConfig).toBeNull();
    expect((await server.client.events.retrieveObjectInfo('sale', 'GA1')).numFree).toBe(10);
  });

  it('refuses to take a booked seat off sale, naming it, and changes nothing', async () => {
    await server.client.events.book('sale', ['B-3']);
    const before = await server.fingerprint();
    await expect(server.client.events.editForSaleConfig('sale', null, [{ object: 'B-3' }, { object: 'B-4' }])).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 'ILLEGAL_STATUS_CHANGE', message: expect.stringContaining('B-3') }],
    });
    expect(await server.fingerprint()).toEqual(before);
    await expect(server.client.events.editForSaleConfig('sale', [], [])).rejects.toMatchObject({ status: 400 });
  });
});

describe('replacing the config, and editing several events at once', () => {
  let n = 0;
  const newEvent = async () => (await server.client.events.create('small', { key: `replace-${++n}` } as never)).key;
  const config = async (key: string) => (await server.client.events.retrieve(key)).forSaleConfig;

  it('marks only what is named not for sale, objects, standing places and categories alike, undoing the config it replaces', async () => {
    const key = await newEvent();
    await server.client.events.replaceForSaleConfig(key, false, ['A-1', 'A-2'], { GA1: 3 });
    expect(await config(key)).toMatchObject({ objects: ['A-1', 'A-2'], areaPlaces: { GA1: 3 } });
    await server.client.events.replaceForSaleConfig(key, false, ['A-3']);
    expect(await config(key)).toMatchObject({ objects: ['A-3'], areaPlaces: {} });
    // By category, by label or key: every place of it, a standing area whole.
    await server.client.events.markAsNotForSale(key, null, null, ['Back']);
    const back = await config(key);
    expect([...back!.objects].sort()).toEqual(['B-1', 'B-10', 'B-2', 'B-3', 'B-4', 'B-5', 'B-6', 'B-7', 'B-8', 'B-9', 'B1'].sort());
    expect(back!.areaPlaces).toEqual({ GA1: 10 });
    expect(await server.client.events.retrieveObjectInfo(key, 'A-3')).toMatchObject({ forSale: true, status: 'free' });
  });

  it('marks only what is named for sale, leaving taken places as they are; everything not for sale, and back', async () => {
    const key = await newEvent();
    await server.client.events.book(key, ['A-5']);
    await server.client.events.replaceForSaleConfig(key, true, ['A-1'], { GA1: 4 });
    expect(await server.client.events.retrieveObjectInfo(key, 'A-1')).toMatchObject({ forSale: true });
    expect(await server.client.events.retrieveObjectInfo(key, 'A-2')).toMatchObject({ forSale: false, availabilityReason: 'not_for_sale' });
    expect(await server.client.events.retrieveObjectInfo(key, 'GA1')).toMatchObject({ numNotForSale: 6, numFree: 4 });
    expect(await server.client.events.retrieveObjectInfo(key, 'A-5')).toMatchObject({ status: 'booked' });

    await server.client.events.markEverythingAsNotForSale(key);
    expect(await server.client.events.retrieveObjectInfo(key, 'A-1')).toMatchObject({ forSale: false });
    expect(await server.client.events.retrieveObjectInfo(key, 'GA1')).toMatchObject({ numNotForSale: 10 });
    expect(await server.client.events.retrieveObjectInfo(key, 'A-5')).toMatchObject({ status: 'booked' });
    await server.client.events.markEverythingAsForSale(key);
    expect(await config(key)).toBeNull();
    expect(await server.client.events.retrieveObjectInfo(key, 'A-5')).toMatchObject({ status: 'booked' });
  });

  it('refuses a name not on the chart, naming it, and changes nothing', async () => {
    const key = await newEvent();
    const before = await server.fingerprint();
    await expect(server.client.events.replaceForSaleConfig(key, false, ['A-1', 'Z-9'], { A1: 2 }, ['Balcony'])).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 'INVALID_REQUEST', message: expect.stringMatching(/Z-9.*A1.*category Balcony/) }],
    });
    await expect(server.client.events.replaceForSaleConfig(key, false, null, { GA1: -1 })).rejects.toMatchObject({ status: 400 });
    expect(await server.fingerprint()).toEqual(before);
  });

  it('edits several events in one change, or none of them', async () => {
    const [first, second] = [await newEvent(), await newEvent()];
    const results = await server.client.events.editForSaleConfigForEvents({
      [first]: { notForSale: [{ object: 'A-1' }] },
      [second]: { notForSale: [{ object: 'A-2' }, { object: 'GA1', quantity: 2 }] },
    } as never);
    expect(results[first]!.forSaleConfig).toMatchObject({ objects: ['A-1'] });
    expect(results[second]!.forSaleConfig).toMatchObject({ objects: ['A-2'], areaPlaces: { GA1: 2 } });

    await server.client.events.book(second, ['A-3']);
    const before = await server.fingerprint();
    await expect(
      server.client.events.editForSaleConfigForEvents({ [first]: { notForSale: [{ object: 'A-4' }] }, [second]: { notForSale: [{ object: 'A-3' }] } } as never),
    ).rejects.toMatchObject({ status: 400, errors: [{ message: expect.stringContaining('A-3') }] });
    expect(await server.fingerprint()).toEqual(before);
  });
});
