import type { IncomingMessage } from 'node:http';
import type { Booking } from '../../booking/booking';
import { organiserSessionId } from '../../organiser-cookie';
import { problem } from '../problems';
import type { ApiRequest, ApiResponse } from '../router';

/** An organiser API request: the session its cookie names, if that session is live. */
export type ManageContext = { booking: Booking; session: { id: string; csrfToken: string } | null };

export async function manageContext(booking: Booking, req: IncomingMessage): Promise<ManageContext> {
  const id = organiserSessionId(req);
  const session = id ? await booking.organiserSession(id) : undefined;
  return { booking, session: id && session ? { id, csrfToken: session.csrfToken } : null };
}

type Handler = (req: ApiRequest, c: ManageContext & { session: NonNullable<ManageContext['session']> }) => ApiResponse | Promise<ApiResponse>;

/**
 * A route for signed-in organisers only: 401 without a session; a request that changes anything must also carry
 * the session's CSRF token in `X-CSRF-Token` (403 without it).
 */
export function signedIn(handler: Handler) {
  return (req: ApiRequest, c: ManageContext): ApiResponse | Promise<ApiResponse> => {
    if (!c.session) return problem(401, 'Log in first');
    if (req.method !== 'GET' && req.headers['x-csrf-token'] !== c.session.csrfToken) return problem(403, 'The request carries no valid CSRF token');
    return handler(req, { ...c, session: c.session });
  };
}
