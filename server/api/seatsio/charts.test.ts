import { ChartListParams, CreateEventParams, Region, SeatsioClient } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallVenue, startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../testing/test-server';
import { testDatabases } from '../../testing/databases';

describe.each(await testDatabases('the charts tests'))('on %s', (database) => {
  /* Charts through the official client: listed, renamed, archived, tagged and copied; their drawing never changes. */

  let server: TestServer;
  let client: SeatsioClient;
  let workspace: { key: string; secretKey: string };
  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
    // A workspace of its own, so that the lists hold exactly this file's charts.
    const admin = new SeatsioClient(new Region(`${server.baseUrl}/api`), TEST_ADMIN_KEY);
    workspace = await admin.workspaces.create('Chart shop');
    client = new SeatsioClient(new Region(`${server.baseUrl}/api`), workspace.secretKey);
  });
  afterAll(() => server.stop());

  const keys = async (params?: ChartListParams) => {
    const seen: string[] = [];
    for await (const chart of client.charts.listAll(params)) seen.push(chart.key);
    return seen;
  };

  describe('charts', () => {
    it('lists newest first, by name and by tag, with their events when asked; tags, archives and renames', async () => {
      const hall = await client.charts.create('Main hall');
      const studio = await client.charts.create('Studio');
      await client.events.create(hall.key, new CreateEventParams().withKey('hall-night'));
      expect(await keys()).toEqual([studio.key, hall.key]);
      expect(await keys(new ChartListParams().withFilter('hall'))).toEqual([hall.key]);

      await client.charts.addTag(hall.key, 'concerts');
      await client.charts.addTag(studio.key, 'talks & more');
      await client.charts.addTag(studio.key, 'concerts');
      expect(await client.charts.listAllTags()).toEqual(['concerts', 'talks & more']);
      expect(await keys(new ChartListParams().withTag('talks & more'))).toEqual([studio.key]);
      // Wildcards in a tag match only themselves.
      await client.charts.addTag(hall.key, 'vip_50%');
      await client.charts.addTag(studio.key, 'vipX50');
      expect(await keys(new ChartListParams().withTag('vip_50%'))).toEqual([hall.key]);
      await client.charts.removeTag(hall.key, 'vip_50%');
      await client.charts.removeTag(studio.key, 'vipX50');
      await client.charts.removeTag(studio.key, 'concerts');
      expect(await keys(new ChartListParams().withTag('concerts'))).toEqual([hall.key]);

      const [withEvents] = (await client.charts.listFirstPage(new ChartListParams().withFilter('Main').withExpandEvents(true))).items;
      expect(withEvents).toMatchObject({ key: hall.key, status: 'PUBLISHED', tags: ['concerts'], archived: false });
      expect(withEvents!.events.map((e) => e.key)).toEqual(['hall-night']);
      expect((await client.charts.retrieveWithEvents(hall.key)).events.map((e) => e.key)).toEqual(['hall-night']);
      expect((await client.charts.retrieve(studio.key)).status).toBe('NOT_USED');

      await client.charts.moveToArchive(studio.key);
      expect((await client.charts.retrieve(studio.key)).archived).toBe(true);
      await client.charts.moveOutOfArchive(studio.key);
      expect((await client.charts.retrieve(studio.key)).archived).toBe(false);

      // Renamed: at once without events, in a draft while events use it (chart-versions.test.ts has the rest).
      await client.charts.update(studio.key, 'Small studio');
      expect((await client.charts.retrieve(studio.key)).name).toBe('Small studio');
      await client.charts.update(hall.key, 'Great hall');
      expect(await client.charts.retrieve(hall.key)).toMatchObject({ name: 'Main hall', status: 'PUBLISHED_WITH_DRAFT' });
      await expect(client.charts.listFirstPage(new ChartListParams().withExpandZones(true))).rejects.toMatchObject({ status: 400 });
    });

    it('copies a chart with its drawing, here and (admin key) to another workspace', async () => {
      const res = await fetch(`${server.baseUrl}/api/charts`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${workspace.secretKey}:`).toString('base64')}` },
        body: JSON.stringify({ ...smallVenue(), key: 'original' }),
      });
      expect(res.status).toBe(200);
      const copy = await client.charts.copy('original');
      expect(copy.name).toBe('Small venue (copy)');
      await client.events.create(copy.key, new CreateEventParams().withKey('on-copy'));
      expect(Object.keys(await client.events.retrieveObjectInfos('on-copy', ['A-1', 'GA1']))).toEqual(['A-1', 'GA1']);

      // To another workspace: the company admin key only.
      await expect(client.charts.copyToWorkspace('original', server.app.defaultWorkspace.key)).rejects.toMatch(/resulted in 403/);
      const admin = new SeatsioClient(new Region(`${server.baseUrl}/api`), TEST_ADMIN_KEY, workspace.key);
      const elsewhere = await admin.charts.copyToWorkspace('original', server.app.defaultWorkspace.key);
      expect((await server.client.charts.retrieve(elsewhere.key)).name).toBe('Small venue');
      await expect(server.client.charts.retrieve('original')).rejects.toMatchObject({ status: 404 });
      // Or from one named workspace to another, whichever the admin key addresses.
      const across = await new SeatsioClient(new Region(`${server.baseUrl}/api`), TEST_ADMIN_KEY).charts.copyFromWorkspaceTo(
        'original',
        workspace.key,
        server.app.defaultWorkspace.key,
      );
      expect((await server.client.charts.retrieve(across.key)).name).toBe('Small venue');
      await expect(client.charts.copyFromWorkspaceTo('original', workspace.key, server.app.defaultWorkspace.key)).rejects.toMatch(/resulted in 403/);
    });
  });
});
