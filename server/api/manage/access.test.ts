import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy, type TrustProxy } from '../client-address';
import { seedSmallVenue, startTestServer, TEST_ADMIN_PASSWORD, TEST_SECRET_KEY, type TestServer } from '../../testing/test-server';

/* Who may use the organiser API: only a signed-in organiser, with the session's CSRF token for any change. */

let server: TestServer;
afterEach(() => server.stop());

const post = (path: string, json: unknown, headers: Record<string, string> = {}) => server.api(`/manage${path}`, { json, secretKey: null, headers });

async function login(headers: Record<string, string> = {}) {
  const { response, session, csrfToken } = await server.loginOrganiser(headers);
  return { cookie: response.headers.get('set-cookie')!, session, csrfToken };
}

describe('the organiser API', () => {
  it('opens a session for the right password only, in an httpOnly, SameSite=Lax cookie', async () => {
    server = await startTestServer();
    const wrong = await post('/login', { password: 'not-it' });
    expect([wrong.status, await wrong.json(), wrong.headers.get('set-cookie')]).toEqual([401, { statusCode: 401, message: 'Wrong password' }, null]);
    const { cookie, csrfToken } = await login();
    expect(cookie).toMatch(/^tessera_manage=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect(csrfToken).toMatch(/^[\w-]{32}$/);
  });

  it("manages the workspace's webhooks only with a session and its CSRF token, and from no other site", async () => {
    server = await startTestServer({ webhookAllowPrivate: true });
    const hook = { url: 'http://127.0.0.1:9/hooks', events: ['seat.booked'] };
    const before = server.witness.prepare('select count(*) as n from webhook_subscriptions').get();
    expect((await post('/webhooks', hook)).status).toBe(401);
    expect((await server.api('/manage/webhooks', { secretKey: null })).status).toBe(401);
    // The secret key is the buyer API's credential, not the organisers'.
    expect((await server.api('/manage/webhooks', { json: hook, secretKey: TEST_SECRET_KEY })).status).toBe(401);
    const { session, csrfToken } = await login();
    expect((await post('/webhooks', hook, { cookie: session })).status).toBe(403);
    expect((await post('/webhooks', hook, { cookie: session, 'x-csrf-token': csrfToken, origin: 'https://evil.example' })).status).toBe(403);
    expect(server.witness.prepare('select count(*) as n from webhook_subscriptions').get()).toEqual(before);

    const created = await post('/webhooks', hook, { cookie: session, 'x-csrf-token': csrfToken });
    expect(created.status).toBe(201);
    const { id, secret } = (await created.json()) as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);
    // The same subscriptions as the buyer API's, for the same workspace.
    expect(((await (await server.api('/v1/webhooks')).json()) as { items: { id: string }[] }).items.map((w) => w.id)).toEqual([id]);
    const listed = await server.api('/manage/webhooks', { secretKey: null, headers: { cookie: session } });
    expect(((await listed.json()) as { items: { id: string; secret?: string }[] }).items).toEqual([expect.objectContaining({ id, disabledReason: null })]);
    const removed = await server.api(`/manage/webhooks/${id}`, { method: 'DELETE', secretKey: null, headers: { cookie: session, 'x-csrf-token': csrfToken } });
    expect(removed.status).toBe(204);
  });

  it('marks the cookie Secure when a trusted proxy says the browser came over https', async () => {
    server = await startTestServer({ trustProxy: parseTrustProxy('127.0.0.1') as TrustProxy });
    expect((await login({ 'x-forwarded-proto': 'https' })).cookie).toMatch(/; Secure$/);
  });

  it('refuses every change without a session, or without its CSRF token, and works with both', async () => {
    server = await startTestServer();
    const reveal = (headers: Record<string, string>) => post('/workspace/reveal-secret-key', {}, headers);
    expect([(await reveal({})).status, (await reveal({ 'x-csrf-token': 'guess' })).status]).toEqual([401, 401]);
    const { session, csrfToken } = await login();
    const noToken = await reveal({ cookie: session });
    expect([noToken.status, await noToken.json()]).toEqual([403, { statusCode: 403, message: 'The request carries no valid CSRF token' }]);
    expect((await reveal({ cookie: session, 'x-csrf-token': 'x'.repeat(32) })).status).toBe(403);
    const revealed = await reveal({ cookie: session, 'x-csrf-token': csrfToken });
    expect([revealed.status, await revealed.json()]).toEqual([200, { secretKey: TEST_SECRET_KEY }]);
  });

  it("refuses another website's page, even with the organiser's cookie", async () => {
    server = await startTestServer();
    const { session, csrfToken } = await login();
    const res = await post('/workspace/reveal-secret-key', {}, { cookie: session, 'x-csrf-token': csrfToken, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await post('/login', { password: TEST_ADMIN_PASSWORD }, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('ends the session on logout', async () => {
    server = await startTestServer();
    const { session, csrfToken } = await login();
    const out = await post('/logout', {}, { cookie: session, 'x-csrf-token': csrfToken });
    expect([out.status, out.headers.get('set-cookie')]).toEqual([204, 'tessera_manage=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0']);
    expect((await post('/workspace/reveal-secret-key', {}, { cookie: session, 'x-csrf-token': csrfToken })).status).toBe(401);
  });

  it('limits login attempts per client, the right password included once the limit is reached', async () => {
    server = await startTestServer();
    for (let i = 0; i < 10; i++) expect((await post('/login', { password: `guess-${i}` })).status).toBe(401);
    const limited = await post('/login', { password: TEST_ADMIN_PASSWORD });
    expect([limited.status, Number(limited.headers.get('retry-after')) >= 1]).toEqual([429, true]);
  });

  it('replaces the password when ADMIN_PASSWORD changes, which ends every session', async () => {
    server = await startTestServer();
    const { session, csrfToken } = await login();
    expect(await server.app.booking.ensureOrganiserPassword('a-new-password')).toEqual({});
    expect((await post('/workspace/reveal-secret-key', {}, { cookie: session, 'x-csrf-token': csrfToken })).status).toBe(401);
    expect((await post('/login', { password: TEST_ADMIN_PASSWORD })).status).toBe(401);
    expect((await post('/login', { password: 'a-new-password' })).status).toBe(200);
  });

  it('rotates the secret key: the old one stops working, order confirmation links keep working', async () => {
    server = await startTestServer({ secretKey: undefined });
    const oldKey = (await server.app.booking.workspaceById(server.app.defaultWorkspace.id))!.secretKey;
    await seedSmallVenue(server.app, ['show']);
    expect((await server.api('/events/show', { json: { salesSettings: { checkoutMode: 'reservation' } }, secretKey: oldKey })).status).toBe(204);
    const { holdToken } = (await (await server.api('/v1/events/show/seats/hold', { json: { objectLabels: ['A-1'] }, secretKey: null })).json()) as {
      holdToken: string;
    };
    const booked = await server.api('/v1/events/show/seats/book', { json: { objectLabels: ['A-1'], holdToken }, secretKey: null });
    const { confirmationUrl, orderId } = (await booked.json()) as { confirmationUrl: string; orderId: string };
    const access = new URL(confirmationUrl, server.baseUrl).searchParams.get('access')!;

    const { session, csrfToken } = await login();
    const rotated = await post('/workspace/rotate-secret-key', {}, { cookie: session, 'x-csrf-token': csrfToken });
    const { secretKey } = (await rotated.json()) as { secretKey: string };
    expect([rotated.status, secretKey.length >= 32, secretKey === oldKey]).toEqual([200, true, false]);
    expect((await server.api('/events/show', { secretKey: oldKey })).status).toBe(401);
    expect((await server.api('/events/show', { secretKey })).status).toBe(200);
    expect((await server.app.booking.eventOrder({ eventKey: 'show' }, orderId, access))?.places).toEqual([{ label: 'A-1', quantity: 1 }]);
  });

  it('leaves a secret key set by TESSERA_SECRET_KEY alone, saying where to change it', async () => {
    server = await startTestServer();
    const { session, csrfToken } = await login();
    const refused = await post('/workspace/rotate-secret-key', {}, { cookie: session, 'x-csrf-token': csrfToken });
    expect([refused.status, await refused.json()]).toEqual([
      409,
      { statusCode: 409, message: 'The secret key is set by TESSERA_SECRET_KEY: change it there and restart' },
    ]);
    expect((await server.api('/events/none')).status).toBe(404);
    expect((await post('/workspace/rotate-secret-key', {}, { cookie: session })).status).toBe(403);
  });
});
