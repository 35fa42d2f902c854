import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { expect, test } from './support/fixtures';
import { authHeader } from './support/server-env';
import { ServerProcess } from './support/server-process';

/*
 * Webhooks outlive a crash: bookings committed while the receiver fails, then SIGKILL before their messages are
 * delivered. After a restart every message arrives, exactly as committed, verified with standardwebhooks.
 */

test('a server killed with webhook messages still to deliver sends every one after it restarts', async () => {
  test.setTimeout(90_000);
  let answer = 500;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const server = new ServerProcess(3103);
  try {
    await server.start();
    const api = (path: string, data: unknown) =>
      fetch(`${server.baseUrl}/api${path}`, { method: 'POST', headers: { ...authHeader, 'content-type': 'application/json' }, body: JSON.stringify(data) });
    expect((await api('/events', { chartKey: 'demo-hall', eventKey: 'hooks' })).status).toBe(200);
    const created = await api('/v1/webhooks', { url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`, events: ['seat.booked'] });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };

    const labels = Array.from({ length: 10 }, (_, i) => `Section B-C-${i + 1}`);
    for (const [i, label] of labels.entries()) expect((await api('/events/hooks/actions/book', { objects: [label], orderId: `o-${i}` })).status).toBe(200);
    // Each message has been tried once and refused; the retries are due in 5 s. Then the crash.
    await expect.poll(() => new Set(received.map((r) => r.headers['webhook-id'])).size, { timeout: 10_000 }).toBe(10);
    await server.kill();

    answer = 204;
    const before = received.length;
    await server.start();
    await expect.poll(() => received.length - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    const delivered = received
      .slice(before)
      .map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { id: string; data: { objectLabel: string; orderId: string } });
    expect(delivered.map((m) => m.data.objectLabel).sort()).toEqual([...labels].sort());
    // The same message ids as before the crash: receivers can drop what they had already seen.
    expect(new Set(delivered.map((m) => m.id))).toEqual(new Set(received.slice(0, before).map((r) => r.headers['webhook-id'])));
  } finally {
    await server.dispose();
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
