import type { IncomingMessage } from 'node:http';
import type { Booking, Workspace } from '../booking/booking';

/** HTTP basic auth with the secret key as username (seats.io convention); the password is ignored. */
function secretKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
  return user || undefined;
}

/** Who a request comes from: a workspace's secret key, or the company admin key acting on a workspace. */
export type Auth = { workspace: Workspace; admin: boolean };

/**
 * Who a request comes from: null without credentials, 401/403 for wrong ones. A workspace's secret key acts on its
 * own workspace only; the company admin key acts on the workspace X-Workspace-Key names (the default one without
 * it). Inactive workspaces are refused. The secret key is looked up first: the hot path pays nothing for the
 * admin key.
 */
export async function authenticate(booking: Booking, req: IncomingMessage): Promise<Auth | null | 401 | 403> {
  const secret = secretKeyOf(req);
  if (!secret) return req.headers.authorization ? 401 : null;
  const header = req.headers['x-workspace-key'];
  const requested = Array.isArray(header) ? header[0] : header;
  const own = await booking.workspaceBySecretKey(secret);
  if (own) return requested && requested !== own.key ? 403 : own.isActive ? { workspace: own, admin: false } : 403;
  if (!(await booking.isAdminKey(secret))) return 401;
  const workspace = await (requested ? await booking.workspaceByKey(requested) : await booking.defaultWorkspace());
  return workspace?.isActive ? { workspace, admin: true } : 403;
}
