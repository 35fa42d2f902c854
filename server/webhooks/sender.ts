import { parentPort } from 'node:worker_threads';
import { Webhook } from 'standardwebhooks';
import type { AttemptResult, DueDelivery } from '../booking/webhooks';
import { webhookUrlProblem } from './address-policy';

/*
 * The webhook sender's thread: HTTP requests cost about what a hold costs, so they run here, beside the booking
 * thread rather than on it. It gets a batch, sends it (signed by the Standard Webhooks specification), and answers
 * with each attempt's result; the database stays with the booking thread.
 */

export type SendRequest = { id: number; deliveries: DueDelivery[]; allowPrivate: boolean };
export type SendReply = { id: number; results: AttemptResult[] };

const TIMEOUT_MS = 15_000;

/** One attempt to deliver one message, unless its URL is refused: signed, 2xx within the timeout or not. */
async function attempt(delivery: DueDelivery, refused: string | null): Promise<AttemptResult> {
  const started = performance.now();
  const done = (result: Omit<AttemptResult, 'durationMs'>): AttemptResult => ({ ...result, durationMs: Math.round(performance.now() - started) });
  if (refused) return done({ ok: false, responseStatus: null, error: `not sent: ${refused}` });
  const timestamp = new Date();
  try {
    const res = await fetch(delivery.url, {
      method: 'POST',
      body: delivery.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tessera-Webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        // Space-separated, one per secret: during a rotation, receivers holding either secret can verify.
        'webhook-signature': delivery.secrets.map((secret) => new Webhook(secret).sign(delivery.messageId, timestamp, delivery.payload)).join(' '),
      },
    });
    await res.arrayBuffer().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return done({ ok, responseStatus: res.status, error: ok ? null : res.status >= 300 && res.status < 400 ? 'redirects are not followed' : null });
  } catch (cause) {
    const error = cause instanceof Error ? (cause.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : cause.message) : String(cause);
    return done({ ok: false, responseStatus: null, error });
  }
}

parentPort!.on('message', async (request: SendRequest) => {
  // Each address checked once per batch: a batch is mostly many messages to a few receivers.
  const urls = [...new Set(request.deliveries.map((d) => d.url))];
  const problems = new Map(await Promise.all(urls.map(async (url) => [url, await webhookUrlProblem(url, request.allowPrivate)] as const)));
  const results = await Promise.all(request.deliveries.map((d) => attempt(d, problems.get(d.url) ?? null)));
  parentPort!.postMessage({ id: request.id, results } satisfies SendReply);
});
