import type { Router } from '../router';
import { signedIn, type ManageContext } from './context';

/** The default workspace's keys: the secret one is shown only when an organiser asks (a POST, so CSRF-checked). */
export function workspaceRoutes(router: Router<ManageContext>, defaultWorkspaceId: number): void {
  router.on(
    'POST',
    '/workspace/reveal-secret-key',
    signedIn((_req, c) => {
      const workspace = c.booking.workspaceById(defaultWorkspaceId)!;
      return { status: 200, body: { secretKey: workspace.secretKey } };
    }),
  );
}
