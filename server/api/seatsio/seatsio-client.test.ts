import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Region, SeatsioClient, StatusChangeRequest, StatusChangesParams } from 'seatsio';
import { smallVenue, startTestServer, TEST_ADMIN_KEY, type TestServer } from '../../testing/test-server';
import { testDatabases } from '../../testing/databases';

describe.each(await testDatabases('the seatsio-client tests'))('on %s', (database) => {
  /*
   * The official `seatsio` npm client, pointed at our server by changing only its base URL, drives every
   * flow an integrator uses. These tests are the wire-compatibility contract.
   */

  let server: TestServer;
  let chartKey: string;

  beforeAll(async () => {
    server = await startTestServer({ postgres: database === 'postgres' });
    const res = await server.api('/charts', { json: { ...smallVenue(), key: 'small' } });
    expect(res.status).toBe(200);
    chartKey = 'small';
  });
  afterAll(() => server.stop());

  let eventCounter = 0;
  async function newEvent(): Promise<string> {
    const event = await server.client.events.create(chartKey, { key: `event-${++eventCounter}` } as never);
    return event.key;
  }

  describe('hold tokens', () => {
    it('creates a token that expires in 15 minutes by default, retrieves and extends it', async () => {
      const token = await server.client.holdTokens.create();
      expect(token.holdToken.length).toBeGreaterThanOrEqual(22);
      expect(token.expiresInSeconds).toBeGreaterThan(14 * 60);
      expect(token.expiresInSeconds).toBeLessThanOrEqual(15 * 60);
      expect(token.workspaceKey).toBe(server.app.defaultWorkspace.key);

      const retrieved = await server.client.holdTokens.retrieve(token.holdToken);
      expect(retrieved.expiresAt.getTime()).toBe(token.expiresAt.getTime());

      const extended = await server.client.holdTokens.expiresInMinutes(token.holdToken, 30);
      expect(extended.expiresInSeconds).toBeGreaterThan(29 * 60);
    });

    it('refuses to extend a token beyond two hours', async () => {
      const token = await server.client.holdTokens.create();
      await expect(server.client.holdTokens.expiresInMinutes(token.holdToken, 121)).rejects.toMatchObject({
        status: 400,
        errors: [{ code: 'HOLD_TOKEN_TOO_LONG' }],
      });
    });

    it('answers 404 in the seats.io shape for an unknown token', async () => {
      await expect(server.client.holdTokens.retrieve('no-such-token')).rejects.toMatchObject({ status: 404, errors: [{ code: 'HOLD_TOKEN_NOT_FOUND' }] });
    });
  });

  describe('charts and events', () => {
    it('creates a chart with categories and retrieves it', async () => {
      const chart = await server.client.charts.create('Empty hall', null, [{ key: 1, label: 'Cat 1', color: '#aabbcc', accessible: false }] as never);
      expect(chart.name).toBe('Empty hall');
      const retrieved = await server.client.charts.retrieve(chart.key);
      expect(retrieved.key).toBe(chart.key);
    });

    it('creates, retrieves, updates and deletes an event', async () => {
      const event = await server.client.events.create(chartKey, { key: 'lifecycle', name: 'Opening night' } as never);
      expect(event).toMatchObject({ key: 'lifecycle', chartKey, name: 'Opening night' });
      await server.client.events.update('lifecycle', { name: 'Premiere' } as never);
      expect((await server.client.events.retrieve('lifecycle')).name).toBe('Premiere');
      await server.client.events.delete('lifecycle');
      await expect(server.client.events.retrieve('lifecycle')).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'EVENT_NOT_FOUND', message: 'Event not found: lifecycle' }],
      });
    });

    it('imports a chart file whose places are all on floors (subChartFloors without a subChart)', async () => {
      const floor = (row: string) => ({ name: `Floor ${row}`, subChart: { rows: [{ label: row, seats: [{ label: '1', x: 0, y: 0, categoryKey: 1 }] }] } });
      const file = {
        name: 'Two floors',
        key: 'floors',
        categories: { list: [{ key: 1, label: 'All', color: '#123456' }] },
        subChartFloors: [floor('A'), floor('B')],
      };
      const res = await server.api('/charts', { json: file });
      expect(res.status, await res.clone().text()).toBe(200);
      await server.client.events.create('floors', { key: 'on-floors' } as never);
      expect(Object.keys(await server.client.events.retrieveObjectInfos('on-floors', ['A-1', 'B-1']))).toEqual(['A-1', 'B-1']);
    });

    it("carries the chart's categories, numeric keys as numbers", async () => {
      const event = await server.client.events.create(chartKey, { key: 'categorised' } as never);
      expect(event.categories!.map((c) => [c.key, c.label, c.color, c.accessible])).toEqual([
        [1, 'Front', '#ff0000', false],
        ['back', 'Back', '#0000ff', false],
      ]);
    });

    it("lists a workspace's events newest first, page by page, and no other workspace's", async () => {
      const { secretKey } = (await (await server.api('/workspaces', { json: { name: 'Listing venue' }, secretKey: TEST_ADMIN_KEY })).json()) as {
        secretKey: string;
      };
      const client = new SeatsioClient(new Region(`${server.baseUrl}/api`), secretKey);
      const chart = await client.charts.create('Listing hall');
      for (const key of ['l-1', 'l-2', 'l-3', 'l-4', 'l-5']) await client.events.create(chart.key, { key } as never);
      const first = await client.events.listFirstPage(2);
      expect(first.items.map((e) => e.key)).toEqual(['l-5', 'l-4']);
      const second = await client.events.listPageAfter(first.nextPageStartsAfter!, 2);
      expect(second.items.map((e) => e.key)).toEqual(['l-3', 'l-2']);
      const back = await client.events.listPageBefore(second.previousPageEndsBefore!, 2);
      expect(back.items.map((e) => e.key)).toEqual(['l-5', 'l-4']);
      const all: string[] = [];
      for await (const event of client.events.listAll()) all.push(event.key);
      expect(all).toEqual(['l-5', 'l-4', 'l-3', 'l-2', 'l-1']);
      const auth = { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` };
      for (const query of ['limit=0', 'limit=101', 'sort=name'])
        expect((await fetch(`${server.baseUrl}/api/events?${query}`, { headers: auth })).status, query).toBe(400);
    });

    it('creates several events at once', async () => {
      const events = await server.client.events.createMultiple(chartKey, [{ key: 'multi-1' }, { key: 'multi-2' }] as never);
      expect(events.map((e) => e.key)).toEqual(['multi-1', 'multi-2']);
    });

    it('answers CHART_NOT_FOUND for an event on an unknown chart', async () => {
      await expect(server.client.events.create('nope')).rejects.toMatchObject({
        status: 404,
        errors: [{ code: 'CHART_NOT_FOUND', message: `Chart not found: nope was not found in workspace ${server.app.defaultWorkspace.key}` }],
      });
    });

    it("keeps Tessera's pricing extension on an event, and names a wrong price field", async () => {
      const pricing = { currency: 'EUR', prices: { '1': 40, back: 25 } };
      expect((await server.api('/events', { json: { chartKey, eventKey: 'priced', pricing } })).status).toBe(200);
      expect(await (await server.api('/events/priced')).json()).toMatchObject({ key: 'priced', pricing });
      const wrong = await server.api('/events', { json: { chartKey, eventKey: 'mispriced', pricing: { currency: 'euro', prices: { '1': -5 } } } });
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { messages: string[] }).messages).toEqual([
        expect.stringMatching(/^pricing\.currency: /),
        expect.stringMatching(/^pricing\.prices\.1: /),
      ]);
      await expect(server.client.events.retrieve('mispriced')).rejects.toMatchObject({ status: 404 });
    });
  });

  describe('booking', () => {
    it('holds seats with a token, books them with it, and reports the result', async () => {
      const eventKey = await newEvent();
      const { holdToken } = await server.client.holdTokens.create();
      const held = await server.client.events.hold(eventKey, ['A-1', 'A-2'], holdToken);
      expect(held.objects['A-1']).toMatchObject({ status: 'reservedByToken', holdToken, label: 'A-1' });

      const booked = await server.client.events.book(eventKey, ['A-1', 'A-2'], holdToken, 'order-1');
      expect(booked.objects['A-2']).toMatchObject({ status: 'booked', orderId: 'order-1', isAvailable: false });
      expect(booked.objects['A-2']!.holdToken).toBeUndefined();

      const info = await server.client.events.retrieveObjectInfo(eventKey, 'A-1');
      expect(info).toMatchObject({
        label: 'A-1',
        status: 'booked',
        categoryKey: '1',
        categoryLabel: 'Front',
        objectType: 'seat',
        isAccessible: true,
        rightNeighbour: 'A-2',
        availabilityReason: 'booked',
      });
      expect(info.labels.own).toEqual({ label: '1', type: 'seat' });
      expect(info.labels.parent).toEqual({ label: 'A', type: 'row' });
      expect(info.leftNeighbour).toBeUndefined();
      expect(info.distanceToFocalPoint).toBeCloseTo(Math.hypot(10 - 120, 40));
    });

    it('refuses to book a held seat without its token, naming the seat', async () => {
      const eventKey = await newEvent();
      const { holdToken } = await server.client.holdTokens.create();
      await server.client.events.hold(eventKey, 'A-5', holdToken);
      await expect(server.client.events.book(eventKey, ['A-4', 'A-5'])).rejects.toMatchObject({
        status: 400,
        errors: [{ code: 'HOLD_TOKEN_REQUIRED', message: expect.stringContaining('A-5') }],
      });
      // All or nothing: A-4 was free and stays free.
      expect((await server.client.events.retrieveObjectInfo(eventKey, 'A-4')).status).toBe('free');
    });

    it('releases booked seats and logs every change, newest first', async () => {
      const eventKey = await newEvent();
      await server.client.events.book(eventKey, ['B-1'], null, 'order-9');
      await server.client.events.release(eventKey, ['B-1']);
      expect((await server.client.events.retrieveObjectInfo(eventKey, 'B-1')).status).toBe('free');
      const page = await server.client.events.statusChanges(eventKey).firstPage();
      expect(page.items.map((c) => [c.objectLabel, c.status])).toEqual([
        ['B-1', 'free'],
        ['B-1', 'booked'],
      ]);
      expect(page.items[1]!.orderId).toBe('order-9');
    });

    it('pages through status changes with the client', async () => {
      const eventKey = await newEvent();
      for (const label of ['A-1', 'A-2', 'A-3', 'A-4', 'A-5']) await server.client.events.book(eventKey, [label]);
      const first = await server.client.events.statusChanges(eventKey).firstPage(null, 2);
      expect(first.items.map((c) => c.objectLabel)).toEqual(['A-5', 'A-4']);
      const second = await server.client.events.statusChanges(eventKey).pageAfter(first.nextPageStartsAfter!, null, 2);
      expect(second.items.map((c) => c.objectLabel)).toEqual(['A-3', 'A-2']);
      const back = await server.client.events.statusChanges(eventKey).pageBefore(second.previousPageEndsBefore!, null, 2);
      expect(back.items.map((c) => c.objectLabel)).toEqual(['A-5', 'A-4']);
      const all: string[] = [];
      for await (const change of server.client.events.statusChanges(eventKey).all()) all.push(change.objectLabel);
      expect(all).toEqual(['A-5', 'A-4', 'A-3', 'A-2', 'A-1']);
    });

    it('sorts status changes by label, status or date, ties newest first, and pages in that order', async () => {
      const eventKey = await newEvent();
      await server.client.events.book(eventKey, ['B-2', 'A-9']);
      await server.client.events.hold(eventKey, ['A-10'], (await server.client.holdTokens.create()).holdToken);
      await server.client.events.release(eventKey, ['B-2']);
      const changes = server.client.events.statusChanges(eventKey);
      const labels = async (params: StatusChangesParams) => {
        const seen: string[] = [];
        for await (const change of changes.all(params)) seen.push(`${change.objectLabel} ${change.status}`);
        return seen;
      };
      expect(await labels(new StatusChangesParams().sortByObjectLabel().sortAscending())).toEqual([
        'A-10 reservedByToken',
        'A-9 booked',
        'B-2 free',
        'B-2 booked',
      ]);
      expect(await labels(new StatusChangesParams().sortByStatus().sortDescending())).toEqual(['A-10 reservedByToken', 'B-2 free', 'A-9 booked', 'B-2 booked']);
      expect(await labels(new StatusChangesParams().sortByDate().sortAscending())).toEqual(['B-2 booked', 'A-9 booked', 'A-10 reservedByToken', 'B-2 free']);
      expect(await labels(new StatusChangesParams('A-1', 'BEGINS_WITH'))).toEqual(['A-10 reservedByToken']);
      // Pages follow the sort: two by two, forwards and back.
      const byLabel = new StatusChangesParams().sortByObjectLabel().sortAscending();
      const first = await changes.firstPage(byLabel, 2);
      const second = await changes.pageAfter(first.nextPageStartsAfter!, byLabel, 2);
      expect([...first.items, ...second.items].map((c) => c.objectLabel)).toEqual(['A-10', 'A-9', 'B-2', 'B-2']);
      const back = await changes.pageBefore(second.previousPageEndsBefore!, byLabel, 2);
      expect(back.items.map((c) => c.objectLabel)).toEqual(['A-10', 'A-9']);
      // One object's history.
      const b2: string[] = [];
      for await (const change of server.client.events.statusChangesForObject(eventKey, 'B-2').all()) b2.push(change.status);
      expect(b2).toEqual(['free', 'booked']);
      expect((await server.api(`/events/${eventKey}/status-changes?sort=price:asc`)).status).toBe(400);
    });

    it('changes objects to a custom status, honouring allowed and rejected previous statuses', async () => {
      const eventKey = await newEvent();
      await server.client.events.changeObjectStatus(eventKey, ['B-2'], 'blocked');
      expect((await server.client.events.retrieveObjectInfo(eventKey, 'B-2')).status).toBe('blocked');
      await expect(server.client.events.changeObjectStatus(eventKey, ['B-3'], 'vip', null, null, null, null, null, null, ['free'])).rejects.toMatchObject({
        errors: [{ code: 'ILLEGAL_STATUS_CHANGE' }],
      });
      await server.client.events.changeObjectStatus(eventKey, ['B-2'], 'booked', null, null, null, null, null, ['blocked']);
      expect((await server.client.events.retrieveObjectInfo(eventKey, 'B-2')).status).toBe('booked');
    });

    it('changes objects in several events at once', async () => {
      const [first, second] = [await newEvent(), await newEvent()];
      await server.client.events.book([first, second], ['A-7']);
      expect((await server.client.events.retrieveObjectInfo(first, 'A-7')).status).toBe('booked');
      expect((await server.client.events.retrieveObjectInfo(second, 'A-7')).status).toBe('booked');
    });

    it('applies an ordered batch of different changes in one transaction', async () => {
      const eventKey = await newEvent();
      const results: { objects: Record<string, { status: string }> }[] = await server.client.events.changeObjectStatusInBatch([
        new StatusChangeRequest().withEventKey(eventKey).withObjects(['A-3']).withStatus('booked'),
        new StatusChangeRequest().withEventKey(eventKey).withObjects(['A-3']).withType(StatusChangeRequest.TYPE_RELEASE),
        new StatusChangeRequest().withEventKey(eventKey).withObjects(['A-4']).withStatus('blocked'),
      ]);
      expect(results.map((r) => Object.values(r.objects)[0]!.status)).toEqual(['booked', 'free', 'blocked']);
    });

    it('books and releases places in a general-admission area by quantity', async () => {
      const eventKey = await newEvent();
      const { holdToken } = await server.client.holdTokens.create();
      await server.client.events.hold(eventKey, [{ objectId: 'GA1', quantity: 3 }], holdToken);
      await server.client.events.book(eventKey, [{ objectId: 'GA1', quantity: 2 }], holdToken);
      const info = await server.client.events.retrieveObjectInfo(eventKey, 'GA1');
      expect(info).toMatchObject({ capacity: 10, numBooked: 2, numHeld: 1, numFree: 7 });
      await expect(server.client.events.book(eventKey, [{ objectId: 'GA1', quantity: 8 }])).rejects.toMatchObject({
        errors: [{ code: 'INSUFFICIENT_CAPACITY' }],
      });
    });

    it('books a table sold as a whole, but not its seats', async () => {
      const eventKey = await newEvent();
      await server.client.events.book(eventKey, ['T2']);
      expect((await server.client.events.retrieveObjectInfo(eventKey, 'T2')).status).toBe('booked');
      await expect(server.client.events.book(eventKey, ['T2-1'])).rejects.toMatchObject({ errors: [{ code: 'ILLEGAL_STATUS_CHANGE' }] });
      await server.client.events.book(eventKey, ['T1-1']);
    });

    it('holds the best available adjacent seats nearest the stage', async () => {
      const eventKey = await newEvent();
      const { holdToken } = await server.client.holdTokens.create();
      const best = await server.client.events.holdBestAvailable(eventKey, { number: 2, categories: ['back'] } as never, holdToken);
      expect(best.nextToEachOther).toBe(true);
      expect(best.objects).toHaveLength(2);
      expect(best.objects.every((l) => l.startsWith('B-'))).toBe(true);
      expect((best.objectDetails as Record<string, { status: string }>)[best.objects[0]!]!.status).toBe('reservedByToken');
    });

    it('updates extra data of one object and of several', async () => {
      const eventKey = await newEvent();
      await server.client.events.updateExtraData(eventKey, 'A-1', { name: 'Ada' });
      await server.client.events.updateExtraDatas(eventKey, { 'A-2': { name: 'Grace' } });
      expect((await server.client.events.retrieveObjectInfo(eventKey, 'A-1')).extraData).toEqual({ name: 'Ada' });
      expect((await server.client.events.retrieveObjectInfo(eventKey, 'A-2')).extraData).toEqual({ name: 'Grace' });
    });
  });

  describe('summary reports', () => {
    it('count places per group and split them by every other grouping, as seats.io does', async () => {
      const eventKey = await newEvent();
      await server.client.events.book(eventKey, ['A-1']);
      await server.client.events.hold(eventKey, [{ objectId: 'GA1', quantity: 3 }], (await server.client.holdTokens.create()).holdToken);
      const byStatus = await server.client.eventReports.summaryByStatus(eventKey);
      expect(byStatus.booked).toEqual({
        count: 1,
        bySection: { NO_SECTION: 1 },
        byObjectType: { seat: 1 },
        byCategoryKey: { 1: 1 },
        byCategoryLabel: { Front: 1 },
        bySelectability: { not_selectable: 1 },
        byAvailability: { not_available: 1 },
        byAvailabilityReason: { booked: 1 },
        byChannel: { NO_CHANNEL: 1 },
      });
      // 22 seats, a table sold whole, a booth and 10 standing places: 34 places, 4 of them taken.
      expect(byStatus.free!.count).toBe(30);
      expect(byStatus.free!.byObjectType).toEqual({ seat: 21, table: 1, booth: 1, generalAdmission: 7 });
      expect(byStatus.reservedByToken!.byObjectType).toEqual({ generalAdmission: 3 });

      const byType = await server.client.eventReports.summaryByObjectType(eventKey);
      expect(Object.keys(byType).sort()).toEqual(['booth', 'generalAdmission', 'seat', 'table']);
      expect(byType.generalAdmission).toMatchObject({ count: 10, byStatus: { free: 7, reservedByToken: 3 } });
      const byCategory = await server.client.eventReports.summaryByCategoryKey(eventKey);
      expect([byCategory['1']!.count, byCategory.back!.count, byCategory.NO_CATEGORY!.count]).toEqual([13, 21, 0]);
      const reasons = await server.client.eventReports.summaryByAvailabilityReason(eventKey);
      expect(Object.fromEntries(Object.entries(reasons).map(([reason, s]) => [reason, (s as { count: number }).count]))).toEqual({
        available: 30,
        booked: 1,
        disabled_by_social_distancing: 0,
        not_for_sale: 0,
        reservedByToken: 3,
      });
    });

    it('split each split again in the deep summaries, as seats.io does', async () => {
      const eventKey = await newEvent();
      await server.client.events.book(eventKey, ['A-1']);
      await server.client.events.hold(eventKey, [{ objectId: 'GA1', quantity: 3 }], (await server.client.holdTokens.create()).holdToken);
      const byStatus = await server.client.eventReports.deepSummaryByStatus(eventKey);
      expect(byStatus.booked.count).toBe(1);
      expect(byStatus.booked.bySection.NO_SECTION).toMatchObject({ count: 1, bySelectability: { not_selectable: 1 }, byCategoryLabel: { Front: 1 } });
      // The grouping and the split are not split again.
      expect(byStatus.booked.bySection.NO_SECTION).not.toHaveProperty('byStatus');
      expect(byStatus.booked.bySection.NO_SECTION).not.toHaveProperty('bySection');
      expect(byStatus.reservedByToken.byObjectType.generalAdmission).toMatchObject({ count: 3, byAvailability: { not_available: 3 } });

      const bySection = await server.client.eventReports.deepSummaryBySection(eventKey);
      expect(bySection.NO_SECTION.count).toBe(34);
      expect(bySection.NO_SECTION.byCategoryKey['1']).toMatchObject({ count: 13, bySelectability: { not_selectable: 1, selectable: 12 } });
      const byAvailability = await server.client.eventReports.deepSummaryByAvailability(eventKey);
      expect(byAvailability.not_available.byCategoryLabel.Front).toMatchObject({ count: 1, bySection: { NO_SECTION: 1 } });
      const byCategory = await server.client.eventReports.deepSummaryByCategoryKey(eventKey);
      // Every category is listed, as in the summary; each split adds up to its group.
      expect(byCategory.NO_CATEGORY.count).toBe(0);
      for (const group of Object.values(byCategory) as { count: number; byStatus: Record<string, { count: number }> }[])
        expect(Object.values(group.byStatus).reduce((n, s) => n + s.count, 0)).toBe(group.count);
      // A label's summary is not a report Tessera (or seats.io) offers: a clean 404, not the objects in a status "summary".
      await expect(server.api(`/reports/events/${eventKey}/byLabel/summary`).then((r) => r.status)).resolves.toBe(404);
    });
  });

  describe('object info', () => {
    it('carries every accessibility flag as a boolean, and no displayed object type the chart does not set', async () => {
      const eventKey = await newEvent();
      const info = (await server.api(`/events/${eventKey}/objects?label=A-1&label=A-2`).then((r) => r.json())) as Record<string, Record<string, unknown>>;
      for (const label of ['A-1', 'A-2']) {
        expect(info[label]).not.toHaveProperty('displayedObjectType');
        for (const flag of ['isAccessible', 'isCompanionSeat', 'hasRestrictedView']) expect(typeof info[label]![flag], `${label} ${flag}`).toBe('boolean');
      }
      expect([info['A-1']!.isAccessible, info['A-2']!.isAccessible]).toEqual([true, false]);
    });
  });

  describe('event reports', () => {
    it('groups objects by status, category, label and order id', async () => {
      const eventKey = await newEvent();
      await server.client.events.book(eventKey, ['A-1', 'B-1'], null, 'order-42');
      const byStatus = await server.client.eventReports.byStatus(eventKey);
      expect(byStatus.booked!.map((o) => o.label).sort()).toEqual(['A-1', 'B-1']);
      expect(byStatus.free!.length).toBeGreaterThan(10);
      const booked = await server.client.eventReports.byStatus(eventKey, 'booked');
      expect(booked.booked).toHaveLength(2);
      const byCategory = await server.client.eventReports.byCategoryKey(eventKey);
      expect(byCategory['1']!.some((o) => o.label === 'A-1')).toBe(true);
      const byLabel = await server.client.eventReports.byLabel(eventKey, 'B-1');
      expect(byLabel['B-1']![0]!.status).toBe('booked');
      const byOrder = await server.client.eventReports.byOrderId(eventKey, 'order-42');
      expect(byOrder['order-42']).toHaveLength(2);
    });

    it('groups by category label, section, object type, availability and its reason; channels and zones hold none', async () => {
      const eventKey = await newEvent();
      await server.client.events.book(eventKey, ['A-2']);
      await server.client.events.hold(eventKey, ['B-2'], (await server.client.holdTokens.create()).holdToken);
      const labels = (groups: Record<string, { label: string }[]>) =>
        Object.fromEntries(Object.entries(groups).map(([group, objects]) => [group, objects.length]));
      // 20 seats in rows, T1's 2 chairs, T2 booked whole, a booth and a standing area.
      expect(labels(await server.client.eventReports.byCategoryLabel(eventKey))).toEqual({ Front: 13, Back: 12 });
      expect(labels(await server.client.eventReports.byObjectType(eventKey))).toEqual({ seat: 22, table: 1, booth: 1, generalAdmission: 1 });
      expect(labels(await server.client.eventReports.bySection(eventKey))).toEqual({ NO_SECTION: 25 });
      expect(labels(await server.client.eventReports.byAvailability(eventKey))).toEqual({ available: 23, not_available: 2 });
      const reasons = await server.client.eventReports.byAvailabilityReason(eventKey);
      expect([reasons.booked!.map((o) => o.label), reasons.reservedByToken!.map((o) => o.label)]).toEqual([['A-2'], ['B-2']]);
      expect(labels(await server.client.eventReports.byChannel(eventKey))).toEqual({ NO_CHANNEL: 25 });
      expect(labels(await server.client.eventReports.byZone(eventKey))).toEqual({ NO_ZONE: 25 });
      expect(labels(await server.client.eventReports.byObjectType(eventKey, 'booth'))).toEqual({ booth: 1 });
    });
  });
});
