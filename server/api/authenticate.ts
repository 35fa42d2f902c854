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

/**
 * The workspace a request acts on: null without credentials, 401/403 for wrong ones. The default workspace's
 * secret key may address another workspace through X-Workspace-Key.
 */
export function authenticate(booking: Booking, req: IncomingMessage): Workspace | null | 401 | 403 {
  const secret = secretKeyOf(req);
  if (!secret) return req.headers.authorization ? 401 : null;
  const workspace = booking.workspaceBySecretKey(secret);
  if (!workspace) return 401;
  const header = req.headers['x-workspace-key'];
  const requested = Array.isArray(header) ? header[0] : header;
  if (!requested || requested === workspace.key) return workspace;
  if (!workspace.isDefault) return 403;
  return booking.workspaceByKey(requested) ?? 403;
}
