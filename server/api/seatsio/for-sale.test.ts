import { BestAvailableParams } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/* seats.io's for-sale config through the official client: places off sale are nobody's to hold or book. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  seedSmallVenue(server.app, ['sale']);
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
    const before = server.fingerprint();
    await expect(server.client.events.editForSaleConfig('sale', null, [{ object: 'B-3' }, { object: 'B-4' }])).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 'ILLEGAL_STATUS_CHANGE', message: expect.stringContaining('B-3') }],
    });
    expect(server.fingerprint()).toEqual(before);
    await expect(server.client.events.editForSaleConfig('sale', [], [])).rejects.toMatchObject({ status: 400 });
  });
});
