import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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

// Connections stay open between messages: a busy receiver gets a message per change, and a new TCP (and TLS)
// connection for each would cost more than the message. node:http rather than fetch: measured, fetch spent about
// three times the CPU per message on this thread, CPU the booking thread shares on a small machine.
const agents = { 'http:': new HttpAgent({ keepAlive: true, maxSockets: 32 }), 'https:': new HttpsAgent({ keepAlive: true, maxSockets: 32 }) };

/** POSTs the body; the status, once the answer is read (or the socket fails, or the timeout passes). */
function post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const options = { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: agents[url.protocol as 'http:'] };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => {
      res.resume();
      res.on('end', () => (clearTimeout(timer), resolve(res.statusCode ?? 0)));
      res.on('error', (cause) => (clearTimeout(timer), reject(cause)));
    });
    // The whole exchange, not only silence on the socket: a receiver trickling its answer gets no longer.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    req.on('error', (cause) => (clearTimeout(timer), reject(cause)));
    req.end(body);
  });
}

/** Signers by secret: decoding a secret once per batch rather than once per message. */
const signers = new Map<string, Webhook>();
const signer = (secret: string) => signers.get(secret) ?? signers.set(secret, new Webhook(secret)).get(secret)!;

/** One attempt to deliver one message, unless its URL is refused: signed, 2xx within the timeout or not. */
async function attempt(delivery: DueDelivery, refused: string | null): Promise<AttemptResult> {
  const started = performance.now();
  const done = (result: Omit<AttemptResult, 'durationMs'>): AttemptResult => ({ ...result, durationMs: Math.round(performance.now() - started) });
  if (refused) return done({ ok: false, responseStatus: null, error: `not sent: ${refused}` });
  const timestamp = new Date();
  try {
    const status = await post(
      new URL(delivery.url),
      {
        'content-type': 'application/json',
        'user-agent': 'Tessera-Webhooks/1',
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        // Space-separated, one per secret: during a rotation, receivers holding either secret can verify.
        'webhook-signature': delivery.secrets.map((secret) => signer(secret).sign(delivery.messageId, timestamp, delivery.payload)).join(' '),
      },
      delivery.payload,
    );
    const ok = status >= 200 && status < 300;
    return done({ ok, responseStatus: status, error: ok ? null : status >= 300 && status < 400 ? 'redirects are not followed' : null });
  } catch (cause) {
    return done({ ok: false, responseStatus: null, error: cause instanceof Error ? cause.message : String(cause) });
  }
}

parentPort!.on('message', async (request: SendRequest) => {
  signers.clear();
  // Each address checked once per batch: a batch is mostly many messages to a few receivers.
  const urls = [...new Set(request.deliveries.map((d) => d.url))];
  const problems = new Map(await Promise.all(urls.map(async (url) => [url, await webhookUrlProblem(url, request.allowPrivate)] as const)));
  const results = await Promise.all(request.deliveries.map((d) => attempt(d, problems.get(d.url) ?? null)));
  parentPort!.postMessage({ id: request.id, results } satisfies SendReply);
});
