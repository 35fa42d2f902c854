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
/** Deliveries taken from the outbox at a time, all sent at once; the next batch follows as soon as they are done. */
const BATCH = 64;

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
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private booking: Booking,
    private options: DispatcherOptions,
  ) {}

  /** Looks for due deliveries every interval; while there are more than a batch, one batch follows another. */
  start(): void {
    this.timer = setInterval(() => void this.drain(), this.options.intervalMs ?? 200);
    this.timer.unref();
  }

  drain(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped) return;
        const due = this.booking.dueWebhookDeliveries(BATCH);
        if (!due.length) return;
        const results = await Promise.all(due.map(async (delivery) => ({ delivery, result: await attempt(delivery, this.options.allowPrivate) })));
        // One transaction for the batch: recording costs the booking path as little as it can.
        this.booking.recordWebhookAttempts(results);
        if (due.length < BATCH) return;
      }
    } catch (cause) {
      console.error('webhook dispatch failed', cause);
    }
  }

  /** Stops taking new deliveries and waits for the batch under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
