import { parentPort } from 'node:worker_threads';
import type { AttemptResult, DueDelivery } from '../booking/webhooks';
import { attempt } from './attempt';

/*
 * The webhook sender's thread: HTTP requests cost about what a hold costs, so they run here, beside the booking
 * thread rather than on it. It gets a batch, sends it, and answers with each attempt's result; the database stays
 * with the booking thread.
 */

export type SendRequest = { id: number; deliveries: DueDelivery[]; allowPrivate: boolean };
export type SendReply = { id: number; results: AttemptResult[] };

parentPort!.on('message', (request: SendRequest) => {
  void Promise.all(request.deliveries.map((d) => attempt(d, request.allowPrivate))).then((results) =>
    parentPort!.postMessage({ id: request.id, results } satisfies SendReply),
  );
});
