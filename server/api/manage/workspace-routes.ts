import { problem } from '../problems';
import type { Router } from '../router';
import { signedIn, type ManageContext } from './context';

/**
 * The default workspace's keys: the secret one is shown only when an organiser asks (a POST, so CSRF-checked), and
 * replaced when they rotate it — unless TESSERA_SECRET_KEY sets it, which the next start would put back.
 */
export function workspaceRoutes(router: Router<ManageContext>, defaultWorkspaceId: number, secretKeyFromEnvironment: boolean): void {
  router
    .on(
      'POST',
      '/workspace/reveal-secret-key',
      signedIn(async (_req, c) => {
        const workspace = (await c.booking.workspaceById(defaultWorkspaceId))!;
        return { status: 200, body: { secretKey: workspace.secretKey } };
      }),
    )
    .on(
      'POST',
      '/workspace/rotate-secret-key',
      signedIn(async (_req, c) => {
        if (secretKeyFromEnvironment) return problem(409, 'The secret key is set by TESSERA_SECRET_KEY: change it there and restart');
        return { status: 200, body: { secretKey: await c.booking.rotateSecretKey(defaultWorkspaceId) } };
      }),
    );
}
