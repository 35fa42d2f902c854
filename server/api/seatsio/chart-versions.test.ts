import { CategoryUpdateParams, CreateEventParams } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClientRefusal } from '../../testing/refusals';
import { smallVenue, startTestServer, type TestServer } from '../../testing/test-server';
import { testDatabases } from '../../testing/databases';

describe.each(await testDatabases('the chart-versions tests'))('on %s', (database) => {
  /*
   * A chart's versions and categories through the official client, as seats.io has them: a chart no event uses
   * changes at once; one that events use gathers changes in a draft, which is published (its events are sold on it
   * from then on, buyers' charts included) or discarded.
   */

  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
  });
  afterAll(() => server.stop());

  const front = { key: 1, label: 'Front', color: '#ff0000', accessible: false };
  const back = { key: 'back', label: 'Back', color: '#0000ff', accessible: false };

  async function chartWith(key: string, events: string[] = []) {
    const res = await server.api('/charts', { json: { ...smallVenue(), key } });
    expect(res.status, await res.text()).toBe(200);
    for (const event of events) await server.client.events.create(key, new CreateEventParams().withKey(event));
  }

  const refused = (call: () => Promise<unknown>, status: number, words: string) => expectClientRefusal(server, call, status, words);

  describe('a chart no event uses', () => {
    it('changes its name and categories at once, and lists, adds, changes and removes categories', async () => {
      await chartWith('unused');
      const { charts } = server.client;
      await charts.update('unused', 'Studio', [front, back]);
      expect(await charts.retrievePublishedVersion('unused')).toMatchObject({ name: 'Studio', categories: { list: [front, back] } });
      await charts.addCategory('unused', { key: 3, label: 'Balcony', color: '#00aa00', accessible: true });
      await charts.updateCategory('unused', 'back', new CategoryUpdateParams().withLabel('Rear').withColor('#000080'));
      await charts.removeCategory('unused', '1');
      expect(await charts.listCategories('unused')).toEqual([
        { ...back, label: 'Rear', color: '#000080' },
        { key: 3, label: 'Balcony', color: '#00aa00', accessible: true },
      ]);
      expect((await charts.retrieve('unused')).status).toBe('NOT_USED');
    });

    it('refuses what does not fit, naming it, and changes nothing', async () => {
      await chartWith('strict');
      const { charts } = server.client;
      await refused(() => charts.addCategory('strict', { key: 'back', label: 'Again', color: '#000000' }), 400, 'back');
      await refused(() => charts.removeCategory('strict', 'none'), 404, 'none');
      await refused(() => charts.updateCategory('strict', 'none', new CategoryUpdateParams().withLabel('X')), 404, 'none');
      await refused(() => charts.addCategory('strict', { key: 'x', label: 'X', color: 'red;background:url(https://example.com/)' }), 400, 'color');
      await refused(() => charts.retrieveDraftVersion('strict'), 404, 'no draft');
      await refused(() => charts.publishDraftVersion('strict'), 404, 'no draft');
    });
  });

  describe('a chart that events use', () => {
    it('gathers changes in a draft; its events and buyers see them once it is published', async () => {
      await chartWith('hall', ['gig']);
      const { charts } = server.client;
      const before = (await (await server.api('/v1/events/gig', { secretKey: null })).json()) as { chartUrl: string };
      await charts.update('hall', 'Great hall');
      await charts.updateCategory('hall', '1', new CategoryUpdateParams().withLabel('Stalls').withColor('#aa0000'));
      expect(await charts.retrieve('hall')).toMatchObject({ name: 'Small venue', status: 'PUBLISHED_WITH_DRAFT' });
      expect(await charts.retrieveDraftVersion('hall')).toMatchObject({ name: 'Great hall', categories: { list: [{ key: 1, label: 'Stalls' }, back] } });
      expect((await server.client.events.retrieve('gig')).categories![0]).toMatchObject({ label: 'Front' });

      await charts.publishDraftVersion('hall');
      expect(await charts.retrieve('hall')).toMatchObject({ name: 'Great hall', status: 'PUBLISHED' });
      expect((await server.client.events.retrieve('gig')).categories![0]).toMatchObject({ label: 'Stalls', color: '#aa0000' });
      expect(await server.client.events.retrieveObjectInfo('gig', 'A-1')).toMatchObject({ categoryLabel: 'Stalls' });
      // Buyers get the new version under a new address: what browsers cached of the old one is never used again.
      const after = (await (await server.api('/v1/events/gig', { secretKey: null })).json()) as { chartUrl: string };
      expect(after.chartUrl).not.toBe(before.chartUrl);
      const drawn = (await (await fetch(`${server.baseUrl}${after.chartUrl}`)).json()) as { categories: { label: string }[] };
      expect(drawn.categories[0]!.label).toBe('Stalls');
      expect((await fetch(`${server.baseUrl}${before.chartUrl}`)).status).toBe(404);
    });

    it('discards a draft, and copies one as a chart of its own', async () => {
      await chartWith('theatre', ['play']);
      const { charts } = server.client;
      await charts.update('theatre', 'Renamed theatre');
      const copy = await charts.copyDraftVersion('theatre');
      expect(copy).toMatchObject({ name: 'Renamed theatre (copy)', status: 'NOT_USED' });
      await charts.discardDraftVersion('theatre');
      expect(await charts.retrieve('theatre')).toMatchObject({ name: 'Small venue', status: 'PUBLISHED' });
      await refused(() => charts.retrieveDraftVersion('theatre'), 404, 'no draft');
    });

    it('will not publish a category key an event has a category of its own under, naming the event', async () => {
      await chartWith('club', []);
      await server.client.events.create(
        'club',
        new CreateEventParams().withKey('club-night').withCategories([{ key: 'vip', label: 'VIP', color: '#aa00ff' }] as never),
      );
      await server.client.charts.addCategory('club', { key: 'vip', label: 'Chart VIP', color: '#00ff00' });
      await refused(() => server.client.charts.publishDraftVersion('club'), 400, 'club-night');
    });
  });
});
