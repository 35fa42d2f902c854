import { Worker } from 'node:worker_threads';
import type { Booking } from '../booking/booking';
import type { AttemptResult, DueDelivery } from '../booking/webhooks';
import type { SendReply, SendRequest } from './sender';

/*
 * Sends what the webhook outbox has due and records every attempt. A 2xx answer within the timeout delivers;
 * anything else (a redirect included) is retried on the schedule. The outbox lives in the database, so what was due
 * when the process stopped goes out after it starts again. This thread reads and records; a worker thread of its
 * own sends (sender.ts), started with the first message.
 */

/** Deliveries taken from the outbox at a time, all sent at once; the next batch follows as soon as they are done. */
const BATCH = 64;

export type DispatcherOptions = { allowPrivate: boolean; intervalMs?: number };

/** The sending thread, and the batches it has not answered yet. */
class Sender {
  private worker = new Worker(new URL('./send-worker.mjs', import.meta.url));
  private waiting = new Map<number, { resolve: (results: AttemptResult[]) => void; reject: (cause: unknown) => void }>();
  private next = 0;

  constructor(private allowPrivate: boolean) {
    this.worker.on('message', (reply: SendReply) => {
      this.waiting.get(reply.id)?.resolve(reply.results);
      this.waiting.delete(reply.id);
    });
    // One listener for the thread's life (a listener per batch would pile up): a failed thread fails what waits.
    this.worker.on('error', (cause) => {
      for (const { reject } of this.waiting.values()) reject(cause);
      this.waiting.clear();
    });
    this.worker.unref();
  }

  send(deliveries: DueDelivery[]): Promise<AttemptResult[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, deliveries, allowPrivate: this.allowPrivate } satisfies SendRequest);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private sender: Sender | undefined;

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
        const due = await this.booking.dueWebhookDeliveries(BATCH);
        if (!due.length) return;
        this.sender ??= new Sender(this.options.allowPrivate);
        const results = await this.sender.send(due);
        // In the commit of this turn's holds (Booking.grouped): recording costs the booking path as little as it can,
        // a sync to disk included.
        const disabled = await this.booking.grouped(() => this.booking.recordWebhookAttempts(due.map((delivery, i) => ({ delivery, result: results[i]! }))));
        // The box office shows it too (its webhooks panel), with the reason.
        for (const subscription of disabled)
          console.warn(`webhook subscription ${subscription.id} (${subscription.url}) disabled.`, subscription.disabledReason);
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
    await this.sender?.close();
  }
}
