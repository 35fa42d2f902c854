import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookMessage, WebhookSubscription } from '../../contracts/webhooks';
import { seedSmallVenue, startTestServer, type TestServer } from '../testing/test-server';
import { testDatabase, testDatabases } from '../testing/databases';

describe.each(await testDatabases('the webhooks tests'))('on %s', (database) => {
  /* Webhooks against a real receiver on a loopback port, verified with the maintained standardwebhooks package. */

  type Received = { headers: IncomingHttpHeaders; body: string };

  /** A receiver that answers `status()` to each request and keeps what it got. */
  async function receiver(status: () => number = () => 204): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
    const received: Received[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(status()).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((r) => server.close(() => r())) };
  }

  const until = async (check: () => boolean | Promise<boolean>, ms = 3000) => {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > ms) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  let server: TestServer;
  let clock = Date.now();
  afterEach(async () => server?.stop());

  async function subscribe(url: string, events: string[] = ['*']): Promise<WebhookSubscription> {
    const res = await server.api('/v1/webhooks', { json: { url, events, description: 'box office' } });
    expect(res.status).toBe(201);
    return (await res.json()) as WebhookSubscription;
  }

  /** Verifies a received request with the standardwebhooks package and returns the message. */
  function verified(secret: string, r: Received): WebhookMessage {
    return new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as WebhookMessage;
  }

  describe('webhook subscriptions', () => {
    it('are for the venue only, refuse private addresses unless allowed, and show the secret once', async () => {
      server = await startTestServer({ postgres: database === 'postgres' });
      const anonymous = await server.api('/v1/webhooks', { json: { url: 'https://example.com/x', events: ['*'] }, secretKey: null });
      expect([anonymous.status, await anonymous.json()]).toEqual([401, { statusCode: 401, message: 'Webhooks need the workspace secret key' }]);
      const loopback = await server.api('/v1/webhooks', { json: { url: 'http://127.0.0.1:9/x', events: ['seat.booked'] } });
      expect([loopback.status, ((await loopback.json()) as { errors: unknown }).errors]).toEqual([
        400,
        { url: ['127.0.0.1 is a loopback, private or link-local address: webhooks go to public addresses only'] },
      ]);
      const unknown = await server.api('/v1/webhooks', { json: { url: 'https://example.com/x', events: ['seat.sold'], colour: 1 } });
      expect(((await unknown.json()) as { errors: Record<string, string[]> }).errors).toEqual({
        body: ['Unrecognized key: "colour"'],
        'events[0]': [expect.stringContaining('seat.booked')],
      });
      expect((await server.api('/v1/webhooks')).status).toBe(200);
      expect(await (await server.api('/v1/webhooks')).json()).toEqual({ items: [] });
    });
  });

  describe('seat webhooks', () => {
    it('tell of every hold, booking and release, one message per place, signed by Standard Webhooks', async () => {
      server = await startTestServer({ postgres: database === 'postgres', webhookAllowPrivate: true });
      await seedSmallVenue(server.app, ['show']);
      const hooks = await receiver();
      const subscription = await subscribe(hooks.url);
      expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
      expect(await (await server.api(`/v1/webhooks/${subscription.id}`)).json()).not.toHaveProperty('secret');

      const hold = await server.api('/v1/events/show/seats/hold', { json: { objectLabels: ['A-1', 'GA1'], quantities: { GA1: 3 } }, secretKey: null });
      const { holdToken } = (await hold.json()) as { holdToken: string };
      await server.api('/events/show/actions/book', { json: { objects: ['A-1', { objectId: 'GA1', quantity: 3 }], holdToken, orderId: 'web-9' } });
      await server.api('/events/show/actions/release', { json: { objects: ['A-1'] } });
      // Refused changes tell nothing.
      await server.api('/events/show/actions/release', { json: { objects: ['A-1'] } });
      await until(() => hooks.received.length >= 5);
      await new Promise((r) => setTimeout(r, 300));

      const messages = hooks.received.map((r) => verified(subscription.secret!, r));
      expect(messages.map((m) => [m.type, (m.data as { objectLabel: string }).objectLabel])).toEqual([
        ['seat.held', 'A-1'],
        ['seat.held', 'GA1'],
        ['seat.booked', 'A-1'],
        ['seat.booked', 'GA1'],
        ['seat.released', 'A-1'],
      ]);
      expect(messages[3]!.data).toEqual({
        workspaceKey: server.app.defaultWorkspace.key,
        eventKey: 'show',
        chartKey: 'small',
        objectLabel: 'GA1',
        objectType: 'generalAdmission',
        status: 'booked',
        previousStatus: 'reservedByToken',
        quantity: 3,
        holdToken,
        orderId: 'web-9',
        seq: 4,
      });
      expect(messages[4]!.data).toMatchObject({ status: 'free', previousStatus: 'booked', seq: 5 });
      // The headers carry the message id, which is the body's too.
      expect(hooks.received.map((r) => r.headers['webhook-id'])).toEqual(messages.map((m) => m.id));
      // A tampered body fails verification: the test's verifier is not a rubber stamp.
      expect(() =>
        new Webhook(subscription.secret!).verify(hooks.received[0]!.body.replace('A-1', 'A-2'), hooks.received[0]!.headers as Record<string, string>),
      ).toThrow();
      await hooks.close();
    });

    it('retry a failed delivery on the schedule with the same webhook-id, logging every attempt', async () => {
      clock = Date.now();
      server = await startTestServer({ postgres: database === 'postgres', webhookAllowPrivate: true, now: () => clock });
      await seedSmallVenue(server.app, ['show']);
      let failing = true;
      const hooks = await receiver(() => (failing ? 500 : 200));
      const subscription = await subscribe(hooks.url, ['seat.booked']);
      const attempts = async () => (await server.app.booking.webhookDeliveryLog(server.app.defaultWorkspace.id, subscription.id, 1))![0]?.attempts.length ?? 0;
      await server.api('/events/show/actions/book', { json: { objects: ['B-2'] } });
      // The clock moves only once an attempt is recorded: the next one is due on the schedule from then.
      await until(async () => (await attempts()) === 1);
      // Nothing more until the first retry is due, 5 s later.
      await new Promise((r) => setTimeout(r, 400));
      expect(hooks.received).toHaveLength(1);
      clock += 5_000;
      await until(async () => (await attempts()) === 2);
      failing = false;
      clock += 5 * 60_000;
      await until(() => hooks.received.length === 3);
      const ids = new Set(hooks.received.map((r) => r.headers['webhook-id']));
      expect(ids.size).toBe(1);
      await until(async () => {
        const log = (await server.app.booking.webhookDeliveryLog(server.app.defaultWorkspace.id, subscription.id, 10))!;
        return log[0]?.status === 'delivered';
      });
      const { items } = (await (await server.api(`/v1/webhooks/${subscription.id}/deliveries`)).json()) as { items: WebhookDelivery[] };
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ type: 'seat.booked', status: 'delivered', nextAttemptAt: null });
      expect(items[0]!.attempts.map((a) => a.responseStatus)).toEqual([500, 500, 200]);
      await hooks.close();
    });

    it('disable a subscription after five days without a delivery, keep what it had not delivered, and resume when enabled again', async () => {
      clock = Date.now();
      server = await startTestServer({ postgres: database === 'postgres', webhookAllowPrivate: true, now: () => clock });
      await seedSmallVenue(server.app, ['show']);
      let failing = true;
      const hooks = await receiver(() => (failing ? 503 : 204));
      const subscription = await subscribe(hooks.url, ['seat.booked']);
      const read = async () => (await (await server.api(`/v1/webhooks/${subscription.id}`)).json()) as WebhookSubscription;
      // The clock moves only once the attempts are recorded, as in the retry test.
      const recorded = async () =>
        (await server.app.booking.webhookDeliveryLog(server.app.defaultWorkspace.id, subscription.id, 10))!.reduce((n, d) => n + d.attempts.length, 0);
      await server.api('/events/show/actions/book', { json: { objects: ['B-4'] } });
      await until(async () => (await recorded()) === 1);
      // Four days of failures: still enabled.
      clock += 4 * 24 * 3_600_000;
      await server.api('/events/show/actions/book', { json: { objects: ['B-5'] } });
      await until(async () => (await recorded()) === 3);
      expect(hooks.received).toHaveLength(3);
      expect(await read()).toMatchObject({ enabled: true, disabledReason: null });
      // A fifth day: the next failure disables it, saying why.
      clock += 24 * 3_600_000;
      await server.api('/events/show/actions/book', { json: { objects: ['B-6'] } });
      // Disabled once the batch with B-6 (and the retries now due) has its answers: all of them have arrived.
      let disabled = await read();
      for (const start = Date.now(); disabled.enabled && Date.now() - start < 3000; disabled = await read()) await new Promise((r) => setTimeout(r, 20));
      expect(disabled.enabled).toBe(false);
      expect(disabled.disabledReason).toMatch(/^No message was delivered from \d{4}-\d\d-\d\d \d\d:\d\d UTC to .+ UTC \(last error: answered 503\)\.$/);
      const sent = hooks.received.length;
      // Nothing goes out while disabled, retries included.
      clock += 24 * 3_600_000;
      await new Promise((r) => setTimeout(r, 500));
      expect(hooks.received.length).toBe(sent);

      failing = false;
      const enabled = await server.api(`/v1/webhooks/${subscription.id}`, { method: 'PATCH', json: { enabled: true } });
      expect(await enabled.json()).toMatchObject({ enabled: true, disabledReason: null });
      // What it had not delivered arrives, one message per booked seat, each once more.
      await until(() => hooks.received.length - sent >= 3);
      await new Promise((r) => setTimeout(r, 300));
      const delivered = hooks.received.slice(sent).map((r) => (verified(subscription.secret!, r).data as { objectLabel: string }).objectLabel);
      expect(delivered.sort()).toEqual(['B-4', 'B-5', 'B-6']);
      await hooks.close();
    });

    it('count a redirect as a failed attempt and never follow it', async () => {
      server = await startTestServer({ postgres: database === 'postgres', webhookAllowPrivate: true });
      await seedSmallVenue(server.app, ['show']);
      const elsewhere = await receiver();
      const redirecting = createServer((req, res) => (req.resume(), res.writeHead(307, { location: elsewhere.url }).end()));
      await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
      const subscription = await subscribe(`http://127.0.0.1:${(redirecting.address() as { port: number }).port}/hooks`, ['seat.booked']);
      await server.api('/events/show/actions/book', { json: { objects: ['B-7'] } });
      const log = async () => (await server.app.booking.webhookDeliveryLog(server.app.defaultWorkspace.id, subscription.id, 1))![0];
      await until(async () => ((await log())?.attempts.length ?? 0) === 1);
      expect(await log()).toMatchObject({ status: 'pending', attempts: [{ responseStatus: 307, error: 'redirects are not followed' }] });
      await new Promise((r) => setTimeout(r, 200));
      expect(elsewhere.received).toEqual([]);
      await new Promise<void>((r) => redirecting.close(() => r()));
      await elsewhere.close();
    });

    it('survive a restart: what was due while the receiver was down goes out after the server starts again', async () => {
      const kept = await testDatabase(database);
      server = await startTestServer({ databaseUrl: kept.url, webhookAllowPrivate: true });
      await seedSmallVenue(server.app, ['show']);
      const hooks = await receiver();
      const url = hooks.url;
      await hooks.close();
      const subscription = await subscribe(url, ['seat.booked']);
      await server.api('/events/show/actions/book', { json: { objects: ['B-3'], orderId: 'before-restart' } });
      await until(async () => (await server.app.booking.webhookDeliveryLog(server.app.defaultWorkspace.id, subscription.id, 1))![0]!.attempts.length === 1);
      await server.stop();

      // The receiver is back on the same port; the server restarts later, when the retry is due.
      const port = Number(new URL(url).port);
      const received: Received[] = [];
      const back = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(200).end()));
      });
      await new Promise<void>((r) => back.listen(port, '127.0.0.1', r));
      server = await startTestServer({ databaseUrl: kept.url, webhookAllowPrivate: true, now: () => Date.now() + 10_000 });
      await until(() => received.length === 1);
      expect(verified(subscription.secret!, received[0]!).data).toMatchObject({ objectLabel: 'B-3', orderId: 'before-restart' });
      await new Promise<void>((r) => back.close(() => r()));
      await server.stop();
      server = undefined as unknown as TestServer;
      await kept.drop();
    });

    it('tell of each expired hold once per place', async () => {
      clock = Date.now();
      server = await startTestServer({ postgres: database === 'postgres', webhookAllowPrivate: true, now: () => clock, sweepIntervalMs: 50 });
      await seedSmallVenue(server.app, ['show']);
      const hooks = await receiver();
      const subscription = await subscribe(hooks.url, ['seat.hold_expired']);
      await server.api('/v1/events/show/seats/hold', { json: { objectLabels: ['A-5', 'GA1'], quantities: { GA1: 2 } }, secretKey: null });
      clock += 16 * 60_000;
      await until(() => hooks.received.length === 2);
      await new Promise((r) => setTimeout(r, 300));
      const messages = hooks.received.map((r) => verified(subscription.secret!, r));
      expect(
        messages.map((m) => [m.type, (m.data as { objectLabel: string; quantity?: number }).objectLabel, (m.data as { quantity?: number }).quantity]),
      ).toEqual([
        ['seat.hold_expired', 'A-5', undefined],
        ['seat.hold_expired', 'GA1', 2],
      ]);
      await hooks.close();
    });

    it('rotate the secret with a day in which both sign, send a test message, and replay a failed delivery', async () => {
      clock = Date.now();
      server = await startTestServer({ postgres: database === 'postgres', webhookAllowPrivate: true, now: () => clock });
      let status = 204;
      const hooks = await receiver(() => status);
      const subscription = await subscribe(hooks.url);
      const rotated = (await (await server.api(`/v1/webhooks/${subscription.id}/rotate-secret`, { json: {} })).json()) as WebhookSubscription;
      expect(rotated.secret).not.toBe(subscription.secret);

      const test = await server.api(`/v1/webhooks/${subscription.id}/test`, { json: {} });
      const { messageId } = (await test.json()) as { messageId: string };
      expect(test.status).toBe(202);
      await until(() => hooks.received.length === 1);
      // Receivers holding either secret verify it during the overlap.
      expect(verified(rotated.secret!, hooks.received[0]!)).toMatchObject({ id: messageId, type: 'webhook.test' });
      expect(verified(subscription.secret!, hooks.received[0]!).id).toBe(messageId);

      // A day later only the new secret signs.
      clock += 25 * 3_600_000;
      status = 500;
      await server.api(`/v1/webhooks/${subscription.id}/test`, { json: {} });
      await until(() => hooks.received.length === 2);
      expect(() => verified(subscription.secret!, hooks.received[1]!)).toThrow();
      const failed = verified(rotated.secret!, hooks.received[1]!);

      // Replayed at once, not on the schedule, with the same id.
      await until(async () => (await server.app.booking.webhookDeliveryLog(server.app.defaultWorkspace.id, subscription.id, 1))![0]!.attempts.length === 1);
      status = 204;
      const replay = await server.api(`/v1/webhooks/${subscription.id}/deliveries/${failed.id}/replay`, { json: {} });
      expect(replay.status).toBe(202);
      await until(() => hooks.received.length === 3);
      expect(hooks.received[2]!.headers['webhook-id']).toBe(failed.id);
      expect((await server.api(`/v1/webhooks/${subscription.id}/deliveries/msg_none/replay`, { json: {} })).status).toBe(404);
      await hooks.close();
    });

    it('tell of events created and changed', async () => {
      server = await startTestServer({ postgres: database === 'postgres', webhookAllowPrivate: true });
      await seedSmallVenue(server.app, ['before-subscribing']);
      const hooks = await receiver();
      const subscription = await subscribe(hooks.url, ['event.created', 'event.updated']);
      expect((await server.api('/events', { json: { chartKey: 'small', eventKey: 'matinee' } })).status).toBe(200);
      expect((await server.api('/events/matinee', { json: { name: 'Matinee' } })).status).toBe(204);
      await until(() => hooks.received.length === 2);
      expect(hooks.received.map((r) => verified(subscription.secret!, r)).map((m) => [m.type, m.data])).toEqual([
        ['event.created', { workspaceKey: server.app.defaultWorkspace.key, eventKey: 'matinee', chartKey: 'small', name: null, date: null }],
        ['event.updated', { workspaceKey: server.app.defaultWorkspace.key, eventKey: 'matinee', chartKey: 'small', name: 'Matinee', date: null }],
      ]);
      await hooks.close();
    });
  });
});
