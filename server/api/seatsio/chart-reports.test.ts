import { CategoryUpdateParams, CreateEventParams, Versions } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClientRefusal } from '../../testing/refusals';
import { smallVenue, startTestServer, type TestServer } from '../../testing/test-server';
import { testDatabases } from '../../testing/databases';

describe.each(await testDatabases('the chart-reports tests'))('on %s', (database) => {
  /*
   * Chart reports through the official client: a chart version's objects by label, type, category, section and zone,
   * and summaries of its places. The small venue: rows A (category 1, A-1 accessible) and B (back), table T1 sold by
   * seat and T2 sold whole (both category 1, two seats each), booth B1 and standing area GA1 of 10 (back).
   */

  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
    const res = await server.api('/charts', { json: { ...smallVenue(), key: 'small' } });
    expect(res.status, await res.text()).toBe(200);
  });
  afterAll(() => server.stop());

  const labels = (report: Record<string, unknown[]>) => Object.keys(report).sort();

  describe('chart reports', () => {
    it('give each object as the chart has it, tables and their seats as asked', async () => {
      const { chartReports } = server.client;
      const byLabel = await chartReports.byLabel('small');
      expect(byLabel['A-1']![0]).toMatchObject({
        label: 'A-1',
        objectType: 'seat',
        categoryKey: '1',
        categoryLabel: 'Front',
        rightNeighbour: 'A-2',
        isAccessible: true,
      });
      expect(byLabel['GA1']![0]).toMatchObject({ objectType: 'generalAdmission', capacity: 10 });
      expect(byLabel['T2']![0]).toMatchObject({ objectType: 'table', numSeats: 2, bookAsAWhole: true });
      const tables = (report: Record<string, unknown[]>) => labels(report).filter((l) => l.startsWith('T'));
      expect(tables(byLabel)).toEqual(['T1', 'T1-1', 'T1-2', 'T2', 'T2-1', 'T2-2']);
      expect(tables(await chartReports.byLabel('small', 'chart'))).toEqual(['T1-1', 'T1-2', 'T2']);
      expect(tables(await chartReports.byLabel('small', 'true'))).toEqual(['T1', 'T2']);
      expect(tables(await chartReports.byLabel('small', 'false'))).toEqual(['T1-1', 'T1-2', 'T2-1', 'T2-2']);
      const byType = await chartReports.byObjectType('small', 'chart');
      expect(Object.fromEntries(Object.entries(byType).map(([type, objects]) => [type, objects.length]))).toEqual({
        seat: 22,
        table: 1,
        booth: 1,
        generalAdmission: 1,
      });
      expect(labels(await chartReports.byZone('small'))).toEqual(['NO_ZONE']);
    });

    it('summarise places per group, split by every other grouping, empty groups listed', async () => {
      const summary = await server.client.chartReports.summaryByCategoryKey('small', 'chart');
      expect(summary).toEqual({
        '1': { count: 13, bySection: { NO_SECTION: 13 }, byObjectType: { seat: 12, table: 1 }, byCategoryLabel: { Front: 13 }, byZone: { NO_ZONE: 13 } },
        back: {
          count: 21,
          bySection: { NO_SECTION: 21 },
          byObjectType: { seat: 10, booth: 1, generalAdmission: 10 },
          byCategoryLabel: { Back: 21 },
          byZone: { NO_ZONE: 21 },
        },
        NO_CATEGORY: { count: 0, bySection: {}, byObjectType: {}, byCategoryLabel: {}, byZone: {} },
      });
      expect((await server.client.chartReports.summaryByObjectType('small', 'true')).table).toMatchObject({ count: 2 });
    });

    it('report a draft version apart from the published one', async () => {
      await server.client.events.create('small', new CreateEventParams().withKey('on-small'));
      await server.client.charts.updateCategory('small', '1', new CategoryUpdateParams().withLabel('Stalls'));
      expect(labels(await server.client.chartReports.byCategoryLabel('small'))).toEqual(['Back', 'Front']);
      expect(labels(await server.client.chartReports.byCategoryLabel('small', undefined, Versions.draftVersion))).toEqual(['Back', 'Stalls']);
    });

    it('refuse what they cannot give, naming it', async () => {
      await expectClientRefusal(server, () => server.client.chartReports.byLabel('small', 'sometimes'), 400, 'bookWholeTables');
      await expectClientRefusal(server, () => server.client.chartReports.byLabel('nope'), 404, 'nope');
    });
  });
});
