import { CreateEventParams, Region, SeatsioClient } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ADMIN_KEY, TEST_SECRET_KEY, type TestServer } from '../../testing/test-server';
import { testDatabases } from '../../testing/databases';

describe.each(await testDatabases('the workspaces tests'))('on %s', (database) => {
  /*
   * The company admin key, as seats.io's: it manages workspaces and acts on any of them through X-Workspace-Key;
   * a workspace's own secret key stays confined to its workspace. Driven with the official client (401 and 403 come
   * with an empty body, as seats.io answers them; the client then rejects with its message).
   */

  let server: TestServer;
  let admin: SeatsioClient;
  const clientWith = (key: string, workspaceKey?: string) => new SeatsioClient(new Region(`${server.baseUrl}/api`), key, workspaceKey);

  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
    admin = clientWith(TEST_ADMIN_KEY);
  });
  afterAll(() => server.stop());

  describe('the company admin key', () => {
    it('creates, lists, renames, deactivates and activates workspaces', async () => {
      const box = await admin.workspaces.create('Box office B', true);
      expect(box).toMatchObject({ name: 'Box office B', isTest: true, isActive: true, isDefault: false });
      await admin.workspaces.update(box.key, 'Box office Bee');
      expect((await admin.workspaces.retrieve(box.key)).name).toBe('Box office Bee');

      const keys = async (iterator: AsyncIterable<{ key: string }>) => {
        const seen: string[] = [];
        for await (const w of iterator) seen.push(w.key);
        return seen;
      };
      expect(await keys(admin.workspaces.listAll())).toEqual([box.key, server.app.defaultWorkspace.key]);

      // Deactivated: its key is refused, and it lists as inactive.
      const own = clientWith(box.secretKey);
      await own.holdTokens.create();
      await admin.workspaces.deactivate(box.key);
      await expect(own.holdTokens.create()).rejects.toMatch(/resulted in 403/);
      expect(await keys(admin.workspaces.inactiveWorkspacesIterator().all())).toEqual([box.key]);
      expect(await keys(admin.workspaces.activeWorkspacesIterator().all())).toEqual([server.app.defaultWorkspace.key]);
      await admin.workspaces.activate(box.key);
      await own.holdTokens.create();
      // The default workspace serves the box office and the buyer pages: it stays active.
      await expect(admin.workspaces.deactivate(server.app.defaultWorkspace.key)).rejects.toMatchObject({ status: 400 });
    });

    it("regenerates a workspace's secret key: the old one stops working at once", async () => {
      const workspace = await admin.workspaces.create('Rotating');
      // Used just before: the server remembers which workspace it opens, and must forget it with the rotation.
      await clientWith(workspace.secretKey).holdTokens.create();
      const secretKey = await admin.workspaces.regenerateSecretKey(workspace.key);
      expect(secretKey).not.toBe(workspace.secretKey);
      await expect(clientWith(workspace.secretKey).holdTokens.create()).rejects.toMatch(/resulted in 401/);
      await clientWith(secretKey).holdTokens.create();
    });

    it('acts on the workspace X-Workspace-Key names, and a workspace key only on its own', async () => {
      const venue = await admin.workspaces.create('Other venue');
      const chart = await admin.charts.create('Hall');
      expect(chart.key).toBeTruthy();
      // Through the admin key, in the other venue's workspace: an event of its own, invisible to the default one.
      const inVenue = clientWith(TEST_ADMIN_KEY, venue.key);
      const venueChart = await inVenue.charts.create('Venue hall');
      await inVenue.events.create(venueChart.key, new CreateEventParams().withKey('venue-gala'));
      expect((await clientWith(venue.secretKey).events.retrieve('venue-gala')).key).toBe('venue-gala');
      await expect(server.client.events.retrieve('venue-gala')).rejects.toMatchObject({ status: 404 });
      // A workspace's secret key reaches no other workspace, and manages none.
      await expect(clientWith(TEST_SECRET_KEY, venue.key).events.retrieve('venue-gala')).rejects.toMatch(/resulted in 403/);
      await expect(clientWith(venue.secretKey).workspaces.create('Sneaky')).rejects.toMatch(/resulted in 403/);
      await expect(server.client.workspaces.listFirstPage()).rejects.toMatch(/resulted in 403/);
      await expect(clientWith(TEST_ADMIN_KEY, 'no-such-workspace').holdTokens.create()).rejects.toMatch(/resulted in 403/);
      await expect(clientWith('not-the-admin-key-000').workspaces.listFirstPage()).rejects.toMatch(/resulted in 401/);
    });
  });
});
