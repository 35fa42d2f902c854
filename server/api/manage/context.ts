import type { IncomingMessage } from 'node:http';
import { ORGANISER_SESSION_COOKIE } from '../../../contracts/page-services';
import type { Booking } from '../../booking/booking';
import { problem } from '../problems';
import type { ApiRequest, ApiResponse } from '../router';

/** The organiser's session cookie: sent to the pages and to this API, never readable by scripts. */
const SESSION_COOKIE = ORGANISER_SESSION_COOKIE;

/** An organiser API request: the session its cookie names, if that session is live. */
export type ManageContext = { booking: Booking; session: { id: string; csrfToken: string } | null };

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function manageContext(booking: Booking, req: IncomingMessage): ManageContext {
  const id = cookie(req, SESSION_COOKIE);
  const session = id ? booking.organiserSession(id) : undefined;
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

/** The session cookie: httpOnly, SameSite=Lax, Secure over https; `maxAgeSeconds` 0 clears it. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}
