import { webhookCreateRequest, webhookUpdateRequest } from '../../../contracts/webhooks';
import type { Workspace } from '../../booking/booking';
import { webhookUrlProblem } from '../../webhooks/address-policy';
import { problem } from '../problems';
import type { ApiRequest, ApiResponse, Router } from '../router';
import type { BuyerContext, BuyerOptions } from './context';
import { parse } from './responses';

/*
 * `/webhooks`: a workspace's webhook subscriptions, with its secret key only. The signing secret is shown once, in
 * the answer that creates the subscription.
 */

type Handler = (req: ApiRequest, c: BuyerContext & { workspace: Workspace }) => ApiResponse | Promise<ApiResponse>;

/** A route for the venue only: anonymous callers get 401 and learn nothing. */
const venueOnly =
  (handler: Handler) =>
  (req: ApiRequest, c: BuyerContext): ApiResponse | Promise<ApiResponse> =>
    c.workspace ? handler(req, { ...c, workspace: c.workspace }) : problem(401, 'Webhooks need the workspace secret key');

const notFound = (id: string) => problem(404, `Webhook subscription not found: ${id}`);

export function webhookRoutes(router: Router<BuyerContext>, options: BuyerOptions): void {
  const urlRefused = async (url: string | undefined) => {
    const refused = url === undefined ? null : await webhookUrlProblem(url, options.webhookAllowPrivate);
    return refused ? problem(400, 'Invalid request', { url: [`${refused}: webhooks go to public addresses only`] }) : null;
  };
  router
    .on(
      'POST',
      '/webhooks',
      venueOnly(async (req, c) => {
        const body = parse(webhookCreateRequest, req.body);
        if (!body.ok) return body.response;
        const refused = await urlRefused(body.value.url);
        if (refused) return refused;
        return { status: 201, body: c.booking.createWebhook(c.workspace.id, body.value) };
      }),
    )
    .on(
      'GET',
      '/webhooks',
      venueOnly((_req, c) => ({ status: 200, body: { items: c.booking.listWebhooks(c.workspace.id) } })),
    )
    .on(
      'GET',
      '/webhooks/:id',
      venueOnly((req, c) => {
        const found = c.booking.webhookById(c.workspace.id, req.params.id!);
        return found ? { status: 200, body: found } : notFound(req.params.id!);
      }),
    )
    .on(
      'PATCH',
      '/webhooks/:id',
      venueOnly(async (req, c) => {
        const body = parse(webhookUpdateRequest, req.body);
        if (!body.ok) return body.response;
        const refused = await urlRefused(body.value.url);
        if (refused) return refused;
        const updated = c.booking.updateWebhook(c.workspace.id, req.params.id!, body.value);
        return updated ? { status: 200, body: updated } : notFound(req.params.id!);
      }),
    )
    .on(
      'DELETE',
      '/webhooks/:id',
      venueOnly((req, c) => (c.booking.deleteWebhook(c.workspace.id, req.params.id!) ? { status: 204 } : notFound(req.params.id!))),
    )
    .on(
      'POST',
      '/webhooks/:id/rotate-secret',
      venueOnly((req, c) => {
        const rotated = c.booking.rotateWebhookSecret(c.workspace.id, req.params.id!);
        return rotated ? { status: 200, body: rotated } : notFound(req.params.id!);
      }),
    )
    .on(
      'POST',
      '/webhooks/:id/test',
      venueOnly((req, c) => {
        const messageId = c.booking.sendTestWebhook(c.workspace.id, req.params.id!);
        return messageId ? { status: 202, body: { messageId } } : notFound(req.params.id!);
      }),
    )
    .on(
      'POST',
      '/webhooks/:id/deliveries/:messageId/replay',
      venueOnly((req, c) =>
        c.booking.replayWebhookDelivery(c.workspace.id, req.params.id!, req.params.messageId!)
          ? { status: 202 }
          : problem(404, `No undelivered message ${req.params.messageId} for subscription ${req.params.id}`),
      ),
    )
    .on(
      'GET',
      '/webhooks/:id/deliveries',
      venueOnly((req, c) => {
        const items = c.booking.webhookDeliveryLog(c.workspace.id, req.params.id!, 100);
        return items ? { status: 200, body: { items } } : notFound(req.params.id!);
      }),
    );
}
