import { Webhook } from 'standardwebhooks';
import type { AttemptResult, DueDelivery } from '../booking/webhooks';
import { webhookUrlProblem } from './address-policy';

/* One attempt to deliver one message: signed by the Standard Webhooks specification, 2xx within the timeout or not. */

const TIMEOUT_MS = 15_000;

export async function attempt(delivery: DueDelivery, allowPrivate: boolean): Promise<AttemptResult> {
  const started = performance.now();
  const done = (result: Omit<AttemptResult, 'durationMs'>): AttemptResult => ({ ...result, durationMs: Math.round(performance.now() - started) });
  const refused = await webhookUrlProblem(delivery.url, allowPrivate);
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
