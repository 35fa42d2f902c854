import { BestAvailableParams, Channel, CreateEventParams } from 'seatsio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClientRefusal } from '../../testing/refusals';
import { seedSmallVenue, startTestServer, type TestServer } from '../../testing/test-server';

/*
 * Channels through the official client (`client.events.channels.*`, `channelKeys`, `ignoreChannels`), and from an
 * anonymous buyer's side: a place kept for a channel is taken only by a caller naming the channel's key.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ holdRateLimit: { perMinute: 1_000_000, burst: 1_000_000 } });
  await seedSmallVenue(server.app, ['manage', 'rules', 'best', 'buyers', 'refusals']);
});
afterAll(() => server.stop());

const refused = (call: () => Promise<unknown>, status: number, words: string) => expectClientRefusal(server, call, status, words);

describe('managing channels', () => {
  it('adds, updates, moves places in and out, removes and replaces them, and the event shows them', async () => {
    const { channels } = server.client.events;
    await channels.add('manage', 'vip', 'VIP', '#FFFF98', 2, ['A-1', 'A-2']);
    await channels.addMultiple('manage', [
      { key: 'press', name: 'Press', color: '#00FF00', index: 1, objects: ['B-1'] },
      { key: 'crew', name: 'Crew', color: '#0000FF', objects: [] },
    ]);
    const listed = (await server.client.events.retrieve('manage')).channels;
    // By index, then in the order added.
    expect(listed).toEqual([
      new Channel({ key: 'press', name: 'Press', color: '#00FF00', index: 1, objects: ['B-1'] }),
      new Channel({ key: 'vip', name: 'VIP', color: '#FFFF98', index: 2, objects: ['A-1', 'A-2'] }),
      new Channel({ key: 'crew', name: 'Crew', color: '#0000FF', objects: [] }),
    ]);

    await channels.update('manage', 'vip', 'Very important', '#FF0000', ['A-3', 'GA1']);
    await channels.addObjects('manage', 'crew', ['T1-1', 'B1']);
    await channels.removeObjects('manage', 'crew', ['B1']);
    await channels.remove('manage', 'press');
    expect((await server.client.events.retrieve('manage')).channels).toEqual([
      new Channel({ key: 'vip', name: 'Very important', color: '#FF0000', index: 2, objects: ['A-3', 'GA1'] }),
      new Channel({ key: 'crew', name: 'Crew', color: '#0000FF', objects: ['T1-1'] }),
    ]);
    expect((await server.client.events.retrieveObjectInfo('manage', 'A-3')).channel).toBe('vip');
    expect((await server.client.events.retrieveObjectInfo('manage', 'B-1')).channel).toBeUndefined();
    const byChannel = await server.client.eventReports.byChannel('manage');
    expect(byChannel.vip!.map((o) => o.label).sort()).toEqual(['A-3', 'GA1']);
    expect(byChannel.NO_CHANNEL!.map((o) => o.label)).toContain('B-1');

    await channels.replace('manage', [{ key: 'club', name: 'Fan club', color: '#123456', index: 1, objects: ['A-9'] }]);
    expect((await server.client.events.retrieve('manage')).channels).toEqual([
      new Channel({ key: 'club', name: 'Fan club', color: '#123456', index: 1, objects: ['A-9'] }),
    ]);
    await channels.replace('manage', []);
    expect((await server.client.events.retrieve('manage')).channels).toBeNull();
  });

  it('creates an event with its channels', async () => {
    const event = await server.client.events.create(
      'small',
      new CreateEventParams().withKey('with-channels').withChannels([{ key: 'vip', name: 'VIP', color: '#f00', index: 1, objects: ['A-1'] }]),
    );
    expect(event.channels).toEqual([new Channel({ key: 'vip', name: 'VIP', color: '#f00', index: 1, objects: ['A-1'] })]);
  });

  it('refuses what would not hold together, naming it, and changes nothing', async () => {
    const { channels } = server.client.events;
    await channels.add('refusals', 'vip', 'VIP', '#f00', 1, ['A-1']);
    await refused(() => channels.add('refusals', 'vip', 'VIP again', '#f00', 2, []), 400, 'vip');
    await refused(() => channels.add('refusals', 'press', 'Press', '#0f0', 2, ['A-1']), 400, 'A-1 (channel vip)');
    await refused(
      () =>
        channels.addMultiple('refusals', [
          { key: 'a', name: 'A', objects: ['B-1'] },
          { key: 'b', name: 'B', objects: ['B-1'] },
        ]),
      400,
      'B-1 (channel a)',
    );
    await refused(() => channels.addObjects('refusals', 'vip', ['Z-99', 'T1']), 400, 'Z-99, T1');
    await refused(() => channels.addObjects('refusals', 'nope', ['A-2']), 404, 'nope');
    await refused(() => channels.update('refusals', 'nope', 'X', '#000', []), 404, 'nope');
    await refused(() => channels.remove('refusals', 'nope'), 404, 'nope');
    await refused(() => channels.add('refusals', 'ga', 'GA', '#000', 3, [], { GA1: 3 }), 400, 'areaPlaces');
    await refused(() => channels.add('no-such-event', 'vip', 'VIP', '#f00', 1, []), 404, 'no-such-event');
  });
});

describe('holding and booking channel places', () => {
  beforeAll(async () => {
    await server.client.events.channels.add('rules', 'vip', 'VIP', '#f00', 1, ['A-1', 'GA1']);
  });

  it('refuses a place of a channel to a request that does not name it, seat or standing place, and changes nothing', async () => {
    await refused(() => server.client.events.book('rules', ['A-1']), 400, 'A-1');
    await refused(() => server.client.events.book('rules', ['A-1'], null, null, null, null, ['press']), 400, 'A-1');
    await refused(() => server.client.events.book('rules', [{ objectId: 'GA1', quantity: 2 }]), 400, 'GA1');
    // All or nothing: a free place beside it is not booked either.
    await refused(() => server.client.events.book('rules', ['A-2', 'A-1']), 400, 'A-1');
  });

  it('lets a request naming the channel, or ignoring channels, take it; places in no channel stay open to all', async () => {
    const { holdToken } = await server.client.holdTokens.create();
    await server.client.events.hold('rules', ['A-1', 'A-2'], holdToken, null, null, null, ['vip']);
    // Holding passed the channel's door: booking with the token needs no key again.
    await server.client.events.book('rules', ['A-1', 'A-2'], holdToken);
    await server.client.events.book('rules', [{ objectId: 'GA1', quantity: 2 }], null, null, null, true);
    expect((await server.client.events.retrieveObjectInfo('rules', 'A-1')).status).toBe('booked');
    expect((await server.client.events.retrieveObjectInfo('rules', 'GA1')).numBooked).toBe(2);
    // Releasing needs no key.
    await server.client.events.release('rules', ['A-1']);
    expect((await server.client.events.retrieveObjectInfo('rules', 'A-1')).status).toBe('free');
  });

  it('best available passes channel places by unless the request names the channel', async () => {
    // The front row, nearest the focal point, is kept for a channel.
    await server.client.events.channels.add(
      'best',
      'front',
      'Front row',
      '#f00',
      1,
      Array.from({ length: 10 }, (_, i) => `A-${i + 1}`),
    );
    const { holdToken } = await server.client.holdTokens.create();
    const open = await server.client.events.holdBestAvailable('best', new BestAvailableParams().withNumber(2), holdToken);
    expect(open.objects.every((l) => l.startsWith('B-'))).toBe(true);
    const front = await server.client.events.changeBestAvailableObjectStatus(
      'best',
      new BestAvailableParams().withNumber(2).withCategories(['1']),
      'booked',
      null,
      null,
      null,
      null,
      ['front'],
    );
    expect(front.objects.every((l) => l.startsWith('A-'))).toBe(true);
  });
});

describe('an anonymous buyer', () => {
  const anonymous = (path: string, init: RequestInit & { json?: unknown } = {}) => server.api(`/v1${path}`, { ...init, secretKey: null });

  beforeAll(async () => {
    await server.client.events.channels.add('buyers', 'a5f3c9e2-club', 'Fan club', '#f00', 1, ['A-1', 'A-2', 'GA1']);
  });

  it('is told which places are kept for channels, never by which channel', async () => {
    const event = (await (await anonymous('/events/buyers')).json()) as { inChannels: string[] };
    expect(event.inChannels).toEqual(['A-1', 'A-2', 'GA1']);
    expect(JSON.stringify(event)).not.toContain('a5f3c9e2-club');
    expect(JSON.stringify(event)).not.toContain('Fan club');
  });

  it('cannot hold a place kept for a channel without its key, and nothing changes', async () => {
    for (const body of [{ objectLabels: ['A-1'] }, { objectLabels: ['GA1'], quantities: { GA1: 2 } }, { objectLabels: ['A-1'], channelKeys: ['guess'] }]) {
      const before = await server.fingerprint();
      const res = await anonymous('/events/buyers/seats/hold', { method: 'POST', json: body });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { failed: { reason: string }[] }).failed.map((f) => f.reason)).toEqual(['not_in_channel']);
      expect(await server.fingerprint()).toEqual(before);
    }
    // Best available does not hand them out either: the two seats it holds are outside the channel.
    const best = await anonymous('/events/buyers/seats/hold', { method: 'POST', json: { bestAvailable: { number: 2, categories: ['1'] } } });
    const held = ((await best.json()) as { held: { objectLabel: string }[] }).held.map((p) => p.objectLabel);
    expect(held.some((l) => l === 'A-1' || l === 'A-2')).toBe(false);
  });

  it('learns what a key unlocks only with the key, and holds with it', async () => {
    expect((await anonymous('/events/buyers/channels/guess')).status).toBe(404);
    const unlocked = await anonymous('/events/buyers/channels/a5f3c9e2-club');
    expect(await unlocked.json()).toEqual({ key: 'a5f3c9e2-club', objects: ['A-1', 'A-2', 'GA1'] });
    const res = await anonymous('/events/buyers/seats/hold', {
      method: 'POST',
      json: { objectLabels: ['A-1', 'GA1'], quantities: { GA1: 2 }, channelKeys: ['a5f3c9e2-club'] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('cannot send more channel keys than a page could name, or keys that are not text, and nothing changes', async () => {
    for (const channelKeys of [Array.from({ length: 21 }, (_, i) => `key-${i}`), [42], [''], 'a5f3c9e2-club']) {
      const before = await server.fingerprint();
      const res = await anonymous('/events/buyers/seats/hold', { method: 'POST', json: { objectLabels: ['A-1'], channelKeys } });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('channelKeys');
      expect(await server.fingerprint()).toEqual(before);
    }
  });

  it('is charged for every key it tries, so keys cannot be guessed quickly', async () => {
    const limited = await startTestServer({ holdRateLimit: { perMinute: 60, burst: 3 } });
    try {
      await seedSmallVenue(limited.app, ['guarded']);
      const tries = [];
      for (let i = 0; i < 5; i++) tries.push((await limited.api(`/v1/events/guarded/channels/guess-${i}`, { secretKey: null })).status);
      expect(tries).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await limited.stop();
    }
  });
});
