import { z } from 'zod';
import { webhookCreateRequest, webhookDelivery, webhookSubscription, webhookUpdateRequest } from '../../contracts/webhooks';
import type { Booking } from '../booking/booking';
import { webhookUrlProblem } from '../webhooks/address-policy';
import { parserFor } from './parse';
import { invalidRequest, problem } from './problems';
import type { ApiRequest, ApiResponse, Router } from './router';

/*
 * `/webhooks`: a workspace's webhook subscriptions, in the buyer API (with the secret key) and in the organisers'
 * API (with a session, for the box office's screen), which share the `{statusCode, message, errors}` error shape.
 * The signing secret is shown once, in the answer that creates the subscription (or rotates it). The documentation
 * describes the buyer API's routes; the organisers' API has no public reference.
 */

const parse = parserFor(invalidRequest);

/** A handler once the dialect has found whose subscriptions these are. */
type WorkspaceHandler = (req: ApiRequest, workspaceId: number, booking: Booking) => ApiResponse | Promise<ApiResponse>;

export type WebhookAccess<C> = {
  /** The dialect's own check (secret key, or session and CSRF token), then the handler with the workspace. */
  guard: (handler: WorkspaceHandler) => (req: ApiRequest, c: C) => ApiResponse | Promise<ApiResponse>;
  /** Whether webhooks may go to loopback and private addresses (tests, closed networks). */
  allowPrivate: boolean;
};

const notFound = (id: string) => problem(404, `Webhook subscription not found: ${id}`);

export function webhookRoutes<C>(router: Router<C>, { guard, allowPrivate }: WebhookAccess<C>): void {
  const urlRefused = async (url: string | undefined) => {
    const refused = url === undefined ? null : await webhookUrlProblem(url, allowPrivate);
    return refused ? problem(400, 'Invalid request', { url: [`${refused}: webhooks go to public addresses only`] }) : null;
  };
  router
    .on(
      'POST',
      '/webhooks',
      guard(async (req, workspaceId, booking) => {
        const body = parse(webhookCreateRequest, req.body);
        if (!body.ok) return body.response;
        const refused = await urlRefused(body.value.url);
        if (refused) return refused;
        return { status: 201, body: await booking.createWebhook(workspaceId, body.value) };
      }),
      {
        summary: 'Subscribe to webhooks',
        description:
          'The answer carries the signing secret (`whsec_…`), shown only here. URLs resolving to loopback, private or link-local addresses are refused unless the server allows them.',
        access: 'secretKey',
        body: webhookCreateRequest,
        responses: { 201: { description: 'The subscription, with its signing secret', schema: webhookSubscription } },
      },
    )
    .on(
      'GET',
      '/webhooks',
      guard(async (_req, workspaceId, booking) => ({ status: 200, body: { items: await booking.listWebhooks(workspaceId) } })),
      {
        summary: "The workspace's webhook subscriptions",
        access: 'secretKey',
        responses: { 200: { description: 'Every subscription, without secrets', schema: z.object({ items: z.array(webhookSubscription) }) } },
      },
    )
    .on(
      'GET',
      '/webhooks/:id',
      guard(async (req, workspaceId, booking) => {
        const found = await booking.webhookById(workspaceId, req.params.id!);
        return found ? { status: 200, body: found } : notFound(req.params.id!);
      }),
      { summary: 'A webhook subscription', access: 'secretKey', responses: { 200: { description: 'The subscription', schema: webhookSubscription } } },
    )
    .on(
      'PATCH',
      '/webhooks/:id',
      guard(async (req, workspaceId, booking) => {
        const body = parse(webhookUpdateRequest, req.body);
        if (!body.ok) return body.response;
        const refused = await urlRefused(body.value.url);
        if (refused) return refused;
        const updated = await booking.updateWebhook(workspaceId, req.params.id!, body.value);
        return updated ? { status: 200, body: updated } : notFound(req.params.id!);
      }),
      {
        summary: 'Change a webhook subscription',
        description: 'Its URL, event types, description, or whether it is enabled (enabling it again clears why it was disabled).',
        access: 'secretKey',
        body: webhookUpdateRequest,
        responses: { 200: { description: 'The subscription as changed', schema: webhookSubscription } },
      },
    )
    .on(
      'DELETE',
      '/webhooks/:id',
      guard(async (req, workspaceId, booking) => ((await booking.deleteWebhook(workspaceId, req.params.id!)) ? { status: 204 } : notFound(req.params.id!))),
      { summary: 'Delete a webhook subscription', access: 'secretKey', responses: { 204: { description: 'Deleted, with what it had not delivered' } } },
    )
    .on(
      'POST',
      '/webhooks/:id/rotate-secret',
      guard(async (req, workspaceId, booking) => {
        const rotated = await booking.rotateWebhookSecret(workspaceId, req.params.id!);
        return rotated ? { status: 200, body: rotated } : notFound(req.params.id!);
      }),
      {
        summary: "Rotate a subscription's signing secret",
        description: 'For 24 hours messages carry a signature by each secret, space-separated, so receivers can switch without losing any.',
        access: 'secretKey',
        responses: { 200: { description: 'The subscription with its new secret, shown only here', schema: webhookSubscription } },
      },
    )
    .on(
      'POST',
      '/webhooks/:id/test',
      guard(async (req, workspaceId, booking) => {
        const messageId = await booking.sendTestWebhook(workspaceId, req.params.id!);
        return messageId ? { status: 202, body: { messageId } } : notFound(req.params.id!);
      }),
      {
        summary: 'Send a test message',
        description: 'A `webhook.test` message to this subscription alone, delivered like any other.',
        access: 'secretKey',
        responses: { 202: { description: 'Queued', schema: z.object({ messageId: z.string() }) } },
      },
    )
    .on(
      'POST',
      '/webhooks/:id/deliveries/:messageId/replay',
      guard(async (req, workspaceId, booking) =>
        (await booking.replayWebhookDelivery(workspaceId, req.params.id!, req.params.messageId!))
          ? { status: 202 }
          : problem(404, `No undelivered message ${req.params.messageId} for subscription ${req.params.id}`),
      ),
      {
        summary: 'Replay an undelivered message',
        description: 'Sends it again now, from the start of the retry schedule, with the same `webhook-id`.',
        access: 'secretKey',
        responses: { 202: { description: 'Queued' } },
      },
    )
    .on(
      'GET',
      '/webhooks/:id/deliveries',
      guard(async (req, workspaceId, booking) => {
        const items = await booking.webhookDeliveryLog(workspaceId, req.params.id!, 100);
        return items ? { status: 200, body: { items } } : notFound(req.params.id!);
      }),
      {
        summary: "A subscription's delivery log",
        description: 'The latest 100 messages, each with every attempt.',
        access: 'secretKey',
        responses: { 200: { description: 'Newest first', schema: z.object({ items: z.array(webhookDelivery) }) } },
      },
    );
}
