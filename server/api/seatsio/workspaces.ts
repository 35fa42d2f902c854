import type { Workspace } from '../../booking/booking';
import type { ApiRequest, ApiResponse, Router } from '../router';
import type { SeatsioContext } from './context';
import { workspacePage, workspaceReply } from './replies';
import { error, ok, pageReply, pageRequest, parse } from './responses';
import * as schemas from './schemas';

/**
 * `/workspaces`: the company admin key creates, lists, renames, activates and deactivates workspaces and
 * regenerates their secret keys. A workspace's own secret key manages none of them (403).
 */
export function workspaceRoutes(router: Router<SeatsioContext>): void {
  const adminOnly =
    (handler: (req: ApiRequest, c: SeatsioContext) => Promise<ApiResponse>) =>
    async (req: ApiRequest, c: SeatsioContext): Promise<ApiResponse> =>
      c.admin ? handler(req, c) : { status: 403 };
  const list = (active?: boolean) =>
    adminOnly(async (req, c) => {
      const query = parse(schemas.workspacePageQuery, Object.fromEntries(req.query));
      return query.ok ? pageReply(await c.booking.listWorkspaces(pageRequest(query.value), active), workspaceJson) : query.response;
    });
  const listDoc = (summary: string) => ({
    summary,
    access: 'adminKey' as const,
    query: schemas.workspacePageQuery,
    responses: { 200: { description: 'A page, newest first', schema: workspacePage } },
  });
  const change = (kind: 'activate' | 'deactivate') =>
    adminOnly(async (req, c) => changed(await c.booking.changeWorkspace(req.params.key!, { isActive: kind === 'activate' }), req.params.key!, () => ok()));

  router
    .on(
      'POST',
      '/workspaces',
      adminOnly(async (req, c) => {
        const body = parse(schemas.createWorkspaceBody, req.body);
        if (!body.ok) return body.response;
        return ok(workspaceJson(await c.booking.createWorkspace(body.value.name, body.value.isTest ?? false)));
      }),
      {
        summary: 'Create a workspace',
        access: 'adminKey',
        body: schemas.createWorkspaceBody,
        responses: { 200: { description: 'The workspace, with its secret key', schema: workspaceReply } },
      },
    )
    .on('GET', '/workspaces', list(), listDoc('Every workspace'))
    .on('GET', '/workspaces/active', list(true), listDoc('The active workspaces'))
    .on('GET', '/workspaces/inactive', list(false), listDoc('The inactive workspaces'))
    .on(
      'GET',
      '/workspaces/:key',
      adminOnly(async (req, c) => {
        const workspace = await c.booking.workspaceByKey(req.params.key!);
        return workspace ? ok(workspaceJson(workspace)) : notFound(req.params.key!);
      }),
      { summary: 'A workspace', access: 'adminKey', params: workspaceKeyParam, responses: { 200: { description: 'The workspace', schema: workspaceReply } } },
    )
    .on(
      'POST',
      '/workspaces/:key',
      adminOnly(async (req, c) => {
        const body = parse(schemas.updateWorkspaceBody, req.body);
        if (!body.ok) return body.response;
        return changed(await c.booking.changeWorkspace(req.params.key!, { name: body.value.name }), req.params.key!, () => ok());
      }),
      {
        summary: 'Rename a workspace',
        access: 'adminKey',
        params: workspaceKeyParam,
        body: schemas.updateWorkspaceBody,
        responses: { 204: { description: 'Renamed' } },
      },
    )
    .on(
      'POST',
      '/workspaces/:key/actions/regenerate-secret-key',
      adminOnly(async (req, c) => {
        const workspace = await c.booking.workspaceByKey(req.params.key!);
        return workspace ? ok({ secretKey: await c.booking.rotateSecretKey(workspace.id) }) : notFound(req.params.key!);
      }),
      {
        summary: "Replace a workspace's secret key",
        description: 'The old key stops working at once.',
        access: 'adminKey',
        params: workspaceKeyParam,
        responses: { 200: { description: 'The new key', schema: schemas.secretKeyReply } },
      },
    )
    .on('POST', '/workspaces/:key/actions/activate', change('activate'), {
      summary: 'Activate a workspace',
      access: 'adminKey',
      params: workspaceKeyParam,
      responses: { 204: { description: 'Its keys work again' } },
    })
    .on('POST', '/workspaces/:key/actions/deactivate', change('deactivate'), {
      summary: 'Deactivate a workspace',
      description: 'Its keys are refused (403) until it is activated again; its data stays. The default workspace stays active.',
      access: 'adminKey',
      params: workspaceKeyParam,
      responses: { 204: { description: 'Its keys are refused' } },
    });
}

const workspaceKeyParam = { key: schemas.workspaceKey };

const notFound = (key: string) => error('NOT_FOUND', `Workspace not found: ${key}`);

function changed(result: Workspace | 'not_found' | 'default_stays_active', key: string, then: () => ApiResponse): ApiResponse {
  if (result === 'not_found') return notFound(key);
  if (result === 'default_stays_active') return error('INVALID_REQUEST', 'The default workspace cannot be deactivated');
  return then();
}

function workspaceJson(w: Workspace) {
  return { id: w.id, key: w.key, secretKey: w.secretKey, name: w.name, isDefault: w.isDefault, isTest: w.isTest, isActive: w.isActive };
}
