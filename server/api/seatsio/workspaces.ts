import type { Router } from '../router';
import type { SeatsioContext } from './context';
import { workspaceReply } from './replies';
import { ok, parse } from './responses';
import * as schemas from './schemas';

/** `POST /workspaces`: only the default workspace's secret key creates workspaces. */
export function workspaceRoutes(router: Router<SeatsioContext>): void {
  router.on(
    'POST',
    '/workspaces',
    (req, c) => {
      if (!c.workspace.isDefault) return { status: 403 };
      const body = parse(schemas.createWorkspaceBody, req.body);
      if (!body.ok) return body.response;
      const w = c.booking.createWorkspace(body.value.name);
      return ok({ id: w.id, key: w.key, secretKey: w.secretKey, name: w.name, isDefault: false, isTest: body.value.isTest ?? false, isActive: true });
    },
    {
      summary: 'Create a workspace',
      description: "Only with the default workspace's secret key.",
      access: 'secretKey',
      body: schemas.createWorkspaceBody,
      responses: { 200: { description: 'The workspace, with its secret key', schema: workspaceReply } },
    },
  );
}
