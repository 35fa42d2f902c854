import { BestAvailableParams, CreateEventParams, TableBookingConfig, UpdateEventParams } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClientRefusal } from '../../testing/refusals';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';
import { testDatabases } from '../../testing/databases';

describe.each(await testDatabases('the event-chart tests'))('on %s', (database) => {
  /*
   * What an event changes of its chart, through the official client: how its tables are booked
   * (`tableBookingConfig`), categories of its own and other categories for some objects. In the small venue, table T1
   * is booked seat by seat and T2 as a whole.
   */

  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
    await seedSmallVenue(server.app, []);
  });
  afterAll(() => server.stop());

  const create = (key: string, params: CreateEventParams) => server.client.events.create('small', params.withKey(key));
  const status = async (event: string, label: string) => (await server.client.events.retrieveObjectInfo(event, label)).status;

  const refused = (call: () => Promise<unknown>, words: string) => expectClientRefusal(server, call, 400, words);

  describe('table booking', () => {
    it('books every table whole, every table by seat, or each as the event says', async () => {
      const byTable = await create('by-table', new CreateEventParams().withTableBookingConfig(TableBookingConfig.allByTable()));
      expect(byTable.tableBookingConfig).toEqual(TableBookingConfig.allByTable());
      await server.client.events.book('by-table', ['T1', 'T2']);
      expect([await status('by-table', 'T1'), await status('by-table', 'T2')]).toEqual(['booked', 'booked']);
      await refused(() => server.client.events.book('by-table', ['T1-1']), 'T1-1');

      await create('by-seat', new CreateEventParams().withTableBookingConfig(TableBookingConfig.allBySeat()));
      await server.client.events.book('by-seat', ['T1-1', 'T2-2']);
      await refused(() => server.client.events.book('by-seat', ['T2']), 'T2');

      const custom = TableBookingConfig.custom({ T1: 'BY_TABLE', T2: 'BY_SEAT' });
      expect((await create('custom', new CreateEventParams().withTableBookingConfig(custom))).tableBookingConfig).toEqual(custom);
      await server.client.events.book('custom', ['T1', 'T2-1']);
      expect((await server.client.events.retrieve('custom')).tableBookingConfig).toEqual(custom);
    });

    it('changes how a table is booked only while it is free, and a buyer page sees the change', async () => {
      await create('switch', new CreateEventParams());
      await server.client.events.book('switch', ['T2']);
      await refused(
        () => server.client.events.update('switch', new UpdateEventParams().withTableBookingConfig(TableBookingConfig.allBySeat())),
        'T2 is booked',
      );
      await server.client.events.release('switch', ['T2']);
      await server.client.events.update('switch', new UpdateEventParams().withTableBookingConfig(TableBookingConfig.allBySeat()));
      await server.client.events.book('switch', ['T2-1']);
      expect(await status('switch', 'T2-1')).toBe('booked');
      const publicView = (await (await server.api('/v1/events/switch', { secretKey: null })).json()) as { chartConfig: unknown };
      expect(publicView.chartConfig).toEqual({ tableBookingConfig: { mode: 'ALL_BY_SEAT' } });
      // Back to the chart's way: T2-1 is booked, so T2 cannot become one place again.
      await refused(
        () => server.client.events.update('switch', new UpdateEventParams().withTableBookingConfig(TableBookingConfig.inherit())),
        'T2-1 is booked',
      );
    });
  });

  describe('categories', () => {
    it("adds the event's own categories and gives objects other ones, for object info, best available and reports", async () => {
      const vip = { key: 'vip', label: 'VIP', color: '#aa00ff', accessible: false };
      const event = await create('vip', new CreateEventParams().withCategories([vip] as never).withObjectCategories({ 'B-5': 'vip', 'B-6': 'vip' }));
      expect(event.categories!.map((c) => c.key)).toEqual([1, 'back', 'vip']);
      expect(event.objectCategories).toEqual({ 'B-5': 'vip', 'B-6': 'vip' });
      expect(await server.client.events.retrieveObjectInfo('vip', 'B-5')).toMatchObject({ categoryKey: 'vip', categoryLabel: 'VIP' });
      const best = await server.client.events.changeBestAvailableObjectStatus('vip', new BestAvailableParams().withNumber(2).withCategories(['VIP']), 'booked');
      expect(best.objects.sort()).toEqual(['B-5', 'B-6']);
      const report = await server.client.eventReports.byCategoryKey('vip');
      expect(report.vip!.map((o) => o.label).sort()).toEqual(['B-5', 'B-6']);
      await server.client.events.update('vip', new UpdateEventParams().withObjectCategories({ 'B-7': 'vip' }));
      expect((await server.client.events.retrieve('vip')).objectCategories).toEqual({ 'B-7': 'vip' });
    });

    it('refuses a colour that is not one, naming it', async () => {
      await refused(
        () =>
          create('bad-colour', new CreateEventParams().withCategories([{ key: 'x', label: 'X', color: 'red;background:url(https://example.com/)' }] as never)),
        'categories[0].color',
      );
    });
  });
});
