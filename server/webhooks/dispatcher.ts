import { Webhook } from 'standardwebhooks';
import type { Booking } from '../booking/booking';
import type { AttemptResult, DueDelivery } from '../booking/webhooks';
import { webhookUrlProblem } from './address-policy';

/*
 * Sends what the webhook outbox has due, signed by the Standard Webhooks specification, and records every attempt.
 * A 2xx answer within the timeout delivers; anything else (a redirect included) is retried on the schedule. The
 * outbox lives in the database, so what was due when the process stopped goes out after it starts again.
 */

const TIMEOUT_MS = 15_000;
/** At most this many requests at once: a slow receiver must not hold up the others for long. */
const CONCURRENCY = 16;

export type DispatcherOptions = { allowPrivate: boolean; intervalMs?: number };

async function attempt(delivery: DueDelivery, allowPrivate: boolean): Promise<AttemptResult> {
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
        'webhook-signature': new Webhook(delivery.secret).sign(delivery.messageId, timestamp, delivery.payload),
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

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Map<number, Promise<void>>();
  private ticking = false;

  constructor(
    private booking: Booking,
    private options: DispatcherOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 200);
    this.timer.unref();
  }

  /** Takes what is due, up to the concurrency left, and sends it. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const room = CONCURRENCY - this.inFlight.size;
      if (room <= 0) return;
      for (const delivery of this.booking.dueWebhookDeliveries(room, new Set(this.inFlight.keys()))) {
        const sending = attempt(delivery, this.options.allowPrivate)
          .then((result) => this.booking.recordWebhookAttempt(delivery, result))
          .catch((cause) => console.error('webhook delivery failed to record', cause))
          .finally(() => this.inFlight.delete(delivery.id));
        this.inFlight.set(delivery.id, sending);
      }
    } catch (cause) {
      console.error('webhook dispatch failed', cause);
    } finally {
      this.ticking = false;
    }
  }

  /** Stops taking new deliveries and waits for those under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.inFlight.values());
  }
}
